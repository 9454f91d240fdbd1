// Checks a subscribe message's `data` the way WeChat does: each value is
// { value: string }, and the keyword type (the name without its digits:
// thing1 → thing) limits length and characters. Messages that pass locally but
// break these rules would be refused in production with the same 47003.

type Rule = (value: string) => boolean;

const length = (s: string) => Array.from(s).length;
const HAN = /^\p{Script=Han}+$/u;

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
