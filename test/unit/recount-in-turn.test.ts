// The stats recount's turns: each run leads with the next source and starts no
// further source once its time budget is spent, so at scale the sources spread
// over consecutive runs and every one is reached.
import { inTurn } from '../../cloudfunctions/scheduler/tasks/recount-stats';

const SOURCES = ['study', 'members', 'cases', 'votes', 'signups', 'hours'];

/** A run where each item takes `costMs` on a fake clock. */
async function run(lead: number, budgetMs: number, costMs: number) {
  let t = 0;
  return inTurn(
    SOURCES,
    lead,
    budgetMs,
    async () => {
      t += costMs;
    },
    () => t,
  );
}

describe('inTurn', () => {
  it('runs every item, starting at the lead and wrapping around, while the budget lasts', async () => {
    expect(await run(2, 1000, 10)).toEqual(['cases', 'votes', 'signups', 'hours', 'study', 'members']);
    expect(await run(8, 1000, 10)).toEqual(['cases', 'votes', 'signups', 'hours', 'study', 'members']);
  });

  it('starts no further item once the budget has passed, but always runs the first', async () => {
    expect(await run(0, 25, 10)).toEqual(['study', 'members', 'cases']);
    expect(await run(4, 5, 60)).toEqual(['signups']);
  });

  it('reaches every item over consecutive runs when one run cannot do them all', async () => {
    const seen = new Set<string>();
    for (let lead = 0; lead < SOURCES.length; lead++) for (const s of await run(lead, 5, 60)) seen.add(s);
    expect([...seen].sort()).toEqual([...SOURCES].sort());
  });

  it('does nothing with nothing to do', async () => {
    expect(await inTurn([], 3, 10, async () => {})).toEqual([]);
  });
});
