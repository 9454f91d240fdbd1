// Volunteer activities on the whole sign-up engine, through the full stack: the
// organiser adds a sign-up question in the editor (the shared questions editor);
// a member's activity page shows it prefilled, refuses an unanswered required
// one before any dialog, asks WeChat's subscribe dialog (the reminders) inside
// the sign-up tap and sends the answers; 志愿活动 shows the rider's own state
// (已报名 / 候补第 n 位 / 已签到 / 已签退); the code screen counts check-outs.
import type { Page } from '../../../typings/common';
import type { SignUpRow } from '../../../typings/signup';
import type { VolunteerActivityDetail } from '../../../typings/volunteer-team';
import { clearSession } from '../../../miniprogram/utils/session';
import { installRecordingCanvas } from '../../screens/canvas';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, tap, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { cameraReads, subscribeAnswers } from '../support/roundtable';
import { loadSecondPage } from '../support/second-page';
import { detachAll, has, render, tapButton, tapOn, tapSwitch, textAt, typeInto } from '../support/ui';
import { addActivity, applyAs, codeFor, HOUR_MS, reviewAs } from '../support/volunteer';

const activityId = loadPage('packages/volunteer/pages/activity/index');
const listPage = loadSecondPage('packages/volunteer/pages/activities/index');
const editPage = loadSecondPage('packages/volunteer/pages/admin-activity-edit/index');
const codePage = loadSecondPage('packages/volunteer/pages/admin-checkin/index');

const RIDER = 'vol-signup-rider';
const OTHER = 'vol-signup-other';
const ADMIN = 'vol-signup-admin';
/** 10:00 in Beijing on 2026-12-01. */
const NOW = Date.parse('2026-12-01T02:00:00Z');
const MIN = 60_000;
const TEMPLATES = ['dev-tpl-signup-promoted', 'dev-tpl-signup-day-before', 'dev-tpl-signup-hour-before'];

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend(RIDER);
  installRecordingCanvas(() => (id) => id);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  for (const [openid, realName, phone] of [
    [RIDER, '周报名', '13900002222'],
    [OTHER, '吴先到', '13900003333'],
  ] as const) {
    const profile = await registerWorker(openid, orgs.expressBranch.id, { realName, phone });
    await applyAs(openid, orgs.expressBranch.id);
    await reviewAs(ADMIN, profile.userId, 'approve');
  }
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
  for (const p of [listPage, editPage, codePage]) p.detachAll();
  pinNow(null);
});

async function openWith(
  page: RenderedPage,
  query: Record<string, string>,
  ready = (p: RenderedPage) => expect(p.data.status).not.toBe('loading'),
) {
  (page.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  await waitFor(() => ready(page));
  await flush();
  return page;
}

const openActivity = (id: string) => openWith(render(activityId), { id });
const mineState = (page: RenderedPage) => textAt(page, '#mine-state >>> .t-tag');

it('the organiser adds a sign-up question; the member answers it, prefilled, and the tap asks for the reminders', async () => {
  const a = await addActivity(ADMIN, orgs.district.id, {
    base: NOW,
    questions: [{ key: 'name', kind: 'text', label: '姓名', required: true, profileField: 'realName' }],
  });

  // The editor: the question already there, and a required single choice added.
  actAs(ADMIN);
  const edit = await openWith(editPage.render(editPage.id), { id: a.id });
  expect(edit.data.form.questions.map((q: { label: string }) => q.label)).toEqual(['姓名']);
  await tapOn(edit, '#questions >>> #question-add');
  await typeInto(edit, 'questions >>> #question-label-1', '马甲尺码');
  await tapOn(edit, '#questions >>> #question-kind-1 >>> #kind-1-single');
  await typeInto(edit, 'questions >>> #question-options-1', 'M、L、XL');
  await tapSwitch(edit, 'questions >>> #question-required-1');
  await tapButton(edit, 'save');
  await waitFor(() =>
    expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '已保存' })),
  );
  const saved = await callAs<VolunteerActivityDetail>(ADMIN, 'volunteer', 'getActivity', { activityId: a.id });
  expect(saved.booking.questions).toMatchObject([
    { key: 'name', label: '姓名', kind: 'text' },
    { label: '马甲尺码', kind: 'single', required: true, options: ['M', 'L', 'XL'] },
  ]);
  editPage.detachAll();

  // The member: the name prefilled; the size required before any dialog.
  actAs(RIDER);
  wxDouble().reset();
  const page = await openActivity(a.id);
  expect(page.data.questions.map((q: { text: string; values: string[] }) => [q.text, q.values])).toEqual([
    ['周报名', []],
    ['', []],
  ]);
  await tapButton(page, 'sign-up');
  expect(textAt(page, '#form-error')).toBe('请选择「马甲尺码」');
  expect(wxDouble().callsOf('requestSubscribeMessage')).toEqual([]);

  const sizeKey = saved.booking.questions[1]!.key;
  await tap(page.querySelectorAll(`#questions >>> #answer-${sizeKey} >>> .chip`)[1]!); // L
  subscribeAnswers(TEMPLATES);
  await tapButton(page, 'sign-up');
  await waitFor(() => expect(mineState(page)).toBe('已报名'));
  expect(wxDouble().callsOf('requestSubscribeMessage')).toEqual([expect.objectContaining({ tmplIds: TEMPLATES })]);
  expect(has(page, '#signup')).toBe(false);

  const rows = await callAs<Page<SignUpRow>>(ADMIN, 'volunteer', 'listActivitySignUps', { activityId: a.id });
  expect(rows.items[0]!.answers).toEqual([
    { key: 'name', label: '姓名', values: ['周报名'] },
    { key: sizeKey, label: '马甲尺码', values: ['L'] },
  ]);
});

it('志愿活动 shows the rider’s own state; the code screen counts who checked out', async () => {
  const full = await addActivity(ADMIN, orgs.district.id, {
    base: NOW,
    startsInH: 72,
    capacity: 1,
    title: '周末社区义务巡查',
  });
  const soon = await addActivity(ADMIN, orgs.district.id, {
    base: NOW,
    startsInH: 2,
    deadline: new Date(NOW + HOUR_MS).toISOString(),
    title: '午高峰路口劝导',
  });
  await callAs(OTHER, 'volunteer', 'signUp', { activityId: full.id });
  await callAs(RIDER, 'volunteer', 'signUp', { activityId: full.id });
  await callAs(RIDER, 'volunteer', 'signUp', { activityId: soon.id });

  const list = async () => {
    const p = listPage.render(listPage.id);
    await waitFor(() => expect(p.data.list.status).toBe('ready'));
    await flush();
    return p;
  };
  const tagOf = (p: RenderedPage, id: string) => (has(p, `#mine-${id}`) ? textAt(p, `#mine-${id} >>> .t-tag`) : '');
  let p = await list();
  expect(tagOf(p, full.id)).toBe('候补第 1 位');
  expect(tagOf(p, soon.id)).toBe('已报名');
  listPage.detachAll();

  // During the activity: scanned in, then out.
  const start = Date.parse(soon.startAt);
  pinNow(start + 5 * MIN);
  const page = await openActivity(soon.id);
  cameraReads(await codeFor(ADMIN, soon.id, 'in'));
  await tapButton(page, 'scan-in');
  await waitFor(() => expect(mineState(page)).toBe('已签到'));
  p = await list();
  expect(tagOf(p, soon.id)).toBe('已签到');
  listPage.detachAll();

  pinNow(start + 2 * HOUR_MS - 5 * MIN);
  cameraReads(await codeFor(ADMIN, soon.id, 'out'));
  await tapButton(page, 'scan-out');
  await waitFor(() => expect(mineState(page)).toBe('已签退'));
  p = await list();
  expect(tagOf(p, soon.id)).toBe('已签退');
  expect(tagOf(p, full.id)).toBe('候补第 1 位');
  listPage.detachAll();

  // The organiser's code screen: signed up, checked in and checked out, with the code.
  actAs(ADMIN);
  const screen = await openWith(codePage.render(codePage.id), { id: soon.id, purpose: 'out' }, (s) =>
    expect(s.data.status).toBe('ready'),
  );
  expect(textAt(screen, '#counts')).toBe('已报名 1 人 · 已签到 1 人 · 已签退 1 人');
});
