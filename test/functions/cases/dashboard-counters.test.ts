// The dashboard's case counters (daily_stats) follow real actions: after submit,
// accept, transfer, answer, rate, close, reject, the scheduler's overdue flag and
// a 随手拍 found invalid, the stored counters equal what this test sums itself from
// the raw cases — and a refused action, or the loser of two organisers acting at
// once, moves none.
import type { CaseAdminView } from '../../../typings/cases';
import { sdkFor } from '../../support/sdk';
import {
  bj,
  BRANCH_ADMIN,
  type CasesWorld,
  demand,
  INDUSTRY_ADMIN,
  OTHER_RIDER,
  OUTSIDER_ADMIN,
  RIDER,
  startCasesWorld,
} from './world';

let w: CasesWorld;
beforeAll(async () => {
  w = await startCasesWorld();
}, 60_000);
afterAll(() => w.stop());

const db = () => sdkFor(w.ip.emu).database();

interface RawCase {
  category: string;
  orgId: string;
  state: string;
  submittedAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
  closedAt: Date | null;
  rating: string | null;
  ratedAt?: Date | null;
  flags: { overdue?: { at: Date } };
}

const OPEN = ['submitted', 'accepted', 'in_progress', 'extended', 'reopened', 'returned'];
const day = (at: Date | string) => new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const ms = (at: Date | string) => new Date(at).getTime();

/** The counters as this test reads the definitions (typings/dashboard.ts), from the raw cases. */
async function expected(): Promise<Record<string, number>> {
  const { data } = await db().collection('cases').limit(1000).get();
  const out: Record<string, number> = {};
  const add = (metric: string, c: RawCase, at: Date | string) => {
    const id = `${metric}|${c.category}|${c.orgId}|${day(at)}`;
    out[id] = (out[id] ?? 0) + 1;
  };
  for (const c of data as RawCase[]) {
    if (c.state === 'rejected') continue;
    add('cases_opened', c, c.submittedAt);
    if (c.closedAt) add('cases_closed', c, c.closedAt);
    const late = OPEN.includes(c.state)
      ? !!c.flags.overdue && ms(c.flags.overdue.at) >= ms(c.dueAt)
      : !!c.answeredAt && ms(c.answeredAt) > ms(c.dueAt);
    if (late) add('cases_overdue', c, c.dueAt);
    if (c.rating) {
      add('cases_rated', c, c.ratedAt ?? c.closedAt!);
      if (c.rating !== 'unsatisfied') add('cases_satisfied', c, c.ratedAt ?? c.closedAt!);
    }
  }
  return out;
}

/** The stored case counters, zeros left out. */
async function stored(): Promise<Record<string, number>> {
  const { data } = await db()
    .collection('daily_stats')
    .where({ metric: db().RegExp({ regexp: '^cases_' }) })
    .limit(1000)
    .get();
  const out: Record<string, number> = {};
  for (const s of data as { _id: string; n: number }[]) if (s.n !== 0) out[s._id] = s.n;
  return out;
}

const expectExact = async () => expect(await stored()).toEqual(await expected());

const scheduler = async (at: string) => {
  // The 2026 calendar ends soon for these dates: its warning is expected here.
  const warning = jest.spyOn(console, 'error').mockImplementation(() => {});
  const r = await w.ip.invoke(
    'scheduler',
    { Type: 'Timer', TriggerName: 'every-10-minutes' },
    { timer: true, now: at },
  );
  warning.mockRestore();
  if (!r.ok) throw new Error(`scheduler: ${r.code} ${r.message}`);
};

it('a demand through its whole life, a rejected one and an on-time one: the counters equal the raw cases at every step', async () => {
  // Monday 2 November 2026: due at the end of Monday 9 November (5 working days).
  const late = await w.submit(RIDER, bj('2026-11-02T00:30:00'), demand());
  const onTime = await w.submit(OTHER_RIDER, bj('2026-11-02T11:00:00'), demand({ category: 'living' }));
  const rejected = await w.submit(RIDER, bj('2026-11-03T09:00:00'), demand({ category: 'other' }));
  await expectExact();
  expect((await stored())[`cases_opened|conditions|${w.orgs.expressBranch.id}|2026-11-02`]).toBe(1);

  await w.as(BRANCH_ADMIN, bj('2026-11-02T14:00:00')).ok('cases', 'acceptCase', { caseId: late.id });
  // The industry committee takes it over: every count moves to its org.
  await w.as(INDUSTRY_ADMIN, bj('2026-11-03T10:00:00')).ok('cases', 'transferCase', {
    caseId: late.id,
    toOrgId: w.orgs.express.id,
    reason: '需要行业党委协调快递企业',
  });
  await w.as(BRANCH_ADMIN, bj('2026-11-04T10:00:00')).ok('cases', 'rejectCase', {
    caseId: rejected.id,
    reason: '不属于受理范围',
  });
  await w.as(BRANCH_ADMIN, bj('2026-11-04T11:00:00')).ok('cases', 'answerCase', {
    caseId: onTime.id,
    text: '已协调驿站增加夜间开放时间。',
  });
  await w.as(OTHER_RIDER, bj('2026-11-05T09:00:00')).ok('cases', 'confirmCase', { caseId: onTime.id });
  await expectExact();
  const s = await stored();
  expect(s[`cases_opened|conditions|${w.orgs.express.id}|2026-11-02`]).toBe(1);
  expect(s[`cases_opened|conditions|${w.orgs.expressBranch.id}|2026-11-02`]).toBeUndefined();
  expect(s[`cases_opened|other|${w.orgs.expressBranch.id}|2026-11-03`]).toBeUndefined();
  expect(s[`cases_closed|living|${w.orgs.expressBranch.id}|2026-11-05`]).toBe(1);

  // The deadline passes unanswered: the scheduler's flag makes it overdue on the deadline's day.
  await scheduler(bj('2026-11-10T09:00:00'));
  await expectExact();
  expect((await stored())[`cases_overdue|conditions|${w.orgs.express.id}|2026-11-09`]).toBe(1);
  await w.as(INDUSTRY_ADMIN, bj('2026-11-10T15:00:00')).ok('cases', 'answerCase', {
    caseId: late.id,
    text: '已与快递企业协商，增设两个充电桩。',
  });
  await w
    .as(RIDER, bj('2026-11-11T09:00:00'))
    .ok('cases', 'rateCase', { caseId: late.id, rating: 'basically_satisfied' });
  await expectExact();
  expect(await stored()).toMatchObject({
    [`cases_overdue|conditions|${w.orgs.express.id}|2026-11-09`]: 1,
    [`cases_rated|conditions|${w.orgs.express.id}|2026-11-11`]: 1,
    [`cases_satisfied|conditions|${w.orgs.express.id}|2026-11-11`]: 1,
    [`cases_closed|conditions|${w.orgs.express.id}|2026-11-11`]: 1,
  });

  // Refused: a second rating, another district's organiser, a closed case answered again.
  const before = await stored();
  const refused = [
    await w.as(RIDER, bj('2026-11-12T09:00:00')).call('cases', 'rateCase', { caseId: late.id, rating: 'unsatisfied' }),
    await w.as(OUTSIDER_ADMIN, bj('2026-11-12T09:00:00')).call('cases', 'rejectCase', {
      caseId: onTime.id,
      reason: '越权驳回',
    }),
    await w.as(INDUSTRY_ADMIN, bj('2026-11-12T09:00:00')).call('cases', 'answerCase', {
      caseId: late.id,
      text: '再答复一次',
    }),
  ];
  expect(refused.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['CONFLICT', 'FORBIDDEN', 'CONFLICT']);
  expect(await stored()).toEqual(before);
});

it('the scheduler auto-closes an answer after 7 days and a 随手拍 found invalid is no longer opened', async () => {
  const c = await w.submit(RIDER, bj('2026-11-16T10:00:00'), demand({ category: 'skills' }));
  await w.as(BRANCH_ADMIN, bj('2026-11-16T11:00:00')).ok('cases', 'answerCase', {
    caseId: c.id,
    text: '已联系培训机构安排技能课程。',
  });
  const report = await w.submit(RIDER, bj('2026-11-16T12:00:00'), {
    kind: 'report',
    category: 'road',
    photos: [await w.photo(w.rider.userId, 'manhole.png')],
    description: '和平路口井盖缺失',
  });
  await expectExact();
  await w.as(BRANCH_ADMIN, bj('2026-11-17T10:00:00')).ok('cases', 'verifyReport', { caseId: report.id, valid: false });
  await scheduler(bj('2026-11-24T12:00:00'));
  await expectExact();
  const s = await stored();
  expect(s[`cases_closed|skills|${w.orgs.expressBranch.id}|2026-11-24`]).toBe(1);
  expect(s[`cases_opened|road|${w.orgs.expressBranch.id}|2026-11-16`]).toBeUndefined();
});

it('two organisers at once: one wins, and the counters follow the winner alone', async () => {
  for (let round = 0; round < 4; round++) {
    const c = await w.submit(RIDER, bj('2026-12-03T09:00:00'), demand({ category: 'traffic' }));
    const at = bj('2026-12-03T10:00:00');
    await w.as(BRANCH_ADMIN, at).ok('cases', 'acceptCase', { caseId: c.id });
    const replies = await Promise.all([
      w.as(BRANCH_ADMIN, at).call<CaseAdminView>('cases', 'rejectCase', { caseId: c.id, reason: '重复提交' }),
      w.as(INDUSTRY_ADMIN, at).call<CaseAdminView>('cases', 'transferCase', {
        caseId: c.id,
        toOrgId: w.orgs.express.id,
        reason: '需要行业党委协调',
      }),
    ]);
    expect(replies.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['CONFLICT', 'ok']);
  }
  await expectExact();
});
