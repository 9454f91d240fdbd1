// What an hours record adds to the dashboard's counters.
import { hoursContributions } from '../../cloudfunctions/volunteer/rules/stats';

const record = {
  kind: 'honor' as const,
  minutes: 95,
  // 00:15 in Beijing on 1 January 2027: still 31 December in UTC.
  startAt: new Date('2026-12-31T16:15:00Z'),
  orgId: 'org-recorded-it',
};

describe('hoursContributions', () => {
  it('is its minutes by kind, on the Beijing day the service started, under the member’s org', () => {
    expect(hoursContributions(record, 'org-member')).toEqual([
      { metric: 'volunteer_minutes', key: 'honor', orgId: 'org-member', day: '2027-01-01', n: 95 },
    ]);
    expect(hoursContributions({ ...record, kind: 'credit' }, 'org-member')[0]).toMatchObject({ key: 'credit' });
  });

  it('falls back to the record’s org when the member record is missing', () => {
    expect(hoursContributions(record, undefined)[0]).toMatchObject({ orgId: 'org-recorded-it' });
  });
});
