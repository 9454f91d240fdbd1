// What a case and a ballot add to the dashboard's daily counters (pure).
import {
  type CaseCounted,
  caseContributions,
  overdueDay,
} from '../../cloudfunctions/_shared/engines/cases/contributions';
import { netChanges } from '../../cloudfunctions/_shared/stats/contributions';
import { ballotContributions, votesContributions } from '../../cloudfunctions/campaign/rules/stats';

const bj = (s: string) => new Date(`${s}+08:00`);

const base: CaseCounted = {
  category: 'conditions',
  orgId: 'org-a',
  state: 'accepted',
  // 00:30 Beijing on 2 Nov is still 1 Nov in UTC: the day must be Beijing's.
  submittedAt: bj('2026-11-02T00:30:00'),
  dueAt: bj('2026-11-09T23:59:59.999'),
  answeredAt: null,
  closedAt: null,
  rating: null,
  ratedAt: null,
  flags: {},
};
const counters = (c: CaseCounted) => caseContributions(c).map((x) => `${x.metric} ${x.key} ${x.orgId} ${x.day} ${x.n}`);

describe('case contributions', () => {
  it('an open case counts as opened on its Beijing submission day, under its org and category', () => {
    expect(counters(base)).toEqual(['cases_opened conditions org-a 2026-11-02 1']);
  });

  it('closed, rated and satisfied on their days; a rating before ratedAt was recorded counts on the closing day', () => {
    const closed: CaseCounted = {
      ...base,
      state: 'closed',
      answeredAt: bj('2026-11-05T10:00:00'),
      closedAt: bj('2026-11-06T10:00:00'),
      rating: 'basically_satisfied',
      ratedAt: bj('2026-11-08T10:00:00'),
    };
    expect(counters(closed)).toEqual([
      'cases_opened conditions org-a 2026-11-02 1',
      'cases_closed conditions org-a 2026-11-06 1',
      'cases_rated conditions org-a 2026-11-08 1',
      'cases_satisfied conditions org-a 2026-11-08 1',
    ]);
    const legacy = { ...closed, rating: 'unsatisfied' as const, ratedAt: undefined as unknown as null };
    expect(counters(legacy).slice(2)).toEqual(['cases_rated conditions org-a 2026-11-06 1']);
  });

  it('overdue: answered after the deadline, or open with the flag raised after it — dated by the deadline', () => {
    const lateAnswer: CaseCounted = { ...base, state: 'answered', answeredAt: bj('2026-11-10T09:00:00') };
    expect(overdueDay(lateAnswer)).toBe('2026-11-09');
    expect(overdueDay({ ...lateAnswer, answeredAt: bj('2026-11-09T18:00:00') })).toBeNull();
    const flagged = { ...base, flags: { overdue: { at: bj('2026-11-10T00:10:00') } } };
    expect(overdueDay(flagged)).toBe('2026-11-09');
    // Past due but not flagged yet: the scheduler has not seen it, nothing counted.
    expect(overdueDay(base)).toBeNull();
    // A flag from before a re-assignment moved the deadline on does not count.
    expect(overdueDay({ ...flagged, dueAt: bj('2026-11-20T23:59:59.999') })).toBeNull();
    expect(overdueDay({ ...flagged, state: 'rejected' })).toBeNull();
  });

  it('a rejected case (invalid or a duplicate) counts nothing', () => {
    expect(caseContributions({ ...base, state: 'rejected' })).toEqual([]);
  });

  it('a transfer moves every count of the case to the new org', () => {
    const before: CaseCounted = { ...base, state: 'answered', answeredAt: bj('2026-11-10T09:00:00') };
    const moved = netChanges(caseContributions(before), caseContributions({ ...before, orgId: 'org-b' }));
    expect(moved.map((c) => `${c.metric} ${c.orgId} ${c.n}`).sort()).toEqual([
      'cases_opened org-a -1',
      'cases_opened org-b 1',
      'cases_overdue org-a -1',
      'cases_overdue org-b 1',
    ]);
  });
});

describe('vote contributions', () => {
  const campaign = { _id: 'camp-1', orgId: 'org-a', title: '最美新就业群体' };
  const at = new Date();

  it('a ballot counts its valid votes on its day under the campaign, labelled with the title', () => {
    const log = [
      { candidateId: 'x', at, ip: '' },
      { candidateId: 'y', at, ip: '', voided: true },
      { candidateId: 'x', at, ip: '' },
    ];
    expect(ballotContributions({ day: '2026-11-02', log }, campaign)).toEqual([
      { metric: 'votes', key: 'camp-1', orgId: 'org-a', day: '2026-11-02', n: 2, label: '最美新就业群体' },
    ]);
    expect(ballotContributions({ day: '2026-11-02', log: [log[1]!] }, campaign)).toEqual([]);
  });

  it('voiding lowers the day by the voided votes; the one vote just cast adds one', () => {
    const log = [
      { candidateId: 'x', at, ip: '' },
      { candidateId: 'y', at, ip: '' },
    ];
    const voided = log.map((e) => ({ ...e, voided: true }));
    const change = netChanges(
      ballotContributions({ day: '2026-11-02', log }, campaign),
      ballotContributions({ day: '2026-11-02', log: voided }, campaign),
    );
    expect(change.map((c) => c.n)).toEqual([-2]);
    expect(votesContributions(campaign, '2026-11-03', 1)[0]).toMatchObject({ day: '2026-11-03', n: 1 });
  });
});
