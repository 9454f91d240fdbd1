// A meeting's sign-up list for its organisers through the full stack: names,
// phones, topics and answers; filters by state and keyword; 签到 / 缺席 / 移除,
// each confirmed and refused in the server's words when it cannot be; the Excel.
import type { SignUpRow } from '../../../typings/signup';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addMeeting, signUpAs } from '../support/roundtable';
import { detachAll, render, tapOn, textAt } from '../support/ui';

const listId = loadPage('packages/roundtable/pages/admin-signups/index');
const ADMIN = 'rt-signups-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let meetingId: string;
const users: Record<'wang' | 'li' | 'zhao', string> = { wang: '', li: '', zhao: '' };
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
    base: NOW,
    capacity: 2,
    questions: [{ key: 'car', kind: 'single', label: '交通工具', required: false, options: ['电动车', '汽车'] }],
  });
  meetingId = m.id;
  const people = [
    ['wang', '王示例', '13900009001', '商圈停车难'],
    ['li', '李示例', '13900009002', ''],
    ['zhao', '赵示例', '13900009003', '想问社保'],
  ] as const;
  for (const [key, realName, phone, topic] of people) {
    const p = await registerWorker(`rt-su-${key}`, orgs.expressBranch.id, { realName, phone });
    users[key] = p.userId;
    await signUpAs(`rt-su-${key}`, m.id, {
      ...(topic ? { topic } : {}),
      answers: key === 'wang' ? [{ key: 'car', values: ['电动车'] }] : [],
    });
  }
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(ADMIN);
  pinNow(NOW);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(): Promise<RenderedPage> {
  const page = render(listId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad({ id: meetingId });
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  await waitFor(() => expect(page.data.title).not.toBe(''));
  await flush();
  return page;
}

const rows = async () =>
  (await callAs<{ items: SignUpRow[] }>(ADMIN, 'roundtable', 'listSignUps', { meetingId, pageSize: 50 })).items;
const modals = () => wxDouble().callsOf('showModal') as { title: string; content?: string; editable?: boolean }[];

it('shows each sign-up with name, phone, state, topic and answers, and the counts', async () => {
  const page = await open();

  expect(textAt(page, '#counts')).toMatch(/2\/2\s*报名\s*1\s*候补\s*0\s*已签到/);
  const wang = textAt(page, `#signup-${users.wang}`);
  expect(wang).toContain('王示例');
  expect(wang).toContain('13900009001');
  expect(wang).toContain('已报名');
  expect(wang).toContain('想提的问题：商圈停车难');
  expect(wang).toContain('交通工具：电动车');
  expect(textAt(page, `#signup-${users.zhao}`)).toContain('候补第 1 位');

  await tapOn(page, `#phone-${users.wang}`);
  expect(wxDouble().callsOf('makePhoneCall')).toEqual([expect.objectContaining({ phoneNumber: '13900009001' })]);
});

it('filters by state and by name or phone', async () => {
  const page = await open();

  await tapOn(page, '#state-waitlisted');
  await waitFor(() => expect(page.data.list.items.map((r: { name: string }) => r.name)).toEqual(['赵示例']));
  await tapOn(page, '#state-waitlisted');
  page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '13900009002' } });
  await waitFor(() => expect(page.data.list.items.map((r: { name: string }) => r.name)).toEqual(['李示例']));
});

it('a cancelled confirmation changes nothing', async () => {
  const page = await open();
  wxDouble().answerNext('showModal', { confirm: false, cancel: true });
  const before = wxDouble().callsOf('cloud.callFunction').length;

  await tapOn(page, `#remove-${users.zhao}`);
  await flush();

  expect(wxDouble().callsOf('cloud.callFunction')).toHaveLength(before);
});

it('marks attendance with confirmation: 缺席 before the start is refused, 签到 and 缺席 on the day, 移除 frees the seat', async () => {
  const page = await open();

  await tapOn(page, `#noshow-${users.li}`);
  await waitFor(() => expect(modals()).toHaveLength(2));
  expect(modals()[0]).toMatchObject({ title: '登记缺席', content: '确定将「李示例」登记为缺席吗？' });
  expect(modals()[1]).toMatchObject({ title: '无法登记缺席', content: '活动开始后才能登记缺席' });

  // The meeting's day, just after the start.
  pinNow(NOW + 72 * 3_600_000 + 10 * 60_000);
  await tapOn(page, `#checkin-${users.wang}`);
  await waitFor(() => expect(textAt(page, `#signup-${users.wang}`)).toContain('已签到'));
  expect(textAt(page, `#signup-${users.wang}`)).toContain('手动签到');
  await tapOn(page, `#noshow-${users.li}`);
  await waitFor(() => expect(textAt(page, `#signup-${users.li}`)).toContain('缺席'));
  expect(textAt(page, '#counts')).toMatch(/1\s*已签到/);

  wxDouble().answerNext('showModal', { confirm: true, cancel: false, content: '重复报名' });
  await tapOn(page, `#remove-${users.zhao}`);
  await waitFor(() => expect(textAt(page, `#signup-${users.zhao}`)).toContain('已被组织者移出'));
  expect(modals().pop()).toMatchObject({ title: '移出报名', editable: true });

  const stored = await rows();
  expect(Object.fromEntries(stored.map((r) => [r.name, [r.state, r.checkInMethod]]))).toEqual({
    王示例: ['attended', 'manual'],
    李示例: ['no_show', null],
    赵示例: ['cancelled', null],
  });
});

it('exports the list to Excel and copies its link', async () => {
  const page = await open();

  await tapOn(page, '#export-link >>> #export >>> .t-button');
  await waitFor(() => expect(page.data.exportUrl).toMatch(/^https?:\/\/.+\.xlsx/));
  expect(textAt(page, '#export-link >>> #export-url')).toBe(page.data.exportUrl);
  await tapOn(page, '#export-link >>> #copy-export >>> .t-button');
  expect(wxDouble().callsOf('setClipboardData')).toEqual([expect.objectContaining({ data: page.data.exportUrl })]);
});

it('someone who is no organiser is told so', async () => {
  await login('rt-signups-nobody');
  actAs('rt-signups-nobody');
  const page = render(listId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad({ id: meetingId });
  await waitFor(() => expect(page.data.access).toBe('denied'));
  expect(textAt(page, '#page-state')).toContain('管理后台仅对管理员开放');
});
