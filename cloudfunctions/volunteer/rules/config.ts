// The volunteer function's configuration, from its environment.
//
// VOLUNTEER_POINTS_PER_HOUR — points credited per hour of service (credit and
//   honor alike), through the ledger with reason volunteer_hours. A whole number
//   0–1000; default 10 (1 h 45 min → 17 points). 0 credits none.
type Env = Record<string, string | undefined>;

export const DEFAULT_POINTS_PER_HOUR = 10;
const MAX_POINTS_PER_HOUR = 1000;

export function pointsPerHour(env: Env = process.env): number {
  const raw = env.VOLUNTEER_POINTS_PER_HOUR?.trim();
  if (!raw) return DEFAULT_POINTS_PER_HOUR;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 0 && n <= MAX_POINTS_PER_HOUR) return n;
  console.error(JSON.stringify({ message: `VOLUNTEER_POINTS_PER_HOUR=${raw} is not 0–1000; using the default` }));
  return DEFAULT_POINTS_PER_HOUR;
}
