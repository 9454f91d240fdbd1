// Every feature's records as the dashboard's counters: the recount compares each
// source's metrics with its records. A feature adds its source here (one import, one entry).
import type { StatsSource } from '../../_shared/stats/contributions';
import { studyStatsSource } from '../../study/store/stats-source';
import { memberStatsSource } from '../../user/store/stats-source';

export const STATS_SOURCES: StatsSource[] = [studyStatsSource, memberStatsSource];
