// A rider raises a demand (我要反映) from 我的诉求, finds it in the list waiting to
// be accepted, and — once an organiser of the district has answered it — opens it,
// reads the answer and confirms it solved with a rating the organiser then sees.
import { answerCase, caseAsOrganiser } from './support/cases';
import { openJourney, type Journey } from './support/journey';
import { acceptsNotices, restorePhone } from './support/phone';
import { arrangeRider, openMe } from './support/rider';
import { tapOn, waitForTextIn } from './support/screen';
import { need, tapButton, tapCell, typeInto, waitForData, waitForPage, waitForText } from './support/steps';

let j: Journey;
beforeAll(async () => {
  j = await openJourney('demand-answered');
}, 120_000);
afterAll(() => j?.close());

const MINE = 'packages/cases/pages/mine/index';
const DETAIL = 'packages/cases/pages/detail/index';
const TITLE = '驿站夜间充电桩不够用';
const ANSWER = '城东驿站已增加两个夜间充电桩，22:00 后扫码即可使用。';

test('a rider raises a demand, sees it in 我的诉求, and reads and rates the answer', async () => {
  const { mp, world } = j;
  const { organiser } = await j.step('an organiser runs the district and the rider is registered', () =>
    arrangeRider(j),
  );

  const me = await openMe(j);
  await j.step('the rider taps 我的诉求', () => tapCell(me, '#my-cases'));
  const empty = await j.step('我的诉求 opens with nothing raised yet', async () => {
    const page = await waitForPage(mp, MINE);
    await waitForData(page, 'list.status', (s) => s === 'empty', 'an empty list');
    return page;
  });
  await j.step('the rider taps 我要反映', () => tapButton(empty, '#demand'));
  const form = await j.step('the demand form opens, to be handled by their branch', async () => {
    const page = await waitForPage(mp, 'packages/cases/pages/demand/index');
    await waitForText(page, '.intro', '快递流动党支部会受理、办理并答复');
    return page;
  });

  await j.step('the rider picks the category 工作条件 and sees what it covers', async () => {
    await tapOn(form, '#categories', '#category-conditions');
    await waitForText(form, '#category-hint', '休息、充电、如厕、停车、进小区');
  });
  await j.step('the rider writes a title and what happened', async () => {
    await typeInto(form, '#title', TITLE);
    await typeInto(form, '#description', '城东驿站晚上十点后只有两个充电桩能用，排队要一个小时，希望增加充电桩。');
  });
  await j.step('the rider taps 提交诉求, accepting the answered notice', async () => {
    await acceptsNotices(mp);
    await tapButton(form, '#submit');
  });
  const submitted = await j.step('the demand opens with 已提交 on top, waiting to be accepted (待受理)', async () => {
    const page = await waitForPage(mp, DETAIL);
    await waitForText(page, '#submitted', '已提交');
    await waitForText(page, '#submitted', '快递流动党支部会受理');
    await waitForTextIn(page, '#state', '.t-tag', '待受理');
    return page;
  });
  const caseId = (await submitted.data('view.id')) as string;

  await j.step('the rider taps 我的诉求', () => tapButton(submitted, '#mine'));
  const mine = await j.step('the list shows the demand, 待受理', async () => {
    const page = await waitForPage(mp, MINE);
    await waitForText(page, `#case-${caseId}`, TITLE);
    await waitForText(page, `#case-${caseId}`, '待受理');
    return page;
  });

  await j.step('the organiser answers the demand', () => answerCase(world.call, organiser, caseId, ANSWER));
  await j.step('the rider pulls down 我的诉求 and sees it 已答复', async () => {
    await mine.callMethod('onPullDownRefresh');
    await waitForText(mine, `#case-${caseId}`, '已答复');
  });
  await j.step('the rider taps the demand', () => tapOn(mine, `#case-${caseId}`));
  const detail = await j.step('the demand shows the answer and asks whether it is solved', async () => {
    const page = await waitForPage(mp, DETAIL);
    await waitForText(page, '#answer', ANSWER);
    await waitForTextIn(page, '#state', '.t-tag', '已答复');
    await waitForTextIn(page, '#answer-actions', '.section-title', '问题解决了吗？');
    return page;
  });

  await j.step('the rider rates it 满意, adds a comment and taps 确认解决', async () => {
    const actions = await need(detail, '#answer-actions');
    await tapOn(actions, '#ratings', '#rating-satisfied');
    await typeInto(actions, '#comment', '晚上能充上电了');
    await tapButton(actions, '#confirm');
  });
  await j.step('the demand is 已办结 with the rating shown (我的评价：满意)', async () => {
    await waitForTextIn(detail, '#state', '.t-tag', '已办结');
    await waitForText(detail, '#rating', '我的评价：满意');
  });
  await j.step("the organiser's workbench shows the case closed with the rider's rating", async () => {
    expect(await caseAsOrganiser(world.call, organiser, caseId)).toMatchObject({
      state: 'closed',
      rating: 'satisfied',
      answer: expect.objectContaining({ text: ANSWER }),
    });
  });

  await restorePhone(mp, 'requestSubscribeMessage');
  await j.finish();
}, 240_000);
