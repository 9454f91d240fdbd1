// Deadlines, flags and escalation with the clock pinned, on the real 2026 calendar:
// a demand submitted before the National Day holiday skips it and counts the 调休
// Saturday; the red flag, the yellow flag, the reminder, the overdue flag and
// notice and the escalation each fire exactly once, at their times, however often
// the scheduler runs; answers close by themselves 7 days on. And two organisers
// acting at once: one wins, the other gets CONFLICT, the timeline has no lost entry.
import type { CaseAdminView, MyCase } from '../../../typings/cases';
import { runCaseUpkeep } from '../../../cloudfunctions/_shared/engines/cases';
import { sdkFor } from '../../support/sdk';
import {
  bj,
  BRANCH_ADMIN,
  BRANCH_ADMIN_2,
  type CasesWorld,
  demand,
  INDUSTRY_ADMIN,
  RIDER,
  startCasesWorld,
} from './world';

let w: CasesWorld;
beforeAll(async () => {
  w = await startCasesWorld();
}, 60_000);
afterAll(() => w.stop());

/** Only this test's cases are due at these instants. */
beforeEach(async () => {
  const db = sdkFor(w.ip.emu).database();
  await db
    .collection('cases')
    .where({ version: db.command.gte(0) })
    .remove();
  await w.clearOutbox();
});

const upkeep = (at: string) => runCaseUpkeep(new Date(at));
const sentBy = async (template: string) => (await w.outbox()).filter((m) => m.template_id === template);

describe('a demand submitted on Wednesday 30 September 2026, the day before National Day', () => {
  it('is due at the end of Tuesday 13 October: 8, 9, 10 (调休 Saturday), 12, 13', async () => {
    const c = await w.submit(RIDER, bj('2026-09-30T10:00:00'), demand());
    expect(c.dueAt).toBe(bj('2026-10-13T23:59:59.999'));
    expect(c.respondBy).toBe(bj('2026-10-08T23:59:59.999'));
  });

  it('raises each flag and sends the reminder, the overdue notice and the escalation exactly once, at their times', async () => {
    const c = await w.submit(RIDER, bj('2026-09-30T10:00:00'), demand());
    const flagged = async (at: string) => (await w.adminView(c.id, at)).flagsRaised;

    // Red: no first response within 24 hours.
    expect((await upkeep(bj('2026-10-01T09:50:00'))).flagged.red).toBe(0);
    expect((await upkeep(bj('2026-10-01T10:10:00'))).flagged.red).toBe(1);
    expect((await upkeep(bj('2026-10-01T10:20:00'))).flagged.red).toBe(0);
    expect(await flagged(bj('2026-10-01T10:30:00'))).toEqual({ red: bj('2026-10-01T10:10:00') });

    // Accepted on the first working day after the holiday; no update for 3 days → yellow.
    await w.as(BRANCH_ADMIN, bj('2026-10-08T09:00:00')).ok('cases', 'acceptCase', { caseId: c.id });
    expect((await upkeep(bj('2026-10-11T08:50:00'))).flagged.yellow).toBe(0);
    expect((await upkeep(bj('2026-10-11T09:10:00'))).flagged.yellow).toBe(1);
    expect((await upkeep(bj('2026-10-11T09:20:00'))).flagged.yellow).toBe(0);

    // Reminder: 09:00 on Monday 12 October, the working day before the due day, to the branch's two admins.
    expect((await upkeep(bj('2026-10-12T08:50:00'))).reminders).toBe(0);
    expect((await upkeep(bj('2026-10-12T09:10:00'))).reminders).toBe(1);
    expect((await upkeep(bj('2026-10-12T15:00:00'))).reminders).toBe(0);
    const reminders = await sentBy('dev-tpl-case-due-soon');
    expect(reminders.map((m) => m.touser).sort()).toEqual([BRANCH_ADMIN, BRANCH_ADMIN_2]);
    expect(reminders[0]!.data).toMatchObject({
      phrase3: { value: '即将到期' },
      time2: { value: '2026年10月13日 23:59' },
    });

    // Overdue: the flag once the due date passes, the notice at 09:00 the next working day.
    const midnight = await upkeep(bj('2026-10-14T00:10:00'));
    expect(midnight).toMatchObject({ flagged: { overdue: 1 }, overdueNotices: 0 });
    expect((await upkeep(bj('2026-10-14T09:10:00'))).overdueNotices).toBe(1);
    expect((await upkeep(bj('2026-10-15T09:10:00'))).overdueNotices).toBe(0);
    expect((await sentBy('dev-tpl-case-overdue')).map((m) => m.touser).sort()).toEqual([BRANCH_ADMIN, BRANCH_ADMIN_2]);

    // Escalation: 5 working days after the due day (14, 15, 16, 19, 20 October) to the parent org's admins.
    expect((await upkeep(bj('2026-10-19T09:10:00'))).escalations).toBe(0);
    expect((await upkeep(bj('2026-10-20T08:50:00'))).escalations).toBe(0);
    expect((await upkeep(bj('2026-10-20T09:10:00'))).escalations).toBe(1);
    expect((await upkeep(bj('2026-10-21T09:10:00'))).escalations).toBe(0);
    expect((await sentBy('dev-tpl-case-escalated')).map((m) => m.touser)).toEqual([INDUSTRY_ADMIN]);

    // Overlapping runs claim nothing twice.
    await Promise.all([upkeep(bj('2026-10-22T09:10:00')), upkeep(bj('2026-10-22T09:10:00'))]);
    expect(await w.outbox()).toHaveLength(5);
    const view = await w.adminView(c.id, bj('2026-10-22T10:00:00'));
    expect(view.flags).toEqual(['yellow', 'overdue']);
    expect(Object.keys(view.flagsRaised).sort()).toEqual(['overdue', 'red', 'yellow']);
    expect(view.noticesSent).toEqual({
      reminder: bj('2026-10-12T09:10:00'),
      overdue: bj('2026-10-14T09:10:00'),
      escalation: bj('2026-10-20T09:10:00'),
    });
    // The raiser sees none of the internal steps.
    const mine = await w.as(RIDER, bj('2026-10-22T10:00:00')).ok<MyCase>('cases', 'getCase', { caseId: c.id });
    expect(mine.timeline.map((e) => e.kind)).toEqual(['submitted', 'accepted']);
  });

  it('the organiser queue filters by flag', async () => {
    const late = await w.submit(RIDER, bj('2026-09-30T10:00:00'), demand());
    const fresh = await w.submit(RIDER, bj('2026-10-13T09:00:00'), demand());
    const queue = async (flag: string) =>
      (
        await w
          .as(BRANCH_ADMIN, bj('2026-10-14T10:00:00'))
          .ok<{ items: { id: string; flags: string[] }[] }>('cases', 'listCases', { flag })
      ).items.map((i) => i.id);
    expect(await queue('overdue')).toEqual([late.id]);
    expect((await queue('red')).sort()).toEqual([late.id, fresh.id].sort());
  });
});

/** December runs warn (once a day) that the calendar ends on 31 December: asserted, not printed. */
let calendarLog: jest.SpyInstance;
beforeEach(() => {
  calendarLog = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => calendarLog.mockRestore());

it('an answer nobody confirms closes by itself 7 days later; then it can no longer be reopened', async () => {
  const c = await w.submit(RIDER, bj('2026-12-01T10:00:00'), demand());
  await w.as(BRANCH_ADMIN, bj('2026-12-02T10:00:00')).ok('cases', 'answerCase', { caseId: c.id, text: '已处理。' });
  expect((await upkeep(bj('2026-12-09T09:50:00'))).autoClosed).toBe(0);
  expect((await upkeep(bj('2026-12-09T10:10:00'))).autoClosed).toBe(1);
  expect((await upkeep(bj('2026-12-09T10:20:00'))).autoClosed).toBe(0);
  const mine = await w.as(RIDER, bj('2026-12-09T11:00:00')).ok<MyCase>('cases', 'getCase', { caseId: c.id });
  expect(mine).toMatchObject({ state: 'closed', canReopen: false, canRate: true });
  expect(
    await w.as(RIDER, bj('2026-12-09T11:00:00')).call('cases', 'reopenCase', { caseId: c.id, reason: '还没解决呢' }),
  ).toMatchObject({ ok: false, code: 'CLOSED' });
});

it('the scheduler’s timer runs the case upkeep', async () => {
  const r = await w.ip.invoke(
    'scheduler',
    { Type: 'Timer', TriggerName: 'every-10-minutes', Time: '2026-12-01T02:00:00Z' },
    { timer: true, now: '2026-12-01T02:00:00Z' },
  );
  expect(r).toMatchObject({ ok: true, data: { cases: { calendarLastDay: '2026-12-31' } } });
  expect((r as { data: { cases: { calendarWarning: string } } }).data.cases.calendarWarning).toContain('2026-12-31');
  expect(calendarLog.mock.calls.flat().join('\n')).toMatch(/work calendar ends soon.*2026-12-31/);
}, 20_000);

describe('two organisers acting on one case at once', () => {
  it('answering and transferring: one wins, the other gets CONFLICT, the timeline has exactly the winner’s entry', async () => {
    for (let round = 0; round < 8; round++) {
      const c = await w.submit(RIDER, bj('2026-12-03T09:00:00'), demand());
      const at = bj('2026-12-03T10:00:00');
      await w.as(BRANCH_ADMIN, at).ok('cases', 'acceptCase', { caseId: c.id });
      const [a, b] = await Promise.all([
        w
          .as(BRANCH_ADMIN, at)
          .call<CaseAdminView>('cases', 'answerCase', { caseId: c.id, text: '已答复：问题已解决。' }),
        w.as(INDUSTRY_ADMIN, at).call<CaseAdminView>('cases', 'transferCase', {
          caseId: c.id,
          toOrgId: w.orgs.express.id,
          reason: '需要行业党委协调',
        }),
      ]);
      const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.code)).sort();
      expect(outcomes).toEqual(['CONFLICT', 'ok']);
      const view = await w.adminView(c.id, at, INDUSTRY_ADMIN);
      const winner = a.ok ? 'answered' : 'transferred';
      expect(view.timeline.map((e) => e.kind)).toEqual(['submitted', 'accepted', winner]);
      expect(view.version).toBe(2);
      expect(view.state).toBe(a.ok ? 'answered' : 'accepted');
    }
  });

  it('an organiser who passes the version they saw is refused once the case moved', async () => {
    const c = await w.submit(RIDER, bj('2026-12-03T09:00:00'), demand());
    const seen = await w.adminView(c.id, bj('2026-12-03T09:30:00'));
    await w.as(BRANCH_ADMIN_2, bj('2026-12-03T09:40:00')).ok('cases', 'acceptCase', { caseId: c.id });
    expect(
      await w
        .as(BRANCH_ADMIN, bj('2026-12-03T09:50:00'))
        .call('cases', 'rejectCase', { caseId: c.id, version: seen.version, reason: '不属于受理范围' }),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
