// An organiser, in the app, approves a courier's nomination in the campaign's
// management page and answers the courier's demand (诉求) in the case workbench;
// the courier then finds themself a candidate and their demand answered.
import { makeAdminWith, seedOrgsWith } from '../support/arrange';
import { openJourney, type Journey } from './support/journey';
import { goBack, start } from './support/nav';
import {
  campaignTakingNominations,
  COURIER,
  DEMAND,
  myCase,
  myNominations,
  nominateSelf,
  publicCandidates,
  raiseDemand,
  registerCourier,
} from './support/organiser';
import { need, tapButton, tapCell, typeInto, until, waitForElement, waitForPage, waitForText } from './support/steps';
import { tapOn, waitForTextIn } from './support/screen';

const ADMIN_HOME = 'packages/admin/pages/index/index';
const ANSWER = '已协调城东驿站添置微波炉，下周一起午间 11:00–14:00 可以热饭。';

let j: Journey;
beforeAll(async () => {
  j = await openJourney('organiser-review-and-answer');
}, 120_000);
afterAll(() => j?.close());

test('an organiser approves a nomination and answers a demand, and the courier sees both', async () => {
  const { mp, world, me, superadmin } = j;
  const orgs = await j.step('the district and its branches exist', () => seedOrgsWith(world.call));
  const campaign = await j.step('the district runs a campaign taking nominations', () =>
    campaignTakingNominations(world.call, superadmin, orgs.district.id),
  );
  await j.step(`${COURIER.realName}, a courier of the express branch, is registered`, () =>
    registerCourier(world.call, orgs.expressBranch.id),
  );
  const nomination = await j.step(`${COURIER.realName} nominates themself`, () =>
    nominateSelf(world.call, campaign.id),
  );
  const demand = await j.step(`${COURIER.realName} raises a demand: ${DEMAND.title}`, () => raiseDemand(world.call));
  await j.step('the superadmin makes the rider an organiser of the district', () =>
    makeAdminWith(world.call, me, [orgs.district.id]),
  );

  const mine = await j.step('the organiser opens 我的', () => start(mp, '/pages/me/index'));
  await j.step('我的 now offers 管理后台', () => waitForElement(mine, '#admin-entry'));
  await j.step('the organiser taps 管理后台', () => tapCell(mine, '#admin-entry'));
  const admin = await j.step('管理后台 opens', () => waitForPage(mp, ADMIN_HOME));
  await j.step('the organiser taps 最美评选', () => tapCell(admin, '#entry-campaigns'));
  const campaigns = await j.step('the campaigns for organisers open', () =>
    waitForPage(mp, 'packages/campaign/pages/admin-campaigns/index'),
  );
  await j.step('the organiser taps 管理 on the campaign', async () => {
    await waitForElement(campaigns, `#manage-${campaign.id}`);
    await tapButton(campaigns, `#manage-${campaign.id}`);
  });
  const manage = await j.step('the management page opens', () =>
    waitForPage(mp, 'packages/campaign/pages/admin-campaign-manage/index'),
  );
  const card = `#nomination-${nomination.id}`;
  await j.step(`推荐审核 lists ${COURIER.realName}'s nomination, 待审核`, async () => {
    await waitForTextIn(manage, '#nominations', card, COURIER.realName);
    await waitForTextIn(manage, '#nominations', card, '待审核');
  });
  await j.step('the organiser taps 通过', async () =>
    tapButton(await need(manage, '#nominations'), `#approve-${nomination.id}`),
  );
  await j.step('the nomination shows 已通过', () => waitForTextIn(manage, '#nominations', card, '已通过'));
  await j.step(`${COURIER.realName} sees their nomination approved, and is a public candidate`, async () => {
    const mineNow = await myNominations(world.call, campaign.id);
    const n = mineNow.items.find((x) => x.id === nomination.id);
    if (n?.status !== 'approved' || !n.candidateId) throw new Error(`the nomination reads ${JSON.stringify(n)}`);
    const listed = await publicCandidates(world.call, campaign.id);
    const c = listed.items.find((x) => x.id === n.candidateId);
    if (c?.name !== COURIER.realName) throw new Error(`the candidates are ${JSON.stringify(listed.items)}`);
  });

  const back = await j.step('the organiser goes back to 管理后台', () => goBack(mp, ADMIN_HOME, 2));
  await j.step('the organiser taps 诉求工作台', () => tapCell(back, '#entry-cases'));
  const queue = await j.step('the workbench opens', () => waitForPage(mp, 'packages/cases/pages/admin-cases/index'));
  await j.step(`it lists the demand 「${DEMAND.title}」, 待受理`, async () => {
    await waitForText(queue, `#case-${demand.id}`, DEMAND.title);
    await waitForText(queue, `#case-${demand.id}`, '待受理');
  });
  await j.step('the organiser taps the demand', () => tapOn(queue, `#case-${demand.id}`));
  const page = await j.step("the demand's page opens", () => waitForPage(mp, 'packages/cases/pages/admin-case/index'));
  await j.step('it shows the raiser and what they asked', async () => {
    await waitForText(page, '#raiser-name', COURIER.realName);
    await waitForText(page, '#raiser-phone', COURIER.phone);
    await waitForText(page, '.body-text', '微波炉');
  });
  await j.step('the organiser taps 答复', () => tapButton(page, '#action-answer'));
  const sheet = await j.step('the answer sheet opens', async () => {
    await waitForTextIn(page, '#action-sheet', '.sheet-title', '答复提出人');
    return need(page, '#action-sheet');
  });
  await j.step('the organiser types the answer', () => typeInto(sheet, '#sheet-text', ANSWER));
  await j.step('the organiser taps 确定', async () => tapButton(await need(sheet, '#sheet-actions'), '#save'));
  await j.step('the demand shows 已答复 with the answer', async () => {
    await waitForText(page, '#answer', ANSWER);
    await waitForText(page, '#state', '已答复');
    await until('no more actions offered', () => page.$('#action-none'));
  });
  await j.step(`${COURIER.realName} finds their demand answered`, async () => {
    const c = await myCase(world.call, demand.id);
    if (c.state !== 'answered' || c.answer?.text !== ANSWER) throw new Error(`the demand reads ${JSON.stringify(c)}`);
  });
  await j.finish();
}, 240_000);
