// A voter votes to the daily limit (3 a day, at most 1 per candidate): a second
// vote for the same candidate is refused with the server's words, the last vote
// (cast on the candidate's page) closes voting on the list too, and the counts
// the organiser reads are exactly the votes cast.
import type { Candidate } from '../../typings/campaign';
import { seedOrgsWith } from '../support/arrange';
import { countsSeenBy, VOTES_PER_DAY, votingCampaign } from './support/campaign';
import { openJourney, type Journey } from './support/journey';
import { goBack, start } from './support/nav';
import { need, tapButton, until, waitForPage, waitForText } from './support/steps';
import { tapOn, waitForTextIn } from './support/screen';

const CAMPAIGN_PAGE = 'packages/campaign/pages/campaign/index';
const CANDIDATE_PAGE = 'packages/campaign/pages/candidate/index';

let j: Journey;
beforeAll(async () => {
  j = await openJourney('voter-daily-limit');
}, 120_000);
afterAll(() => j?.close());

test('a voter votes to the daily limit and the next vote is refused', async () => {
  const { mp, world, superadmin } = j;
  const orgs = await j.step('the district exists', () => seedOrgsWith(world.call));
  const { campaign, candidates } = await j.step('an organiser runs a campaign in voting with four candidates', () =>
    votingCampaign(world.call, superadmin, orgs.district.id, 4),
  );
  const [first, second, third, fourth] = candidates as [Candidate, Candidate, Candidate, Candidate];
  /** What a candidate's row on the list says of its votes. */
  const rowVotes = (c: Candidate, text: string) => waitForTextIn(page, `#candidate-${c.id}`, '.candidate-votes', text);

  const home = await j.step('the rider opens the home page', () => start(mp, '/pages/home/index'));
  await j.step('the rider taps 最美新就业群体', () => tapOn(home, '#feature-campaign'));
  const list = await j.step('the campaign list opens', () => waitForPage(mp, 'packages/campaign/pages/index/index'));
  await j.step('the rider taps the campaign', async () =>
    (await until('the campaign row', () => list.$(`#campaign-${campaign.id}`))).tap(),
  );
  let page = await j.step('the campaign page opens', () => waitForPage(mp, CAMPAIGN_PAGE));
  await j.step(`it offers ${VOTES_PER_DAY} votes today and lists the four candidates with 0 票`, async () => {
    await waitForText(page, '#vote-state', `今日还可投 ${VOTES_PER_DAY} 票`);
    for (const c of candidates) await rowVotes(c, '0 票');
  });

  await j.step(`the rider votes for ${first.name}`, () => tapButton(page, `#vote-${first.id}`));
  await j.step('the row counts 1 票 and 2 votes are left', async () => {
    await rowVotes(first, '1 票');
    await waitForText(page, '#vote-state', '今日还可投 2 票');
  });
  await j.step(`the rider votes for ${second.name}`, () => tapButton(page, `#vote-${second.id}`));
  await j.step('the row counts 1 票 and 1 vote is left', async () => {
    await rowVotes(second, '1 票');
    await waitForText(page, '#vote-state', '今日还可投 1 票');
  });

  await j.step(`the rider opens ${first.name}'s page`, () => tapOn(page, `#candidate-${first.id}`, '.candidate-main'));
  let candidate = await j.step("the candidate's page opens", () => waitForPage(mp, CANDIDATE_PAGE));
  await j.step('it says the rider voted for them today, and 1 vote is left', async () => {
    await waitForText(candidate, '#name', first.name);
    await waitForText(candidate, '#my-votes', '今天已为 TA 投 1 票');
    await waitForText(candidate, '#vote', '今日还可投 1 票');
  });
  await j.step('the rider taps 投票 again for the same candidate', () => tapButton(candidate, '#vote'));
  await j.step('the vote is refused: 今天最多为同一位候选人投 1 票, and the count stays 1 票', async () => {
    await waitForText(candidate, '#vote-message', '今天最多为同一位候选人投 1 票');
    await waitForText(candidate, '#votes', '1 票');
  });

  page = await j.step('the rider goes back to the campaign', () => goBack(mp, CAMPAIGN_PAGE));
  await j.step(`the rider opens ${third.name}'s page`, () => tapOn(page, `#candidate-${third.id}`, '.candidate-main'));
  candidate = await j.step("the candidate's page opens", () => waitForPage(mp, CANDIDATE_PAGE));
  await j.step('the rider casts the last vote of the day there', async () => {
    await waitForText(candidate, '#name', third.name);
    await tapButton(candidate, '#vote');
  });
  await j.step('the count is 1 票 and the page says the votes are used up', async () => {
    await waitForText(candidate, '#votes', '1 票');
    await waitForText(candidate, '#cannot-vote', '今天的票已经投完了，明天再来吧');
    if ((await candidate.data('canVote')) !== false) throw new Error('the 投票 button is still offered');
  });

  page = await j.step('the rider goes back to the campaign', () => goBack(mp, CAMPAIGN_PAGE));
  await j.step('the list shows the third vote and no votes left: 今天的票已经投完了，明天再来吧', async () => {
    await rowVotes(third, '1 票');
    await waitForText(page, '#vote-state', '今天的票已经投完了，明天再来吧');
  });
  await j.step(`the next vote, for ${fourth.name}, is refused: its 投票 button is disabled`, async () => {
    const button = await need(await need(page, `#vote-${fourth.id}`), '.t-button');
    if (!(await button.attribute('class')).includes('t-button--disabled'))
      throw new Error('the 投票 button is enabled');
    await button.tap();
    await rowVotes(fourth, '0 票');
  });

  await j.step('the organiser reads exactly the votes cast: 1, 1, 1 and 0', async () => {
    const counts = await countsSeenBy(world.call, superadmin, campaign);
    const got = [first, second, third, fourth].map((c) => counts.get(c.id));
    if (got.join() !== '1,1,1,0') throw new Error(`the organiser reads ${got.join(', ')}`);
  });
  await j.finish();
}, 240_000);
