// Display formatting. Times are shown in Beijing time whatever the phone's zone.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

function beijing(iso: string): Date | null {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + BEIJING_OFFSET_MS);
}

/** 2026-11-05T02:03:00Z → "2026-11-05" */
export function formatDate(iso: string): string {
  const d = beijing(iso);
  return d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : '';
}

/** 2026-11-05T02:03:00Z → "2026-11-05 10:03" */
export function formatDateTime(iso: string): string {
  const d = beijing(iso);
  return d ? `${formatDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** 2026-12-08T15:59:59Z → "12月8日" (a rider reads a deadline at a glance) */
export function formatMonthDay(iso: string): string {
  const d = beijing(iso);
  return d ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : '';
}

/** A time picked in Beijing time, "2026-11-05 10:03", as the instant "2026-11-05T10:03:00+08:00"; '' if malformed. */
export function beijingInstant(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(local.trim());
  return m ? `${m[1]}T${m[2]}:00+08:00` : '';
}

/** 5 → "+5", -10 → "-10" */
export function formatPoints(amount: number): string {
  return amount > 0 ? `+${amount}` : String(amount);
}
