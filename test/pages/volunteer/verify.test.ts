// 证明核验 through the full stack, as anyone (never signed in): a number from a
// shared link, from the poster's mini-program code (scene "no=…") or typed in
// shows exactly what the issued certificate shows, the name masked; a forged
// number is 未找到.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs } from '../support/backend';
import { issueAs, memberWithHours } from '../support/certificate';
import { loadPage, waitFor, wxDouble } from '../support/page';
import { openPage, SHOP_ADMIN, startShopPages, type ShopPageWorld } from '../support/shop';
import { detachAll, has, tapButton, textAt, typeInto } from '../support/ui';

const verifyId = loadPage('packages/volunteer/pages/verify/index');
const MEMBER = 'verify-page-member';

let w: ShopPageWorld;
let number: string;
beforeAll(async () => {
  w = await startShopPages('verify-page-outsider', 0);
  await memberWithHours(SHOP_ADMIN, MEMBER, w.orgs.expressBranch.id);
  number = (await issueAs(MEMBER)).number;
});
afterAll(() => w.backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs('verify-page-stranger');
});
afterEach(detachAll);

const expectShowsTheCertificate = (page: Parameters<typeof textAt>[0]) => {
  expect(textAt(page, '#verdict')).toContain('证明真实有效');
  expect(textAt(page, '#card >>> #cert-number')).toBe(`编号 ${number}`);
  expect(textAt(page, '#card >>> #cert-name')).toBe('张**');
  expect(textAt(page, '#card >>> #cert-phone')).toBe('139****1111');
  expect(textAt(page, '#card >>> #cert-credit')).toBe('1.75 小时');
  expect(textAt(page, '#card >>> #cert-honor')).toBe('1 小时');
  expect(textAt(page, '#card >>> #cert-total')).toBe('2.75 小时');
  expect(textAt(page, '#card >>> #cert-org')).toBe(`出具组织：${w.orgs.expressBranch.name}`);
  expect(textAt(page, '#card >>> #cert-date')).toMatch(/^出具日期：\d{4}-\d{2}-\d{2}$/);
};

it('a shared link (?no=) shows what the certificate shows, the name masked', async () => {
  const page = await openPage(verifyId, { no: number });
  await waitFor(() => expect(page.data.status).toBe('found'));
  expectShowsTheCertificate(page);
});

it('the poster’s mini-program code (scene no=…) opens the same certificate', async () => {
  const page = await openPage(verifyId, { scene: encodeURIComponent(`no=${number}`) });
  await waitFor(() => expect(page.data.status).toBe('found'));
  expectShowsTheCertificate(page);
});

it('a typed number (lower case, with spaces) is verified; a forged one is 未找到', async () => {
  const page = await openPage(verifyId);
  expect(has(page, '#found')).toBe(false);

  await typeInto(page, 'number', ` ${number.toLowerCase()} `);
  await tapButton(page, 'verify');
  await waitFor(() => expect(page.data.status).toBe('found'));
  expectShowsTheCertificate(page);

  const forged = `${number.slice(0, -4)}ZZZZ` === number ? `${number.slice(0, -4)}YYYY` : `${number.slice(0, -4)}ZZZZ`;
  await typeInto(page, 'number', forged);
  await tapButton(page, 'verify');
  await waitFor(() => expect(page.data.status).toBe('notFound'));
  expect(textAt(page, '#not-found')).toContain(`未找到编号为 ${forged} 的志愿服务记录证明`);
  expect(has(page, '#cert')).toBe(false);
});
