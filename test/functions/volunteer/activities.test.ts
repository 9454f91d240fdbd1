// Volunteer activities on the whole sign-up engine: the organiser's sign-up
// questions, the prefill and the subscribe offer on the activity's page, answers
// and grants with the sign-up, the scheduler's reminders reaching volunteer
// sign-ups; the caller's own state in the list; check-outs counted for the
// organiser.
import type { Page } from '../../../typings/common';
import type { SignUpQuestion, SignUpRow, SubscribeGrant } from '../../../typings/signup';
import type {
  AdminVolunteerActivity,
  VolunteerActivityDetail,
  VolunteerActivitySummary,
  VolunteerSignUpReceipt,
} from '../../../typings/volunteer-team';
import { snapshotDb } from '../../support/db-snapshot';
import {
  activity,
  ADMIN,
  code,
  DAY,
  HOUR,
  iso,
  member,
  MINUTE,
  outbox,
  scanIn,
  scanOut,
  signUp,
  startVolWorld,
  T0,
  upkeepAt,
  type VolWorld,
} from './world';

let w: VolWorld;
beforeAll(async () => {
  w = await startVolWorld();
}, 60_000);
afterAll(() => w.h.stop());

const QUESTIONS: SignUpQuestion[] = [
  { key: 'name', kind: 'text', label: '姓名', required: true, profileField: 'realName' },
  { key: 'size', kind: 'single', label: '马甲尺码', required: true, options: ['M', 'L', 'XL'] },
  { key: 'slots', kind: 'multi', label: '可参加的时段', required: false, options: ['上午', '下午'] },
];

const detail = (openid: string, activityId: string) =>
  w.h.as(openid).at(iso(T0)).ok<VolunteerActivityDetail>('volunteer', 'getActivity', { activityId });

const acceptAll = (d: VolunteerActivityDetail): SubscribeGrant[] =>
  d.subscribe.templateIds.map((templateId) => ({ templateId, result: 'accept' as const }));

describe('sign-up questions, answers and subscribe grants', () => {
  it('the organiser sets questions; the page shows them with the prefill and the reminders to ask for', async () => {
    await member(w, 'o-q-ask', '王答题');
    const a = await activity(w, T0 + 5 * DAY, 120, { questions: QUESTIONS });
    const d = await detail('o-q-ask', a.id);
    expect(d.booking.questions.map((q) => q.key)).toEqual(['name', 'size', 'slots']);
    expect(d.prefill).toEqual([{ key: 'name', values: ['王答题'] }]);
    expect(d.subscribe.templateIds).toEqual([
      'dev-tpl-signup-promoted',
      'dev-tpl-signup-day-before',
      'dev-tpl-signup-hour-before',
    ]);
    // A required question left out is refused and books nothing.
    const before = await snapshotDb(w.h.emu);
    const missing = await w.h
      .as('o-q-ask')
      .at(iso(T0))
      .call('volunteer', 'signUp', { activityId: a.id, answers: [{ key: 'name', values: ['王答题'] }] });
    expect(missing).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await snapshotDb(w.h.emu)).toEqual(before);

    const receipt = await w.h
      .as('o-q-ask')
      .at(iso(T0))
      .ok<VolunteerSignUpReceipt>('volunteer', 'signUp', {
        activityId: a.id,
        answers: [
          { key: 'name', values: ['王答题'] },
          { key: 'size', values: ['L'] },
        ],
        grants: acceptAll(d),
      });
    expect(receipt.signUp.state).toBe('confirmed');
    expect(receipt.granted).toEqual(d.subscribe.templateIds);
    const rows = await w.h.as(ADMIN).ok<Page<SignUpRow>>('volunteer', 'listActivitySignUps', { activityId: a.id });
    expect(rows.items[0]!.answers).toEqual([
      { key: 'name', label: '姓名', values: ['王答题'] },
      { key: 'size', label: '马甲尺码', values: ['L'] },
    ]);
  });

  it('an answer outside the options and a choice with one option are refused; an edit changes the questions', async () => {
    await member(w, 'o-q-bad');
    const a = await activity(w, T0 + 5 * DAY, 120, { questions: QUESTIONS });
    const wrong = await w.h
      .as('o-q-bad')
      .at(iso(T0))
      .call('volunteer', 'signUp', {
        activityId: a.id,
        answers: [
          { key: 'name', values: ['某某'] },
          { key: 'size', values: ['XXL'] },
        ],
      });
    expect(wrong).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const badQuestion = await w.h
      .as(ADMIN)
      .at(iso(T0))
      .call('volunteer', 'saveActivity', {
        title: '路口文明交通劝导',
        serviceType: 'traffic',
        venue: { name: '示例路口', address: '示例区示例路 88 号' },
        startAt: iso(T0 + 5 * DAY),
        endAt: iso(T0 + 5 * DAY + HOUR),
        deadline: iso(T0 + 4 * DAY),
        capacity: 5,
        orgId: w.orgs.expressBranch.id,
        questions: [{ key: 'x', kind: 'single', label: '只有一个选项', required: true, options: ['是'] }],
      });
    expect(badQuestion).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    await activity(w, T0 + 5 * DAY, 120, { id: a.id, questions: [QUESTIONS[1]!] });
    expect((await detail('o-q-bad', a.id)).booking.questions.map((q) => q.label)).toEqual(['马甲尺码']);
  });

  it('a caller that sends neither answers nor grants still signs up (no questions), granting nothing', async () => {
    await member(w, 'o-q-plain');
    const a = await activity(w, T0 + 5 * DAY);
    const receipt = await w.h
      .as('o-q-plain')
      .at(iso(T0))
      .ok<VolunteerSignUpReceipt>('volunteer', 'signUp', { activityId: a.id });
    expect(receipt).toMatchObject({ signUp: { state: 'confirmed' }, granted: [] });
  });
});

describe('reminders through the scheduler', () => {
  it('a volunteer sign-up with granted templates gets the day-before and hour-before reminders, once each', async () => {
    const [sub, nosub] = ['o-rem-sub', 'o-rem-nosub'];
    await member(w, sub);
    await member(w, nosub);
    // A month ahead: nothing else of these tests starts within a day of it.
    const start = T0 + 30 * DAY;
    const a = await activity(w, start);
    const grants = acceptAll(await detail(sub, a.id));
    await w.h.as(sub).at(iso(T0)).ok('volunteer', 'signUp', { activityId: a.id, grants });
    await signUp(w, nosub, a.id);
    await outbox(w, true);

    const day = await upkeepAt(w, start - 23 * HOUR);
    expect(day.signUpReminders).toMatchObject({ due: 2, sent: 1, noGrant: 1 });
    const dayMsgs = await outbox(w);
    expect(dayMsgs.map((m) => [m.touser, m.template_id])).toEqual([[sub, 'dev-tpl-signup-day-before']]);
    expect(dayMsgs[0]!.page).toBe(`packages/volunteer/pages/activity/index?id=${a.id}`);
    expect((await upkeepAt(w, start - 22 * HOUR)).signUpReminders).toMatchObject({ due: 0, sent: 0 });

    const hour = await upkeepAt(w, start - 50 * MINUTE);
    expect(hour.signUpReminders).toMatchObject({ due: 2, sent: 1, noGrant: 1 });
    expect((await outbox(w)).map((m) => [m.touser, m.template_id])).toEqual([
      [sub, 'dev-tpl-signup-day-before'],
      [sub, 'dev-tpl-signup-hour-before'],
    ]);
  });
});

describe('the list and the organiser’s counts', () => {
  it('each listed activity carries the caller’s own state: none, confirmed, waitlisted with its place, attended', async () => {
    const people = ['o-list-a', 'o-list-b', 'o-list-c'];
    for (const p of people) await member(w, p);
    const soon = T0 + 2 * HOUR;
    const full = await activity(w, T0 + 6 * DAY, 120, { capacity: 1, deadline: iso(T0 + 5 * DAY) });
    const attended = await activity(w, soon, 120, { deadline: iso(T0 + HOUR) });
    await signUp(w, 'o-list-a', full.id);
    await signUp(w, 'o-list-b', full.id);
    await signUp(w, 'o-list-b', attended.id);
    await scanIn(w, 'o-list-b', attended.id, soon);
    const list = async (openid: string) => {
      const page = await w.h
        .as(openid)
        .at(iso(soon + 10 * MINUTE))
        .ok<Page<VolunteerActivitySummary>>('volunteer', 'listActivities', {
          pageSize: 50,
        });
      return new Map(page.items.map((i) => [i.id, i.mine]));
    };
    const a = await list('o-list-a');
    expect(a.get(full.id)).toMatchObject({ state: 'confirmed' });
    expect(a.get(attended.id)).toBeNull();
    const b = await list('o-list-b');
    expect(b.get(full.id)).toMatchObject({ state: 'waitlisted', position: 1 });
    expect(b.get(attended.id)).toMatchObject({ state: 'attended', checkedOutAt: null });
    expect((await list('o-list-c')).get(full.id)).toBeNull();
    // Someone not registered (no user yet) sees no state.
    expect((await list('o-list-nobody')).get(full.id)).toBeNull();
  });

  it('the organiser’s activity view and every code count check-outs', async () => {
    await member(w, 'o-out');
    const start = T0 + 3 * HOUR;
    const a = await activity(w, start, 120, { deadline: iso(T0 + 2 * HOUR) });
    await signUp(w, 'o-out', a.id);
    await scanIn(w, 'o-out', a.id, start);
    await scanOut(w, 'o-out', a.id, start + 2 * HOUR);
    const page = await w.h
      .as(ADMIN)
      .at(iso(start + 2 * HOUR))
      .ok<Page<AdminVolunteerActivity>>('volunteer', 'adminListActivities', { keyword: a.title, pageSize: 50 });
    expect(page.items.find((x) => x.id === a.id)).toMatchObject({ counts: { attended: 1 }, checkedOut: 1 });
    for (const purpose of ['in', 'out'] as const) {
      const c = await code(w, a.id, purpose, start + 2 * HOUR);
      expect(c).toMatchObject({ purpose, counts: { seatsTaken: 1, attended: 1 }, checkedOut: 1 });
    }
  });
});
