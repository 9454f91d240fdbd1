import {
  applyReport,
  isComplete,
  mergeIntervals,
  type ProgressState,
  watchedSeconds,
} from '../../cloudfunctions/study/rules/progress';
import { afterCheckIn, currentStreak, NO_CHECKINS, pickIndex } from '../../cloudfunctions/study/rules/daily';

const start: ProgressState = { positionSec: 0, intervals: [], lastReportAtMs: 0 };
const at = (s: number) => s * 1000;

describe('honest progress', () => {
  it('credits playback that keeps pace with real time', () => {
    let s = start;
    for (let t = 10; t <= 100; t += 10) s = applyReport(s, t, at(t), 100);
    expect(watchedSeconds(s.intervals)).toBe(100);
    expect(isComplete(s.intervals, 100)).toBe(true);
  });

  it('posting the end right after opening credits only the seconds that passed', () => {
    const s = applyReport(start, 100, at(1), 100);
    expect(watchedSeconds(s.intervals)).toBe(3); // 1 s elapsed + 2 s jitter
    expect(isComplete(s.intervals, 100)).toBe(false);
  });

  it('a seek ahead credits nothing beyond the time that passed; the position still moves', () => {
    let s = applyReport(start, 10, at(10), 600);
    s = applyReport(s, 500, at(15), 600);
    expect(s.positionSec).toBe(500);
    expect(watchedSeconds(s.intervals)).toBe(17);
  });

  it('a long silence counts as at most one reporting gap', () => {
    const s = applyReport(start, 600, at(3600), 600);
    expect(watchedSeconds(s.intervals)).toBe(32);
  });

  it('re-watching a part never counts twice', () => {
    let s = start;
    for (let t = 10; t <= 50; t += 10) s = applyReport(s, t, at(t), 100);
    s = applyReport(s, 0, at(55), 100); // seek back
    for (let t = 10; t <= 50; t += 10) s = applyReport(s, t, at(55 + t), 100);
    expect(watchedSeconds(s.intervals)).toBe(50);
  });

  it('positions are clamped to the duration', () => {
    expect(applyReport(start, 5000, at(10), 60).positionSec).toBe(60);
  });

  it('merges overlapping and touching intervals', () => {
    expect(
      mergeIntervals([
        [5, 10],
        [0, 5],
        [8, 12],
        [20, 21],
      ]),
    ).toEqual([
      [0, 12],
      [20, 21],
    ]);
  });
});

describe('daily quote rules', () => {
  it('the same day always picks the same index; days spread over the pool', () => {
    expect(pickIndex('2026-11-28', 37)).toBe(pickIndex('2026-11-28', 37));
    const picks = new Set(
      Array.from({ length: 30 }, (_, i) => pickIndex(`2026-12-${String(i + 1).padStart(2, '0')}`, 37)),
    );
    expect(picks.size).toBeGreaterThan(15);
  });

  it('a streak grows on consecutive days, survives until the end of the next day, and restarts after a gap', () => {
    let s = afterCheckIn(NO_CHECKINS, '2026-11-27');
    s = afterCheckIn(s, '2026-11-28');
    expect(s).toEqual({ streak: 2, total: 2, lastDay: '2026-11-28' });
    expect(currentStreak(s, '2026-11-29')).toBe(2);
    expect(currentStreak(s, '2026-11-30')).toBe(0);
    expect(afterCheckIn(s, '2026-12-01')).toEqual({ streak: 1, total: 3, lastDay: '2026-12-01' });
  });
});
