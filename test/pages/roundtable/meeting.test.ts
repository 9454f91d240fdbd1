// A meeting's page through the full stack (the real WXML, the roundtable function
// on the emulator, the wx double's camera and subscribe dialog), on a pinned
// clock: the journey — a worker signs up for a full meeting and is
// waitlisted (候补第 1 位), is promoted when another cancels, and checks in with
// the code the organiser's screen shows — and the refusals in the server's words.
import type { MeetingDetail } from '../../../typings/roundtable';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, login, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, tap, waitFor, wxDouble, type RenderedPage } from '../support/page';
import {
  addMeeting,
  cameraReads,
  cancelAs,
  HOUR_MS,
  issuedCode,
  signUpAs,
  subscribeAnswers,
} from '../support/roundtable';
import { cellText, detachAll, has, render, screenText, tapButton, tapCell, textAt } from '../support/ui';

const meetingId = loadPage('packages/roundtable/pages/meeting/index');

const RIDER = 'rt-meeting-rider';
const OTHER = 'rt-meeting-other';
const ADMIN = 'rt-meeting-admin';
/** 10:00 in Beijing on 2026-12-01; meetings start three days later. */
const NOW = Date.parse('2026-12-01T02:00:00Z');
const TEMPLATES = ['dev-tpl-signup-promoted', 'dev-tpl-signup-day-before', 'dev-tpl-signup-hour-before'];

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend(RIDER);
  pinNow(NOW);
  orgs = await seedOrgs();
  await registerWorker(RIDER, orgs.expressBranch.id);
  await registerWorker(OTHER, orgs.foodBranch.id, { realName: '李示例', phone: '13900002222' });
  await makeAdmin(ADMIN, [orgs.district.id]);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(RIDER);
  pinNow(NOW);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(id: string): Promise<RenderedPage> {
  const page = render(meetingId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad({ id });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  await flush();
  return page;
}

/** Pull-down refresh, as the rider does to see what changed. */
async function refresh(page: RenderedPage) {
  await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
  await flush();
}

const mineState = (page: RenderedPage) => textAt(page, '#mine-state >>> .t-tag');
const modals = () => wxDouble().callsOf('showModal') as { title: string; content: string }[];

describe('signing up for a full meeting, promotion and check-in', () => {
  it('waitlisted at 候补第 1 位, promoted after another’s cancel, then checked in with the scanned code', async () => {
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
      base: NOW,
      capacity: 1,
      title: '小哥圆桌会：夜间配送安全',
      guests: [{ department: '区人社局', name: '王示例', title: '副局长' }, { department: '区总工会' }],
    });
    await signUpAs(OTHER, m.id, { topic: '夜里送餐照明差' });

    const page = await open(m.id);
    // What anyone sees: the table, the invitation, seats and who is coming — never names.
    expect(textAt(page, '.title')).toBe('小哥圆桌会：夜间配送安全');
    expect(cellText(page, 'time')).toContain('2026-12-04 周五 10:00–12:00');
    expect(cellText(page, 'invited')).toContain('外卖骑手、快递员');
    expect(textAt(page, '#guests')).toContain('区人社局 · 王示例 副局长');
    expect(textAt(page, '#guests')).toContain('区总工会');
    expect(textAt(page, '#coming')).toMatch(/1\s*已报名\s*0\s*剩余名额\s*0\s*候补/);
    expect(screenText(page)).not.toContain('李示例');
    expect(has(page, '#mine')).toBe(false);
    expect(textAt(page, '#signup')).toContain('名额已满，报名后进入候补');

    subscribeAnswers(TEMPLATES);
    await tapButton(page, 'sign-up');
    await waitFor(() => expect(mineState(page)).toBe('候补第 1 位'));
    // The reminders were asked for in the tap itself, with the meeting's template ids (at most 3).
    expect(wxDouble().callsOf('requestSubscribeMessage')).toEqual([expect.objectContaining({ tmplIds: TEMPLATES })]);
    expect(wxDouble().callsOf('showToast')).toContainEqual(
      expect.objectContaining({ title: '名额已满，已候补第 1 位' }),
    );
    const mine = await callAs<MeetingDetail>(RIDER, 'roundtable', 'getMeeting', { id: m.id });
    expect(mine.mine).toMatchObject({ state: 'waitlisted', position: 1 });
    expect(has(page, '#signup')).toBe(false);
    expect(has(page, '#scan')).toBe(false);

    await cancelAs(OTHER, m.id);
    await refresh(page);
    expect(mineState(page)).toBe('已报名');
    expect(textAt(page, '#mine')).toContain('签到在活动开始前 30 分钟开放');

    // The meeting's day, a quarter of an hour before the start: the organiser shows the code.
    pinNow(Date.parse(m.startAt) - 15 * 60_000);
    await refresh(page);
    cameraReads(await issuedCode(ADMIN, m.id));
    await tapButton(page, 'scan');
    await waitFor(() => expect(mineState(page)).toBe('已签到'));
    expect(wxDouble().callsOf('scanCode')).toEqual([expect.objectContaining({ onlyFromCamera: true })]);
    expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '签到成功' }));
    expect(textAt(page, '#coming')).toMatch(/1\s*已签到/);
    expect(has(page, '#cancel')).toBe(false);
  });

  it('a wrong code is refused in the server’s words, and nothing changes', async () => {
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW });
    const other = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
      base: NOW,
      title: '小哥圆桌会：另一场',
    });
    await signUpAs(RIDER, m.id);
    pinNow(Date.parse(m.startAt) - 10 * 60_000);
    const page = await open(m.id);

    cameraReads('https://example.com/not-a-check-in-code');
    await tapButton(page, 'scan');
    await waitFor(() => expect(modals()).toHaveLength(1));
    cameraReads(await issuedCode(ADMIN, other.id));
    await tapButton(page, 'scan');
    await waitFor(() => expect(modals()).toHaveLength(2));

    expect(modals().map((c) => c.content)).toEqual([
      '这不是签到二维码，请扫描组织者出示的签到码',
      '这是其他活动的签到码，请扫描本场活动的签到码',
    ]);
    expect(modals()[0]!.title).toBe('签到未成功');
    expect(mineState(page)).toBe('已报名');
  });

  it('closing the camera says nothing and sends nothing', async () => {
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW });
    await signUpAs(RIDER, m.id);
    pinNow(Date.parse(m.startAt) - 10 * 60_000);
    const page = await open(m.id);
    const calls = wxDouble().callsOf('cloud.callFunction').length;

    await tapButton(page, 'scan'); // the double's default: the user closed the camera
    await flush();

    expect(wxDouble().callsOf('cloud.callFunction')).toHaveLength(calls);
    expect(modals()).toEqual([]);
    expect(wxDouble().callsOf('showToast')).toEqual([]);
  });
});

describe('cancelling', () => {
  it('before the deadline: confirmed, the seat goes back, the form is offered again', async () => {
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW, capacity: 5 });
    await signUpAs(RIDER, m.id, { topic: '充电柜太少' });
    const page = await open(m.id);
    expect(textAt(page, '#mine')).toContain('我想提的问题：充电柜太少');

    await tapButton(page, 'cancel');
    await waitFor(() => expect(has(page, '#signup')).toBe(true));

    expect(modals()[0]).toMatchObject({
      title: '取消报名',
      content: expect.stringContaining('名额会让给候补的第一位'),
    });
    expect(mineState(page)).toBe('已取消');
    expect(textAt(page, '#coming')).toMatch(/0\s*已报名\s*5\s*剩余名额/);
  });

  it('after the deadline: refused with the server’s message, still signed up', async () => {
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW });
    await signUpAs(RIDER, m.id);
    // The deadline is an hour before the start: half an hour before it, cancelling is too late.
    pinNow(Date.parse(m.startAt) - 30 * 60_000);
    const page = await open(m.id);

    await tapButton(page, 'cancel');
    await waitFor(() => expect(modals()).toHaveLength(2));

    expect(modals()[1]).toMatchObject({
      title: '无法取消',
      content: '报名已于 12月4日 09:00 截止，不能在线取消了；如确实无法参加，请尽快联系组织者',
    });
    expect(mineState(page)).toBe('已报名');
  });
});

describe('the sign-up form', () => {
  it('prefills from the registration, checks required answers, and sends topic and answers', async () => {
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
      base: NOW,
      questions: [
        {
          key: 'job',
          kind: 'single',
          label: '您的职业',
          required: true,
          options: ['快递员', '外卖骑手'],
          profileField: 'occupation',
        },
        { key: 'need', kind: 'multi', label: '希望到场的部门', required: true, options: ['人社', '交警', '工会'] },
        { key: 'phone', kind: 'text', label: '联系电话', required: false, profileField: 'phone' },
      ],
    });
    const page = await open(m.id);
    expect(page.data.questions.map((q: { text: string; values: string[] }) => [q.text, q.values])).toEqual([
      ['', ['快递员']],
      ['', []],
      ['13900001111', []],
    ]);

    await tapButton(page, 'sign-up');
    expect(textAt(page, '#form-error')).toBe('请选择「希望到场的部门」');
    expect(wxDouble().callsOf('requestSubscribeMessage')).toEqual([]);

    const chips = page.querySelectorAll('#questions >>> #answer-need >>> .chip');
    await tap(chips[1]); // 交警
    await tap(chips[2]); // 工会
    page.querySelector('#topic >>> .t-textarea__wrapper-inner')!.dispatchEvent('input', {
      detail: { value: '晚上闯红灯的电动车太多' },
    });
    await flush();
    await tapButton(page, 'sign-up');
    await waitFor(() => expect(mineState(page)).toBe('已报名'));

    const rows = await callAs<{ items: { answers: { key: string; values: string[] }[]; note: string }[] }>(
      ADMIN,
      'roundtable',
      'listSignUps',
      { meetingId: m.id },
    );
    expect(rows.items[0]).toMatchObject({
      note: '晚上闯红灯的电动车太多',
      answers: [
        { key: 'job', values: ['快递员'] },
        { key: 'need', values: ['交警', '工会'] },
        { key: 'phone', values: ['13900001111'] },
      ],
    });
  });

  it('someone not registered is asked to register first, and 去登记 opens the form', async () => {
    actAs('rt-meeting-visitor');
    await login('rt-meeting-visitor');
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW });
    const page = await open(m.id);

    await tapButton(page, 'sign-up');
    await flush();

    expect(modals()[0]).toMatchObject({ title: '先登记再报名' });
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/user/pages/register/index' }),
    ]);
    expect(wxDouble().callsOf('requestSubscribeMessage')).toEqual([]);
  });
});

describe('what the page shows', () => {
  it('导航 opens WeChat’s map at the venue; the minutes once published; a cancelled meeting says why', async () => {
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW, startsInH: 2 });
    await signUpAs(RIDER, m.id);
    pinNow(Date.parse(m.endAt) + HOUR_MS);
    await callAs(ADMIN, 'roundtable', 'publishMinutes', {
      meetingId: m.id,
      raised: [{ text: '商圈停车被罚' }],
      answered: [{ text: '划定临时停车点', department: '区城管局' }],
      takenAway: [],
    });
    const page = await open(m.id);

    await tapCell(page, 'venue');
    expect(wxDouble().callsOf('openLocation')).toEqual([
      expect.objectContaining({ latitude: 29.5, longitude: 106.5, name: '城东党群服务驿站', address: '示例路 1 号' }),
    ]);
    expect(textAt(page, '#minutes-raised')).toContain('1. 商圈停车被罚');
    expect(textAt(page, '#minutes-answered')).toContain('划定临时停车点（区城管局）');
    expect(has(page, '#minutes-takenAway')).toBe(false);
    expect(has(page, '#signup')).toBe(false);
    expect(has(page, '#cases')).toBe(false);

    // What was taken away becomes a case; the page shows where it stands, no one's name.
    const c = await callAs<{ id: string }>(ADMIN, 'cases', 'createCase', {
      category: 'conditions',
      title: '商圈晚高峰停车难',
      description: '骑手在商圈取餐时没有临时停车点，常被处罚。',
      orgId: orgs.district.id,
      source: { kind: 'meeting', meetingId: m.id, item: '第 1 项' },
    });
    await refresh(page);
    expect(textAt(page, `#case-${c.id}`)).toContain('商圈晚高峰停车难');
    expect(textAt(page, `#case-${c.id}`)).toContain('已受理');
    expect(textAt(page, '#cases')).not.toContain(RIDER);

    pinNow(NOW);
    const cancelled = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW });
    await callAs(ADMIN, 'roundtable', 'cancelMeeting', { id: cancelled.id, reason: '场地临时检修' });
    const second = await open(cancelled.id);
    expect(textAt(second, '#cancelled')).toBe('活动已取消：场地临时检修');
    expect(has(second, '#signup')).toBe(false);
  });

  it('a meeting that does not exist says so and leads to the list', async () => {
    const page = await open('mt-no-such-meeting');
    expect(page.data.status).toBe('missing');
    await tapButton(page, 'all-meetings');
    expect(wxDouble().callsOf('redirectTo')).toEqual([
      expect.objectContaining({ url: '/packages/roundtable/pages/index/index' }),
    ]);
  });
});
