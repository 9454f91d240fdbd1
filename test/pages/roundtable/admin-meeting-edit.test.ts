// The organisers' meeting editor through the full stack: a round-table at one of
// the org's stations with guests and a sign-up question, a training class at an
// address picked on WeChat's map with its online series, the checks before
// sending and the server's refusals shown in Chinese, an edit, cancelling with a
// reason (every sign-up notified), and scope.
import type { Page } from '../../../typings/common';
import type { AdminMeeting, MeetingDetail } from '../../../typings/roundtable';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, tap, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addMeeting, signUpAs } from '../support/roundtable';
import { publishedLecture } from '../support/study';
import { detachAll, has, render, tapButton, tapCell, tapOn, tapSwitch, textAt, typeInto } from '../support/ui';

const editId = loadPage('packages/roundtable/pages/admin-meeting-edit/index');
const ADMIN = 'rt-edit-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  await publishedLecture(ADMIN, orgs.district.id, { series: '安全与健康' });
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  pinNow(NOW);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(query: Record<string, string> = {}, openid = ADMIN): Promise<RenderedPage> {
  actAs(openid);
  const page = render(editId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

const meetings = async () =>
  (await callAs<Page<AdminMeeting>>(ADMIN, 'roundtable', 'adminListMeetings', { pageSize: 50 })).items;

/** Picks a time in the date-time picker opened for `field`, as its 确定 emits it. */
async function pickTime(page: RenderedPage, field: string, value: string) {
  await tapCell(page, `time-${field}`);
  expect(page.data.picker).toMatchObject({ visible: true, field });
  (
    page.querySelector('#time-picker') as unknown as { instance: WechatMiniprogram.Component.TrivialInstance }
  ).instance.triggerEvent('confirm', { value });
  await flush();
}

async function typeArea(page: RenderedPage, selector: string, value: string) {
  page.querySelector(`${selector} >>> .t-textarea__wrapper-inner`)!.dispatchEvent('input', { detail: { value } });
  await flush();
}

async function pickStation(page: RenderedPage, index: number) {
  page.querySelector('#station')!.dispatchEvent('change', { detail: { value: index } });
  await flush();
}

async function fillTimes(page: RenderedPage) {
  await pickTime(page, 'startAt', '2026-12-10 14:00');
  await pickTime(page, 'endAt', '2026-12-10 16:00');
  await pickTime(page, 'deadline', '2026-12-09 18:00');
}

const formError = (page: RenderedPage) => textAt(page, '#form-error');

describe('meeting editor', () => {
  it('publishes a round-table at a station: guests, who is invited, a sign-up question', async () => {
    const page = await open();
    expect([page.data.status, page.data.error]).toEqual(['ready', '']);
    expect(page.data.form.orgId).toBe(orgs.district.id);

    await typeInto(page, 'title', '小哥圆桌会：老小区进门难');
    await typeInto(page, 'topic', '门禁、快递柜与临时停车');
    await typeArea(page, '#description', '请来街道和物业，一起说说进小区难。');
    await pickStation(page, 0);
    expect(page.data.form.stationName).toBe('城东党群服务驿站');
    await fillTimes(page);
    await typeInto(page, 'capacity', '12');
    await tapOn(page, '#occupations >>> #occupation-courier');
    await tapOn(page, '#occupations >>> #occupation-food_delivery');
    await typeInto(page, 'guests >>> #guest-department-0', '城东街道党工委');
    await typeInto(page, 'guests >>> #guest-name-0', '林示例');
    await typeInto(page, 'guests >>> #guest-title-0', '副书记');
    await tapOn(page, '#guests >>> #guest-add');
    await typeInto(page, 'guests >>> #guest-department-1', '区市场监管局');
    await tapOn(page, '#questions >>> #question-add');
    await typeInto(page, 'questions >>> #question-label-0', '您住哪个小区');
    await tapOn(page, '#questions >>> #question-kind-0 >>> #kind-0-single');
    await typeInto(page, 'questions >>> #question-options-0', '城东小区、城南小区, 其他');
    await tapSwitch(page, 'questions >>> #question-required-0');

    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));
    const saved = (await meetings()).find((m) => m.title === '小哥圆桌会：老小区进门难')!;
    expect(saved).toMatchObject({
      kind: 'roundtable',
      topic: '门禁、快递柜与临时停车',
      description: '请来街道和物业，一起说说进小区难。',
      venue: { stationId: orgs.station.id, name: '城东党群服务驿站' },
      startAt: '2026-12-10T06:00:00.000Z',
      endAt: '2026-12-10T08:00:00.000Z',
      deadline: '2026-12-09T10:00:00.000Z',
      capacity: 12,
      waitlist: true,
      occupations: ['courier', 'food_delivery'],
      guests: [
        { department: '城东街道党工委', name: '林示例', title: '副书记' },
        { department: '区市场监管局', name: '', title: '' },
      ],
      questions: [
        expect.objectContaining({
          kind: 'single',
          label: '您住哪个小区',
          required: true,
          options: ['城东小区', '城南小区', '其他'],
        }),
      ],
    });
    expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '已发布' }));
  });

  it('a training class at an address picked on the map, with its online series', async () => {
    const page = await open();
    await tapOn(page, '#kinds >>> #kind-training');
    await typeInto(page, 'title', '互联网营销师培训班');
    await typeInto(page, 'topic', '直播销售入门');
    await typeInto(page, 'course', '互联网营销师（直播销售员）');
    await typeInto(page, 'class-hours', '3.5');
    await tap(page.querySelectorAll('#series >>> .chip')[1]); // 安全与健康 (the first is 不需要)
    await tapOn(page, '#venue-modes >>> #venue-place');
    wxDouble().answerNext('chooseLocation', {
      name: '物流园培训教室',
      address: '示例物流园 8 号楼',
      latitude: 29.61234567,
      longitude: 106.6,
      errMsg: 'chooseLocation:ok',
    });
    await tapCell(page, 'choose-location');
    await waitFor(() => expect(page.data.form.location).toEqual({ lat: 29.612346, lng: 106.6 }));
    expect(page.data.form).toMatchObject({ placeName: '物流园培训教室', address: '示例物流园 8 号楼' });
    await fillTimes(page);

    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));
    const saved = (await meetings()).find((m) => m.title === '互联网营销师培训班')!;
    expect(saved).toMatchObject({
      kind: 'training',
      venue: {
        stationId: null,
        name: '物流园培训教室',
        address: '示例物流园 8 号楼',
        location: { lat: 29.612346, lng: 106.6 },
      },
      training: { course: '互联网营销师（直播销售员）', classHours: 3.5, series: '安全与健康' },
      guests: [],
    });
  });

  it('shows what is missing before sending, and the server’s refusals, in Chinese', async () => {
    const page = await open();
    const saves = () =>
      (wxDouble().callsOf('cloud.callFunction') as { data: { action: string } }[]).filter(
        (c) => c.data.action === 'saveMeeting',
      );

    await tapButton(page, 'save');
    expect(formError(page)).toBe('请填写标题（4–40 字）');
    await typeInto(page, 'title', '小哥圆桌会：夜间安全');
    await typeInto(page, 'topic', '夜间配送');
    await tapButton(page, 'save');
    expect(formError(page)).toBe('请选择举办的驿站');
    await pickStation(page, 0);
    await pickTime(page, 'startAt', '2026-12-10 16:00');
    await pickTime(page, 'endAt', '2026-12-10 14:00');
    await tapButton(page, 'save');
    expect(formError(page)).toBe('结束时间应晚于开始时间');
    await tapOn(page, '#kinds >>> #kind-activity');
    await pickTime(page, 'endAt', '2026-12-10 18:00');
    await tapButton(page, 'save');
    expect(formError(page)).toBe('请选择活动内容');
    expect(saves()).toEqual([]);

    // Yesterday: only the server knows the time, and says so.
    await tapOn(page, '#activity-types >>> #activity-safety_talk');
    await pickTime(page, 'startAt', '2026-11-30 14:00');
    await pickTime(page, 'endAt', '2026-11-30 16:00');
    await pickTime(page, 'deadline', '2026-11-30 12:00');
    await tapButton(page, 'save');
    await waitFor(() => expect(formError(page)).toBe('输入有误「开始时间」：应晚于现在'));
    expect(page.data.form.title).toBe('小哥圆桌会：夜间安全');
    expect(wxDouble().callsOf('navigateBack')).toEqual([]);
  });

  it('edits a meeting: kind and org fixed, a capacity below the seats taken is refused', async () => {
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW, title: '小哥圆桌会：待修改' });
    for (const [i, w] of ['rt-edit-w1', 'rt-edit-w2'].entries()) {
      await registerWorker(w, orgs.expressBranch.id, { phone: `1390000700${i}` });
      await signUpAs(w, m.id);
    }
    const page = await open({ id: m.id });
    expect(has(page, '#kinds')).toBe(false);
    expect(textAt(page, '#kind-fixed')).toBe('小哥圆桌会');
    expect(textAt(page, '#org-fixed')).toBe('示例区委');
    expect(page.data.form).toMatchObject({ title: '小哥圆桌会：待修改', capacity: '20', stationId: orgs.station.id });

    await typeInto(page, 'capacity', '1');
    await tapButton(page, 'save');
    await waitFor(() => expect(formError(page)).toBe('已有 2 人报名成功，名额不能少于 2 个'));

    await typeInto(page, 'capacity', '25');
    await typeInto(page, 'title', '小哥圆桌会：已修改');
    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));
    expect((await meetings()).find((x) => x.id === m.id)).toMatchObject({ title: '小哥圆桌会：已修改', capacity: 25 });
  });

  it('cancels a meeting with a reason: every sign-up cancelled and told', async () => {
    const m = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW, title: '小哥圆桌会：要取消的' });
    await registerWorker('rt-edit-w3', orgs.expressBranch.id, { phone: '13900007003' });
    await signUpAs('rt-edit-w3', m.id);
    const page = await open({ id: m.id });

    wxDouble().answerNext('showModal', { confirm: true, cancel: false, content: '' });
    await tapButton(page, 'cancel-meeting');
    await flush();
    expect(wxDouble().callsOf('showToast')).toContainEqual(
      expect.objectContaining({ title: '请填写取消原因（至少 2 个字）' }),
    );

    wxDouble().answerNext('showModal', { confirm: true, cancel: false, content: '场地临时检修' });
    await tapButton(page, 'cancel-meeting');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));

    const modals = wxDouble().callsOf('showModal') as { title: string; content?: string; editable?: boolean }[];
    expect(modals[0]).toMatchObject({ title: '取消「小哥圆桌会：要取消的」', editable: true });
    expect(modals[2]).toMatchObject({ title: '活动已取消', content: expect.stringContaining('已取消 1 人的报名') });
    const seen = await callAs<MeetingDetail>('rt-edit-w3', 'roundtable', 'getMeeting', { id: m.id });
    expect(seen).toMatchObject({
      status: 'cancelled',
      cancelReason: '场地临时检修',
      mine: { state: 'cancelled', cancelledBy: 'event' },
    });
  });

  it('someone who is no organiser is told so', async () => {
    await login('rt-edit-nobody');
    const page = await open({}, 'rt-edit-nobody');
    expect(page.data.status).toBe('denied');
    expect(textAt(page, '#page-state')).toContain('管理后台仅对管理员开放');
  });
});
