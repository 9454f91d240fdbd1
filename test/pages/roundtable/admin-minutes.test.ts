// The minutes (纪要) through the full stack: refused before the meeting ended (the
// server's words), the riders' sign-up topics brought in as what was raised,
// published, shown on the meeting's page, edited afterwards.
import type { MeetingDetail } from '../../../typings/roundtable';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addMeeting, HOUR_MS, signUpAs } from '../support/roundtable';
import { detachAll, render, tapButton, tapOn, textAt, typeInto } from '../support/ui';

const pageId = loadPage('packages/roundtable/pages/admin-minutes/index');
const ADMIN = 'rt-minutes-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let meeting: { id: string; endAt: string };
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  meeting = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
    base: NOW,
    startsInH: 2,
    deadline: new Date(NOW + HOUR_MS).toISOString(),
  });
  for (const [i, topic] of ['商圈停车难', '充电柜太少', '商圈停车难'].entries()) {
    await registerWorker(`rt-mn-${i}`, orgs.expressBranch.id, { phone: `1390001000${i}` });
    await signUpAs(`rt-mn-${i}`, meeting.id, { topic });
  }
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(ADMIN);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(): Promise<RenderedPage> {
  const page = render(pageId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad({ id: meeting.id });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  await flush();
  return page;
}

async function typeItem(page: RenderedPage, section: string, index: number, text: string) {
  page
    .querySelector(`#${section} >>> #${section}-text-${index} >>> .t-textarea__wrapper-inner`)!
    .dispatchEvent('input', { detail: { value: text } });
  await flush();
}

it('before the end: says so, and the server refuses publishing', async () => {
  pinNow(NOW + HOUR_MS);
  const page = await open();
  expect(textAt(page, '#not-ended')).toBe('活动结束后才能发布纪要。');

  await typeItem(page, 'raised', 0, '商圈停车难');
  await tapButton(page, 'publish');
  await waitFor(() => expect(textAt(page, '#form-error')).toBe('活动结束后才能发布纪要'));
});

it('after the end: brings in the sign-up topics, publishes, and the riders read it', async () => {
  pinNow(Date.parse(meeting.endAt) + HOUR_MS);
  const page = await open();

  await tapButton(page, 'publish');
  expect(textAt(page, '#form-error')).toBe('纪要至少要有一条内容');

  await tapButton(page, 'import-topics');
  await waitFor(() =>
    // Each topic once (two riders raised the first); the list's order among sign-ups made at one instant is the server's.
    expect(page.data.raised.map((i: { text: string }) => i.text).sort()).toEqual(['充电柜太少', '商圈停车难'].sort()),
  );
  const imported: string[] = page.data.raised.map((i: { text: string }) => i.text);
  await typeItem(page, 'answered', 0, '城管局将在两个商圈试点临时停车位');
  await typeInto(page, 'answered >>> #answered-dept-0', '区城管局');
  await typeItem(page, 'takenAway', 0, '充电柜扩容，两周内答复');
  await tapOn(page, '#takenAway >>> #takenAway-add');
  expect(page.data.takenAway).toHaveLength(2); // the empty one is not published

  await tapButton(page, 'publish');
  await waitFor(() => expect(textAt(page, '#published')).toMatch(/^已发布 · 更新于 /));
  const seen = await callAs<MeetingDetail>('rt-mn-0', 'roundtable', 'getMeeting', { id: meeting.id });
  expect(seen.minutes).toMatchObject({
    raised: imported.map((text) => ({ text })),
    answered: [{ text: '城管局将在两个商圈试点临时停车位', department: '区城管局' }],
    takenAway: [{ text: '充电柜扩容，两周内答复' }],
  });

  // Edited afterwards: the page opens with what was published.
  detachAll();
  const again = await open();
  expect(again.data.answered.map((i: { department: string }) => i.department)).toEqual(['区城管局']);
  await tapOn(again, '#raised >>> #raised-remove-1');
  await tapButton(again, 'publish');
  await waitFor(() =>
    expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '纪要已更新' })),
  );
  const edited = await callAs<MeetingDetail>('rt-mn-0', 'roundtable', 'getMeeting', { id: meeting.id });
  expect(edited.minutes!.raised).toEqual([{ text: imported[0] }]);
  // Two openings and three publishing round trips: once over jest's default 5 s with the machine under load.
}, 20_000);
