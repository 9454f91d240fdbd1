// Every feature's records as the dashboard's counters: the recount compares each
// source's metrics with its records. A feature adds its source here (one import, one entry).
import { caseStatsSource } from '../../_shared/engines/cases';
import type { StatsSource } from '../../_shared/stats/contributions';
import { signUpStatsSource } from '../../_shared/stores/signup-stats';
import { voteStatsSource } from '../../campaign/store/vote-stats';
import { studyStatsSource } from '../../study/store/stats-source';
import { memberStatsSource } from '../../user/store/stats-source';
import { volunteerHoursStatsSource } from '../../volunteer/store/hours-stats';

export const STATS_SOURCES: StatsSource[] = [
  studyStatsSource,
  memberStatsSource,
  caseStatsSource,
  voteStatsSource,
  signUpStatsSource,
  volunteerHoursStatsSource,
];
