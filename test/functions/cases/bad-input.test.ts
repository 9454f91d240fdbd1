// Refusals the generated suite cannot make up — rules across fields and against
// the stored case — each INVALID_ARGUMENT (or the state's code) in Chinese naming
// the field by its Chinese label, with nothing written. (Every field of every
// action also gets ≥ 20 generated bad inputs in test/functions/bad-input.test.ts.)
import type { MyCase } from '../../../typings/cases';
import { bj, BRANCH_ADMIN, type CasesWorld, demand, RIDER, startCasesWorld } from './world';

let w: CasesWorld;
let c: MyCase;
beforeAll(async () => {
  w = await startCasesWorld();
  c = await w.submit(RIDER, AT, demand());
}, 60_000);
afterAll(() => w.stop());

const AT = bj('2026-12-01T10:00:00');

it.each([
  ['a demand without a title', RIDER, 'submitCase', () => demand({ title: undefined }), '「标题」'],
  ['a demand with a one-line description', RIDER, 'submitCase', () => demand({ description: '太难了' }), '「描述」'],
  ['an anonymous demand', RIDER, 'submitCase', () => demand({ anonymous: true }), '「匿名上报」'],
  ['a report without photos', RIDER, 'submitCase', () => ({ kind: 'report', category: 'road' }), '「照片」'],
  [
    'a report in a demand category',
    RIDER,
    'submitCase',
    () => ({ kind: 'report', category: 'rights', photos: ['cloud://local-dev.local-1250000000/cases/x/a.png'] }),
    '「类别」',
  ],
  [
    'a demand to an org that does not exist',
    RIDER,
    'submitCase',
    () => demand({ orgId: 'no-such-org' }),
    '「受理组织」',
  ],
  ['a location off the globe', RIDER, 'submitCase', () => demand({ location: { lat: 91, lng: 0 } }), '「位置的纬度」'],
  [
    'an extension of 11 working days',
    BRANCH_ADMIN,
    'extendCase',
    () => ({ caseId: c.id, workingDays: 11, reason: '需要协调多方' }),
    '「延期工作日」',
  ],
  ['an answer with neither text nor template', BRANCH_ADMIN, 'answerCase', () => ({ caseId: c.id }), '「答复内容」'],
  [
    'a transfer to the org that has it',
    BRANCH_ADMIN,
    'transferCase',
    () => ({ caseId: c.id, toOrgId: w.orgs.expressBranch.id, reason: '重新分派' }),
    '「转交组织」',
  ],
  ['a duplicate of itself', BRANCH_ADMIN, 'markDuplicate', () => ({ caseId: c.id, originalId: c.id }), '「原事项」'],
  [
    'statistics ending before they start',
    BRANCH_ADMIN,
    'caseStats',
    () => ({ orgId: w.orgs.expressBranch.id, from: '2026-11-30', to: '2026-11-01' }),
    '「结束日期」',
  ],
  [
    'statistics over more than a year',
    BRANCH_ADMIN,
    'caseStats',
    () => ({ orgId: w.orgs.expressBranch.id, from: '2025-01-01', to: '2026-11-01' }),
    '「结束日期」',
  ],
  [
    'a version that is not a whole number',
    BRANCH_ADMIN,
    'acceptCase',
    () => ({ caseId: c.id, version: 1.5 }),
    '「版本」',
  ],
])('%s: INVALID_ARGUMENT in Chinese naming the field, nothing written', async (_n, who, action, data, label) => {
  if (action === 'transferCase') await w.as(BRANCH_ADMIN, AT).call('cases', 'acceptCase', { caseId: c.id });
  const before = await w.ip.digest();
  const r = await w.as(who, AT).call('cases', action, data());
  expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining(label) });
  expect((r as { message: string }).message).not.toMatch(/[a-z]{4,}/i);
  expect(await w.ip.digest()).toBe(before);
});

it('acting on a case in a state that does not allow it is CONFLICT, saying why, nothing written', async () => {
  const fresh = await w.submit(RIDER, AT, demand());
  const before = await w.ip.digest();
  const r = await w
    .as(BRANCH_ADMIN, AT)
    .call('cases', 'extendCase', { caseId: fresh.id, workingDays: 2, reason: '需要协调多方' });
  expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '这件诉求待受理，不能延期' });
  expect(await w.as(RIDER, AT).call('cases', 'confirmCase', { caseId: fresh.id })).toMatchObject({ code: 'CONFLICT' });
  expect(await w.ip.digest()).toBe(before);
});
