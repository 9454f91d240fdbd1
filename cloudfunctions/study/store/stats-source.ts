// The study records as the dashboard's counters (for the recount): check-ins, study
// days and completed lectures in a window of days, through the same pure
// contributions the actions record.
import { beijingDayStart } from '../../_shared/clock';
import type { Contribution, StatsSource } from '../../_shared/stats/contributions';
import { addDays } from '../../_shared/stats/period';
import { checkinContributions, completionContributions, studyDayContributions } from '../rules/stats';
import { forEachCheckin } from './checkins';
import { seriesOfLectures } from './lectures';
import { forEachCompletion } from './progress';
import { forEachStudyDay } from './study-days';

export const studyStatsSource: StatsSource = {
  name: 'study',
  metrics: ['checkins', 'learners', 'completions'],
  async contributions(from, to) {
    const out: Contribution[] = [];
    const completions = async () => {
      await forEachCompletion(beijingDayStart(from), beijingDayStart(addDays(to, 1)), async (docs) => {
        const series = await seriesOfLectures(docs.map((p) => p.lectureId));
        for (const p of docs) out.push(...completionContributions(p, series.get(p.lectureId) ?? ''));
      });
    };
    await Promise.all([
      forEachCheckin(from, to, (docs) => docs.forEach((c) => out.push(...checkinContributions(c)))),
      forEachStudyDay(from, to, (docs) => docs.forEach((d) => out.push(...studyDayContributions(d)))),
      completions(),
    ]);
    return out;
  },
};
