// Checks a subscribe message's `data` the way WeChat does: each value is
// { value: string }, and the keyword type (the name without its digits:
// thing1 → thing) limits length and characters. Messages that pass locally but
// break these rules would be refused in production with the same 47003.

type Rule = (value: string) => boolean;

const length = (s: string) => Array.from(s).length;
const HAN = /^\p{Script=Han}+$/u;

// time: a 24-hour time, optionally after a date ("15:01", "2019年10月1日 15:01");
// date: a date, optionally with a time ("2019年10月1日", "2019年10月1日 15:01"). Either
// may be a range, two points joined by "~". Dates as 年月日, 2019-10-01 or 2019/10/01.
const DATE = String.raw`(\d{4})(?:年(\d{1,2})月(\d{1,2})日|[-/](\d{1,2})[-/](\d{1,2}))`;
const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;
const TIME_POINT = new RegExp(`^(?:${DATE}\\s*)?${CLOCK}$`);
const DATE_POINT = new RegExp(`^${DATE}(?:\\s*${CLOCK})?$`);

/** Whether the numbers a point names exist (month 1–12, day 1–31, 0–23 h, 0–59 min and s). */
function realPoint(m: RegExpExecArray | null, clockAt: number): boolean {
  if (!m) return false;
  const month = Number(m[2] ?? m[4] ?? 1);
  const day = Number(m[3] ?? m[5] ?? 1);
  const [h, min, sec] = [m[clockAt], m[clockAt + 1], m[clockAt + 2]];
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (h !== undefined && (Number(h) > 23 || Number(min) > 59 || Number(sec ?? 0) > 59)) return false;
  return true;
}

const range =
  (point: (s: string) => boolean): Rule =>
  (v) => {
    const parts = v.split('~').map((p) => p.trim());
    return parts.length <= 2 && parts.every(point);
  };

/** From WeChat's subscribe-message keyword table; formats without a firm rule are not checked. */
const RULES: Record<string, Rule> = {
  thing: (v) => length(v) <= 20,
  number: (v) => length(v) <= 32 && /^[+-]?\d+(\.\d+)?$/.test(v),
  letter: (v) => length(v) <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => length(v) <= 5,
  character_string: (v) => length(v) <= 32 && /^[\x21-\x7e]+$/.test(v),
  phone_number: (v) => length(v) <= 17 && /^[\d+\-() ]+$/.test(v),
  car_number: (v) => length(v) <= 8,
  name: (v) => (HAN.test(v) ? length(v) <= 10 : length(v) <= 20),
  phrase: (v) => length(v) <= 5 && HAN.test(v),
  time: range((p) => realPoint(TIME_POINT.exec(p), 6)),
  date: range((p) => realPoint(DATE_POINT.exec(p), 6)),
  amount: (v) => /^[¥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
};

/** WeChat's errmsg for the first bad entry, or null when `data` is acceptable. */
export function subscribeDataProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) {
    return 'argument invalid! data invalid';
  }
  for (const [key, entry] of Object.entries(data)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' || value === '') return `argument invalid! data.${key}.value invalid`;
    const rule = RULES[key.replace(/\d+$/, '')];
    if (rule && !rule(value)) return `argument invalid! data.${key}.value invalid`;
  }
  return null;
}
