// 上报服务 through the full stack: an approved member reports a 网格员 duty with a
// photo (uploaded at once into volunteer/<userId>/), the span picked in the shared
// datetime-picker; checks on the phone say what is missing; the report arrives as
// a pending claim and the page opens 我的时数. Someone not yet a member is told to join.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { pickPhotos } from '../support/cases';
import { makeAdmin, registerWorker, seedOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, has, render, tapButton, tapCell, tapOn, textAt } from '../support/ui';
import { applyAs, reviewAs } from '../support/volunteer';

const reportId = loadPage('packages/volunteer/pages/report/index');
const RIDER = 'vol-report-rider';
const APPLICANT = 'vol-report-applicant';
const ADMIN = 'vol-report-admin';
/** 20:00 in Beijing on 2026-12-01. */
const NOW = Date.parse('2026-12-01T12:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let riderId: string;
beforeAll(async () => {
  backend = await startBackend(RIDER);
  pinNow(NOW);
  const orgs = await seedOrgs();
  riderId = (await registerWorker(RIDER, orgs.expressBranch.id)).userId;
  await registerWorker(APPLICANT, orgs.expressBranch.id, { realName: '钱示例', phone: '13900004444' });
  await makeAdmin(ADMIN, [orgs.district.id]);
  await applyAs(RIDER, orgs.expressBranch.id);
  await reviewAs(ADMIN, riderId, 'approve');
  await applyAs(APPLICANT, orgs.expressBranch.id);
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

async function open(openid: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(reportId);
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  await flush();
  return page;
}

async function pickTime(page: RenderedPage, field: 'startAt' | 'endAt', value: string) {
  await tapCell(page, `time-${field}`);
  expect(page.data.picking).toBe(field);
  (
    page.querySelector('#time-picker') as unknown as { instance: WechatMiniprogram.Component.TrivialInstance }
  ).instance.triggerEvent('confirm', { value });
  await flush();
}

it('reports a duty with a photo and a span; it waits for review as a claim', async () => {
  const page = await open(RIDER);
  await tapButton(page, 'submit');
  expect(textAt(page, '#form-error')).toBe('请选择服务类型');

  await tapOn(page, '#types >>> #type-grid_duty');
  page.querySelector('#text >>> .t-textarea__wrapper-inner')!.dispatchEvent('input', {
    detail: { value: '在城北商圈巡查电动车违停，劝导 6 人，发现消防通道堵塞已上报。' },
  });
  await flush();
  await pickTime(page, 'startAt', '2026-12-01 18:00');
  await pickTime(page, 'endAt', '2026-12-01 17:00');
  await tapButton(page, 'submit');
  expect(textAt(page, '#form-error')).toBe('结束时间要晚于开始时间');
  await pickTime(page, 'endAt', '2026-12-01 19:30');
  await tapButton(page, 'submit');
  expect(textAt(page, '#form-error')).toBe('请至少上传 1 张照片作为凭证');

  pickPhotos(['/tmp/wx/duty.jpg']);
  await tapOn(page, '#photos >>> #add-photo');
  await waitFor(() => expect(page.data.form.photos).toHaveLength(1));
  const uploads = wxDouble().callsOf('cloud.uploadFile') as { cloudPath: string }[];
  expect(uploads.map((u) => u.cloudPath)).toEqual([
    expect.stringMatching(new RegExp(`^volunteer/${riderId}/\\d+-0\\.jpg$`)),
  ]);

  await tapButton(page, 'submit');
  await waitFor(() =>
    expect(wxDouble().callsOf('redirectTo')).toEqual([{ url: '/packages/volunteer/pages/hours/index' }]),
  );
  const claims = await callAs<{
    items: { kind: string; state: string; serviceType: string; startAt: string; endAt: string }[];
  }>(RIDER, 'volunteer', 'myClaims', {});
  expect(claims.items).toEqual([
    expect.objectContaining({
      kind: 'service',
      state: 'pending',
      serviceType: 'grid_duty',
      startAt: '2026-12-01T10:00:00.000Z',
      endAt: '2026-12-01T11:30:00.000Z',
    }),
  ]);
});

it('tells an applicant to become a member first', async () => {
  const page = await open(APPLICANT);
  expect(page.data.status).toBe('not_member');
  expect(textAt(page, '#not-member')).toContain('上报服务需先成为先锋骑士正式队员');
  expect(has(page, '#submit')).toBe(false);
});
