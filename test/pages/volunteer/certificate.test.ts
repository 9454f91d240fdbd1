// 志愿服务记录证明 through the full stack: a member with scanned credit hours and
// backfilled honor hours previews the certificate (name, masked phone, the hours
// apart and their total, the content, the issuing org) and issues it — the
// issued certificate states exactly the preview, the server verifies the same
// number, and the poster is drawn with the certificate's words and the
// mini-program code of its verify page. A period without records cannot be
// issued; someone not on the team is told how to get there.
import type { VolunteerCertificate } from '../../../typings/volunteer-team';
import { certificateView } from '../../../miniprogram/packages/volunteer/utils/certificate';
import { clearSession } from '../../../miniprogram/utils/session';
import { type CanvasRecording, takeRecordings } from '../../screens/canvas';
import { actAs, callAs } from '../support/backend';
import { ACTIVITY_TITLE, HONOR_TITLE, issueAs, memberWithHours } from '../support/certificate';
import { registerWorker } from '../support/fixtures';
import { loadPage, waitFor, wxDouble } from '../support/page';
import { drawnCanvases, openPage, SHOP_ADMIN, startShopPages, type ShopPageWorld } from '../support/shop';
import { detachAll, has, tapButton, tapOn, textAt } from '../support/ui';

const certificateId = loadPage('packages/volunteer/pages/certificate/index');
const MEMBER = 'cert-page-member';

let w: ShopPageWorld;
beforeAll(async () => {
  w = await startShopPages('cert-page-outsider', 0);
  await memberWithHours(SHOP_ADMIN, MEMBER, w.orgs.expressBranch.id);
});
afterAll(() => w.backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(MEMBER);
  takeRecordings();
});
afterEach(detachAll);

const texts = (recs: CanvasRecording[]) =>
  recs.flatMap((r) => r.calls.filter((c) => c[0] === 'call' && c[1] === 'fillText').map((c) => (c[2] as string[])[0]));
const images = (recs: CanvasRecording[]) =>
  recs.flatMap((r) =>
    r.calls.filter((c) => c[0] === 'call' && c[1] === 'drawImage').map((c) => (c[2] as { src: string }[])[0]!.src),
  );

it('previews exactly what the certificate will state, issues it, and draws its poster with the verify code', async () => {
  const page = await openPage(certificateId);

  expect(page.data.status).toBe('ready');
  expect(has(page, '#card >>> #cert-preview')).toBe(true);
  expect(textAt(page, '#card >>> #cert-name')).toBe('张小快');
  expect(textAt(page, '#card >>> #cert-phone')).toBe('139****1111');
  expect(textAt(page, '#card >>> #cert-credit')).toBe('1.75 小时');
  expect(textAt(page, '#card >>> #cert-honor')).toBe('1 小时');
  expect(textAt(page, '#card >>> #cert-total')).toBe('2.75 小时');
  expect(textAt(page, '#card >>> #cert-content')).toContain(ACTIVITY_TITLE);
  expect(textAt(page, '#card >>> #cert-content')).toContain(HONOR_TITLE);
  expect(textAt(page, '#card >>> #cert-org')).toBe(`出具组织：${w.orgs.expressBranch.name}`);
  const preview = page.data.preview;

  await tapButton(page, 'issue');
  await waitFor(() => expect(has(page, '#issued-number')).toBe(true));
  const number = textAt(page, '#issued-number').replace('编号 ', '');
  expect(number).toMatch(/^ZY\d{4}[0-9A-Z]{16}$/);
  // The issued certificate (asking again gives the same one) states exactly what the preview did.
  const issued = await issueAs(MEMBER);
  expect(issued.number).toBe(number);
  expect({ ...certificateView(issued), number: '', issuedText: '' }).toEqual(preview);
  const verified = await callAs<VolunteerCertificate>('anyone', 'volunteer', 'verifyCertificate', { number });
  expect(verified).toMatchObject({ creditMinutes: 105, honorMinutes: 60, totalMinutes: 165 });

  // The poster: the one pipeline, the certificate's words and the code that opens its verify page.
  await waitFor(() => expect(page.data.posterStatus).toBe('ready'));
  const recs = await drawnCanvases();
  expect(texts(recs)).toEqual(
    expect.arrayContaining([
      '志愿服务记录证明',
      `编号 ${number}`,
      '姓名：张小快',
      '联系电话：139****1111',
      '2.75 小时',
    ]),
  );
  expect(images(recs)).toEqual([expect.stringMatching(new RegExp(`posters/certificate-${number}\\.png$`))]);
  expect(has(page, '#poster >>> #save')).toBe(true);
  const share = (page.instance as unknown as { onShareAppMessage(): { path: string } }).onShareAppMessage();
  expect(share.path).toBe(`/packages/volunteer/pages/verify/index?no=${number}`);
});

it('a period without service records cannot be issued', async () => {
  const page = await openPage(certificateId);
  await tapOn(page, '#periods >>> #period-lastYear');
  await waitFor(() => expect(has(page, '#no-records')).toBe(true));

  expect(textAt(page, '#no-records')).toContain('这段时间没有志愿服务记录');
  expect(has(page, '#issue')).toBe(false);
  await tapOn(page, '#periods >>> #period-year');
  await waitFor(() => expect(textAt(page, '#card >>> #cert-total')).toBe('2.75 小时'));
});

it('someone registered but not on the team is told how to get a certificate', async () => {
  await registerWorker('cert-page-stranger', w.orgs.expressBranch.id);
  actAs('cert-page-stranger');
  const page = await openPage(certificateId);

  expect(page.data.status).toBe('empty');
  expect(textAt(page, '#page-state')).toContain('加入先锋骑士志愿者队伍并有服务记录后');
});
