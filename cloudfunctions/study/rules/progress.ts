// Honest study progress. The client reports where the player is; the server
// credits only what real time allows: between two reports at most the elapsed
// server time (plus a little jitter) counts, and a long silence counts as at most
// one reporting gap. Seeking ahead or posting 100% at once credits nothing it did
// not watch. What was watched is kept as merged position intervals, so re-watching
// a part never counts twice. (Articles report seconds of reading the same way.)

export type Interval = [number, number];

/** The client should report at least this often while playing. */
export const REPORT_EVERY_SEC = 15;
/** Longest gap that still counts as continuous watching. */
export const MAX_GAP_SEC = REPORT_EVERY_SEC * 2;
/** Timer and network jitter allowed per report. */
export const JITTER_SEC = 2;
export const COMPLETE_RATIO = 0.9;

export interface ProgressState {
  positionSec: number;
  intervals: Interval[];
  /** Server time of the last report (or of opening the lecture), ms. */
  lastReportAtMs: number;
}

export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = list.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export const watchedSeconds = (intervals: Interval[]) => intervals.reduce((s, [a, b]) => s + (b - a), 0);

export function applyReport(
  state: ProgressState,
  positionSec: number,
  nowMs: number,
  durationSec: number,
): ProgressState {
  const position = Math.min(Math.max(0, positionSec), durationSec);
  const elapsed = Math.min(Math.max(0, (nowMs - state.lastReportAtMs) / 1000), MAX_GAP_SEC);
  const advanced = position - state.positionSec;
  let intervals = state.intervals;
  if (advanced > 0) {
    const creditedEnd = state.positionSec + Math.min(advanced, elapsed + JITTER_SEC);
    intervals = mergeIntervals([...intervals, [state.positionSec, Math.min(creditedEnd, durationSec)]]);
  }
  return { positionSec: position, intervals, lastReportAtMs: nowMs };
}

export function progressPercent(intervals: Interval[], durationSec: number): number {
  if (durationSec <= 0) return 0;
  return Math.min(100, Math.floor((watchedSeconds(intervals) / durationSec) * 100));
}

export function isComplete(intervals: Interval[], durationSec: number): boolean {
  return durationSec > 0 && watchedSeconds(intervals) >= durationSec * COMPLETE_RATIO;
}
