// The organiser's check-in code page through the full stack: the server's rotating
// code drawn as a QR code (replayed from a recording canvas, module by module),
// its countdown, the next code fetched when the server said — and a worker who
// scans what is shown checks in; outside the window, the server's words.
import { qrModules } from '../../../miniprogram/components/qr-code/draw';
import { clearSession } from '../../../miniprogram/utils/session';
import { installRecordingCanvas, takeRecordings } from '../../screens/canvas';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addMeeting, signUpAs } from '../support/roundtable';
import { pageLifetime } from '../support/study';
import { detachAll, render, tapButton, textAt } from '../support/ui';

const pageId = loadPage('packages/roundtable/pages/admin-checkin/index');
const ADMIN = 'rt-checkin-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let soon: { id: string; startAt: string };
let later: { id: string };
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  installRecordingCanvas(() => (id) => id);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  soon = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
    base: NOW,
    startsInH: 2,
    deadline: new Date(NOW + 3_600_000).toISOString(),
    title: '小哥圆桌会：今晚见',
  });
  later = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW, title: '小哥圆桌会：三天后' });
  await registerWorker('rt-ci-worker', orgs.expressBranch.id);
  await signUpAs('rt-ci-worker', soon.id);
});
afterAll(() => backend.stop());

let timeouts: jest.SpyInstance;
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(ADMIN);
  // A quarter of an hour before the start: the code can be shown.
  pinNow(Date.parse(soon.startAt) - 15 * 60_000);
  takeRecordings();
  timeouts = jest.spyOn(global, 'setTimeout');
});
afterEach(() => {
  detachAll();
  pinNow(null);
  timeouts.mockRestore();
});

async function open(id: string): Promise<RenderedPage> {
  const page = render(pageId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad({ id });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  await flush();
  return page;
}

/** The page's scheduled fetch of the next code (a timeout of at most one 10-second slot). */
const nextFetch = () => {
  const calls = timeouts.mock.calls.filter(([, ms]) => typeof ms === 'number' && ms > 1000 && ms <= 10_000);
  return calls[calls.length - 1] as [() => void, number] | undefined;
};

/** Dark modules drawn (every fillRect after the white background). */
const drawnModules = () => {
  const [rec] = takeRecordings();
  return rec!.calls.filter((c) => c[0] === 'call' && c[1] === 'fillRect').length - 1;
};

it('shows the code as a QR code with its countdown; what it shows checks a worker in', async () => {
  const page = await open(soon.id);

  const code = page.data.code as string;
  expect(code).toMatch(new RegExp(`^roundtable\\.${soon.id}\\.[0-9a-z]+\\.[A-Za-z0-9_-]{16}$`));
  expect(textAt(page, '.title')).toBe('小哥圆桌会：今晚见');
  expect(drawnModules()).toBe(qrModules(code).flat().filter(Boolean).length);
  expect(textAt(page, '#countdown')).toMatch(/^二维码 ([1-9]|10) 秒后自动刷新$/);
  expect(textAt(page, '#attendance')).toMatch(/0\s*已签到\s*1\s*已报名/);

  const res = await callAs<{ already: boolean }>('rt-ci-worker', 'roundtable', 'checkIn', { meetingId: soon.id, code });
  expect(res.already).toBe(false);
});

it('fetches the next code when the server’s slot ends, and counts who checked in meanwhile', async () => {
  const page = await open(soon.id);
  const first = page.data.code as string;
  const [refresh, delay] = nextFetch()!;
  expect(delay).toBeLessThanOrEqual(10_000);

  pinNow(Date.parse(soon.startAt) - 15 * 60_000 + 10_000);
  refresh();
  await waitFor(() => expect(page.data.code).not.toBe(first));
  expect(page.data.code).toMatch(new RegExp(`^roundtable\\.${soon.id}\\.`));
  expect(drawnModules()).toBeGreaterThan(0);
  expect(textAt(page, '#attendance')).toMatch(/1\s*已签到/);
});

it('stops fetching while the page is hidden, and starts again when shown', async () => {
  const page = await open(soon.id);
  const clears = jest.spyOn(global, 'clearTimeout');
  pageLifetime(page, 'hide');
  expect(clears).toHaveBeenCalled();
  clears.mockRestore();
  const fetches = () =>
    (wxDouble().callsOf('cloud.callFunction') as { data: { action: string } }[]).filter(
      (c) => c.data.action === 'issueCheckInCode',
    ).length;
  const before = fetches();

  pageLifetime(page, 'show');
  await waitFor(() => expect(fetches()).toBe(before + 1));
});

it('outside the check-in window: the server’s words, and 重试', async () => {
  const page = await open(later.id);

  expect(page.data.status).toBe('error');
  expect(textAt(page, '#closed')).toContain('签到时间为活动开始前 30 分钟至结束后 30 分钟');
  await tapButton(page, 'retry');
  await waitFor(() => expect(page.data.status).toBe('error'));
});

it('someone who is no organiser is told so', async () => {
  await login('rt-checkin-nobody');
  actAs('rt-checkin-nobody');
  const page = await open(soon.id);
  expect(page.data.status).toBe('denied');
  expect(textAt(page, '#page-state')).toContain('管理后台仅对管理员开放');
});
