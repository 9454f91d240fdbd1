// The organiser pages to a worker: each says 管理后台仅对管理员开放 instead of a
// list with 重试, and the server refuses the actions behind them (FORBIDDEN).
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, startBackend } from '../support/backend';
import { registerWorker, seedOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble } from '../support/page';
import { loadSecondPage } from '../support/second-page';
import { detachAll, render, textAt } from '../support/ui';

const WORKER = 'vol-forbidden-worker';
const PAGES = [
  'admin-members',
  'admin-activities',
  'admin-claims',
  'admin-stats',
  'admin-activity-edit',
  'admin-checkin',
];
// The first page in this registry, each other in its own (its components render: support/second-page.ts).
const [first, ...others] = PAGES;
const firstId = loadPage(`packages/volunteer/pages/${first}/index`);
const seconds = Object.fromEntries(others.map((p) => [p, loadSecondPage(`packages/volunteer/pages/${p}/index`)]));
const renderOf = (name: string) => (name === first ? render(firstId) : seconds[name]!.render(seconds[name]!.id));

let backend: Awaited<ReturnType<typeof startBackend>>;
beforeAll(async () => {
  backend = await startBackend(WORKER);
  const orgs = await seedOrgs();
  await registerWorker(WORKER, orgs.expressBranch.id);
});
afterAll(() => backend.stop());
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(WORKER);
});
afterEach(() => {
  detachAll();
  for (const p of Object.values(seconds)) p.detachAll();
});

/** The page's state: the organiser lists keep it in `access`, the others in `status`. */
const stateOf = (data: { access?: string; status?: string }) => data.access ?? data.status;

it.each(PAGES)('%s tells a worker it is for organisers', async (name) => {
  const page = renderOf(name);
  (page.instance as unknown as { onLoad?(q: object): void }).onLoad?.({ id: 'va-any' });
  await waitFor(() => expect(stateOf(page.data)).toBe('denied'));
  await flush();
  expect(textAt(page, '#page-state')).toContain('管理后台仅对管理员开放');
});

it('the server refuses a worker the organiser actions', async () => {
  for (const [action, data] of [
    ['listMembers', {}],
    ['listClaims', {}],
    ['volunteerStats', { from: '2026-12-01', to: '2026-12-31' }],
  ] as const)
    await expect(callAs(WORKER, 'volunteer', action, data)).rejects.toThrow(/FORBIDDEN/);
});
