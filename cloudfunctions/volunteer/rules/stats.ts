// What an hours record adds to the dashboard's daily counters (pure): its minutes as
// `volunteer_minutes`, keyed by its kind (credit from scans, honor from claims,
// self-reports and backfills), on the Beijing day the service started, under the
// MEMBER's own org — where the leaderboards and the hours export count a member's
// hours, not the org that recorded them (a member keeps their org once they have
// hours: only a rejected application is re-filed). The record's org stands in for a
// member record that is missing.
import { beijingDay } from '../../_shared/clock';
import type { Contribution } from '../../_shared/stats/contributions';
import type { HoursDoc } from '../store/hours';

export type CountedHours = Pick<HoursDoc, 'kind' | 'minutes' | 'startAt' | 'orgId'>;

export function hoursContributions(h: CountedHours, memberOrgId: string | undefined): Contribution[] {
  return [
    {
      metric: 'volunteer_minutes',
      key: h.kind,
      orgId: memberOrgId ?? h.orgId,
      day: beijingDay(h.startAt),
      n: h.minutes,
    },
  ];
}
