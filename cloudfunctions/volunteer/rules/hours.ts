// Hours as the team counts them (pure). Credit hours (信用时数) of one attendance
// are the time between the scanned check-in and check-out that lies inside the
// activity, min(out, end) − max(in, start), capped at the planned duration and
// earned only when it reaches 60 % of it. Star levels count credit and honor
// hours together: both are service the org recorded (民政部令第67号 counts every
// recorded hour), and honor hours are granted only by organisers, with a reason,
// capped and audited.
import type { HoursSummary, StarLevel } from '../../../typings/volunteer-team';

const MINUTE = 60_000;

/** Share of the planned duration an attendance must serve to earn credit: 3/5 = 60 %. */
const THRESHOLD = { num: 3, den: 5 };

/** In/out pairs a member may start per Beijing day, across activities (i志愿's rule). */
export const MAX_PAIRS_PER_DAY = 3;

/** Hours needed for 1–5 stars. */
export const STAR_HOURS: readonly number[] = [100, 300, 600, 1000, 1500];

export interface Span {
  startAt: Date;
  endAt: Date;
}

/** Whole minutes served inside the activity, capped at the planned duration (never negative). */
export function servedMinutes(checkIn: Date, checkOut: Date, activity: Span, plannedMinutes: number): number {
  const from = Math.max(checkIn.getTime(), activity.startAt.getTime());
  const to = Math.min(checkOut.getTime(), activity.endAt.getTime());
  const served = Math.floor(Math.max(0, to - from) / MINUTE);
  return Math.min(served, plannedMinutes);
}

/** Whether the minutes served earn credit: at least 60 % of the planned duration. */
export function earnsCredit(served: number, plannedMinutes: number): boolean {
  return served > 0 && served * THRESHOLD.den >= plannedMinutes * THRESHOLD.num;
}

export function starOf(totalMinutes: number): StarLevel {
  return STAR_HOURS.filter((h) => totalMinutes >= h * 60).length as StarLevel;
}

export function summaryOf(creditMinutes: number, honorMinutes: number): HoursSummary {
  const totalMinutes = creditMinutes + honorMinutes;
  const star = starOf(totalMinutes);
  const next = STAR_HOURS[star];
  return {
    creditMinutes,
    honorMinutes,
    totalMinutes,
    star,
    nextStar:
      next === undefined
        ? null
        : { star: (star + 1) as StarLevel, hoursLeft: Math.ceil((next * 60 - totalMinutes) / 60) },
  };
}

/** Points for minutes of service at a rate per hour (whole points, rounded down). */
export function pointsFor(minutes: number, perHour: number): number {
  return Math.floor((minutes * perHour) / 60);
}

/** Whole minutes of a span. */
export const minutesOf = (s: Span) => Math.floor((s.endAt.getTime() - s.startAt.getTime()) / MINUTE);
