// A demand's life through the cases function with the clock pinned: submitted on
// a Friday morning it is due the next Friday; accepted, updated, answered (the
// raiser's subscribe message), confirmed and rated; returns, transfers,
// extensions, rejections, reopening — each a guarded transition in the timeline,
// audited; the raiser's and the organisers' views.
import type { CaseAdminView, MyCase } from '../../../typings/cases';
import {
  ANSWERED_TEMPLATE,
  bj,
  BRANCH_ADMIN,
  type CasesWorld,
  demand,
  DISTRICT_ADMIN,
  INDUSTRY_ADMIN,
  OTHER_RIDER,
  RIDER,
  startCasesWorld,
} from './world';
import { registerWorker } from '../../support/fixtures';

let w: CasesWorld;
beforeAll(async () => {
  w = await startCasesWorld();
}, 60_000);
afterAll(() => w.stop());

const FRIDAY = bj('2026-12-04T09:30:00');

describe('a demand submitted on a Friday morning', () => {
  let c: MyCase;
  beforeAll(async () => {
    c = await w.submit(RIDER, FRIDAY, demand({ grants: [{ templateId: ANSWERED_TEMPLATE, result: 'accept' }] }));
  });

  it('is due at the end of the next Friday, with a first response due by the end of Monday', () => {
    expect(c).toMatchObject({
      state: 'submitted',
      kind: 'demand',
      categoryLabel: '工作条件',
      orgName: '快递流动党支部',
      dueAt: bj('2026-12-11T23:59:59.999'),
      respondBy: bj('2026-12-07T23:59:59.999'),
      flags: [],
      canConfirm: false,
    });
    expect(c.timeline).toEqual([expect.objectContaining({ kind: 'submitted', by: 'raiser' })]);
  });

  it('goes accepted → in progress → answered (the raiser notified) → closed with a rating', async () => {
    const admin = w.as(BRANCH_ADMIN, bj('2026-12-04T11:00:00'));
    const accepted = await admin.ok<CaseAdminView>('cases', 'acceptCase', { caseId: c.id, version: 0 });
    expect(accepted).toMatchObject({ state: 'accepted', version: 1, raiser: { name: '王保密', phone: '13911112222' } });
    await admin.ok('cases', 'updateCase', { caseId: c.id, text: '已联系驿站，正在协调增加充电桩。' });
    await w.clearOutbox();
    const answered = await w
      .as(BRANCH_ADMIN, bj('2026-12-08T16:00:00'))
      .ok<CaseAdminView>('cases', 'answerCase', { caseId: c.id, text: '驿站已新增 4 个充电桩，夜间开放至次日 6 点。' });
    expect(answered.state).toBe('answered');
    const sent = await w.outbox();
    expect(sent).toEqual([
      expect.objectContaining({
        touser: RIDER,
        template_id: ANSWERED_TEMPLATE,
        page: `packages/cases/pages/detail/index?id=${c.id}`,
      }),
    ]);
    expect(sent[0]!.data.phrase3).toEqual({ value: '已答复' });

    const mine = await w.as(RIDER, bj('2026-12-09T10:00:00')).ok<MyCase>('cases', 'getCase', { caseId: c.id });
    expect(mine).toMatchObject({ state: 'answered', canConfirm: true, canRate: true, canReopen: true });
    expect(mine.reopenUntil).toBe(bj('2026-12-15T16:00:00'));
    expect(mine.timeline.map((e) => e.kind)).toEqual(['submitted', 'accepted', 'updated', 'answered']);
    expect(JSON.stringify(mine)).not.toContain('actorUserId');

    const closed = await w
      .as(RIDER, bj('2026-12-09T10:05:00'))
      .ok<MyCase>('cases', 'confirmCase', { caseId: c.id, rating: 'satisfied' });
    expect(closed).toMatchObject({ state: 'closed', rating: 'satisfied', canRate: false });
    const again = await w
      .as(RIDER, bj('2026-12-09T10:06:00'))
      .call('cases', 'rateCase', { caseId: c.id, rating: 'unsatisfied' });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('who may read and act', () => {
  it('another worker reading the case is FORBIDDEN; an organiser of another org too', async () => {
    const c = await w.submit(RIDER, FRIDAY, demand());
    expect(await w.as(OTHER_RIDER, FRIDAY).call('cases', 'getCase', { caseId: c.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.as('o-case-outsider-admin', FRIDAY).call('cases', 'adminGetCase', { caseId: c.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.as('o-case-outsider-admin', FRIDAY).call('cases', 'acceptCase', { caseId: c.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    // An admin of the committee above the branch organises it.
    expect(await w.as(INDUSTRY_ADMIN, FRIDAY).call('cases', 'adminGetCase', { caseId: c.id })).toMatchObject({
      ok: true,
    });
  });
});

describe('returns, transfers, extensions', () => {
  it('a wrongly routed case is returned within 2 working days to the parent org, which re-assigns it', async () => {
    const c = await w.submit(RIDER, FRIDAY, demand({ title: '平台罚款规则不合理' }));
    await w.as(BRANCH_ADMIN, FRIDAY).ok('cases', 'acceptCase', { caseId: c.id });
    const returned = await w
      .as(BRANCH_ADMIN, bj('2026-12-08T10:00:00'))
      .ok<CaseAdminView>('cases', 'returnCase', { caseId: c.id, reason: '属于平台规则，应由行业党委协调' });
    expect(returned).toMatchObject({
      state: 'returned',
      orgId: w.orgs.express.id,
      returned: { fromOrgName: '快递流动党支部' },
    });
    // The branch no longer organises it; the committee does.
    expect(
      await w.as(BRANCH_ADMIN, bj('2026-12-08T10:01:00')).call('cases', 'adminGetCase', { caseId: c.id }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const reassigned = await w
      .as(INDUSTRY_ADMIN, bj('2026-12-08T15:00:00'))
      .ok<CaseAdminView>('cases', 'acceptCase', { caseId: c.id });
    expect(reassigned).toMatchObject({
      state: 'accepted',
      orgId: w.orgs.express.id,
      dueAt: bj('2026-12-15T23:59:59.999'),
    });
    const mine = await w.as(RIDER, bj('2026-12-08T15:01:00')).ok<MyCase>('cases', 'getCase', { caseId: c.id });
    expect(mine.timeline.map((e) => e.kind)).toEqual(['submitted', 'accepted', 'returned', 'reassigned']);
  });

  it('a return after 2 working days is CLOSED', async () => {
    const c = await w.submit(RIDER, FRIDAY, demand());
    await w.as(BRANCH_ADMIN, FRIDAY).ok('cases', 'acceptCase', { caseId: c.id });
    expect(
      await w
        .as(BRANCH_ADMIN, bj('2026-12-09T10:00:00'))
        .call('cases', 'returnCase', { caseId: c.id, reason: '不归我们' }),
    ).toMatchObject({ ok: false, code: 'CLOSED' });
  });

  it('extends once, by at most 10 working days, the reason shown to the raiser', async () => {
    const c = await w.submit(RIDER, FRIDAY, demand());
    const admin = w.as(BRANCH_ADMIN, bj('2026-12-07T10:00:00'));
    await admin.ok('cases', 'acceptCase', { caseId: c.id });
    const extended = await admin.ok<CaseAdminView>('cases', 'extendCase', {
      caseId: c.id,
      workingDays: 3,
      reason: '需要与平台企业协商',
    });
    expect(extended).toMatchObject({ state: 'extended', dueAt: bj('2026-12-16T23:59:59.999') });
    expect(await admin.call('cases', 'extendCase', { caseId: c.id, workingDays: 1, reason: '再延一次' })).toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
    const mine = await w.as(RIDER, bj('2026-12-07T10:01:00')).ok<MyCase>('cases', 'getCase', { caseId: c.id });
    expect(mine.extension).toMatchObject({ workingDays: 3, reason: '需要与平台企业协商' });
  });

  it('an unsatisfied raiser reopens once within 7 days; a district organiser answers again', async () => {
    const c = await w.submit(RIDER, FRIDAY, demand());
    await w.as(BRANCH_ADMIN, FRIDAY).ok('cases', 'answerCase', { caseId: c.id, text: '已转告驿站。' });
    const reopened = await w
      .as(RIDER, bj('2026-12-07T09:00:00'))
      .ok<MyCase>('cases', 'reopenCase', { caseId: c.id, reason: '问题没有解决，晚上还是排队' });
    expect(reopened).toMatchObject({ state: 'reopened', canReopen: false });
    expect(
      await w
        .as(DISTRICT_ADMIN, bj('2026-12-08T09:00:00'))
        .call('cases', 'answerCase', { caseId: c.id, text: '区里已协调。' }),
    ).toMatchObject({ ok: true });
    const second = await w
      .as(RIDER, bj('2026-12-08T10:00:00'))
      .call('cases', 'reopenCase', { caseId: c.id, reason: '还是不行啊' });
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

it('a deleted account leaves its cases without the raiser’s name, phone or openid', async () => {
  await registerWorker(w.ip, 'o-case-leaver', w.orgs.expressBranch.id, { realName: '周离开', phone: '13977778888' });
  const c = await w.submit('o-case-leaver', FRIDAY, demand());
  await w.as('o-case-leaver', FRIDAY).ok('user', 'deleteAccount', { confirm: true });
  const view = await w.adminView(c.id, FRIDAY);
  expect(view.raiser).toMatchObject({ name: '', phone: '' });
  expect(JSON.stringify(view)).not.toMatch(/周离开|13977778888|o-case-leaver/);
});
