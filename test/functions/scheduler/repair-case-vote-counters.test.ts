// The scheduler's upkeep repairs the dashboard's case and vote counters: a counter
// corrupted, one lost and one no record explains are each moved by their drift to
// what the raw cases and ballots say, and a second run finds nothing to repair.
import { SUPERADMIN } from '../../support/arrange';
import { campaignWithCandidates } from '../../support/campaign-fixtures';
import { type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type InProcess, runUpkeep, startInProcess } from '../../support/in-process';
import { sdkFor } from '../../support/sdk';

let ip: InProcess;
let orgs: OrgFixture;

beforeAll(async () => {
  ip = await startInProcess();
  orgs = await seedOrgs(ip);
});
afterAll(() => ip.stop());

const db = () => sdkFor(ip.emu).database();
const upkeep = (at: number) => runUpkeep(ip, at);
const beijingDay = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
const counter = async (id: string) => {
  const { data } = await db().collection('daily_stats').where({ _id: id }).get();
  return (data[0] as { n: number } | undefined)?.n ?? 0;
};

it('a corrupted case counter, a lost vote counter and an unexplained one are repaired to the records', async () => {
  const now = Date.now();
  const day = beijingDay(now);
  await registerWorker(ip, 'o-repair-rider', orgs.expressBranch.id);
  await ip.as('o-repair-rider').ok('cases', 'submitCase', {
    kind: 'demand',
    category: 'rights',
    title: '平台扣款规则不透明',
    description: '近一个月多次被平台以超时为由扣款，申诉没有回应，希望协调平台公开扣款规则。',
  });
  const { campaign, candidates } = await campaignWithCandidates(ip, SUPERADMIN, orgs, { phase: 'voting', now });
  for (const v of ['o-repair-a', 'o-repair-b', 'o-repair-c'])
    await ip.as(v).ok('campaign', 'vote', { candidateId: candidates[0]!.id });

  const opened = `cases_opened|rights|${orgs.expressBranch.id}|${day}`;
  const votes = `votes|${campaign.id}|${orgs.district.id}|${day}`;
  const unexplained = `cases_closed|rights|${orgs.expressBranch.id}|${day}`;
  expect([await counter(opened), await counter(votes)]).toEqual([1, 3]);
  // What lost or doubled increments would leave.
  await db().collection('daily_stats').doc(opened).update({ n: 6 });
  await db().collection('daily_stats').doc(votes).remove();
  await db()
    .collection('daily_stats')
    .add({
      _id: unexplained,
      metric: 'cases_closed',
      key: 'rights',
      orgId: orgs.expressBranch.id,
      day,
      month: day.slice(0, 7),
      n: 2,
      label: '',
      updatedAt: new Date(now),
    });

  // Repairs are logged (warn), and so is the working-day calendar ending this year (error).
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  const error = jest.spyOn(console, 'error').mockImplementation(() => {});
  const report = await upkeep(now);
  expect(warn).toHaveBeenCalled();
  expect(report.recountStats).toMatchObject({
    repaired: expect.arrayContaining([
      { id: opened, drift: -5 },
      { id: votes, drift: 3 },
      { id: unexplained, drift: -2 },
    ]),
  });
  expect([await counter(opened), await counter(votes), await counter(unexplained)]).toEqual([1, 3, 0]);
  expect(await upkeep(now)).toMatchObject({ recountStats: { repaired: [], unsettled: 0 } });
  warn.mockRestore();
  error.mockRestore();
}, 20_000);
