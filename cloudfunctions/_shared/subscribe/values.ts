// Subscribe-message values made to fit WeChat's keyword rules before sending (a
// value that breaks them fails the whole message with 47003). The keyword's type
// is its name without digits: thing1 → thing.
//   thing ≤ 20 characters · phrase ≤ 5 Chinese characters · character_string ≤ 32
//   printable ASCII · name ≤ 10 Chinese or ≤ 20 other characters · time / date
//   "2026年11月28日 09:00" (Beijing time) · number digits only.
import { BEIJING, dayjs } from '../clock';

const chars = (s: string) => Array.from(s);

/** At most `max` characters, the last one an ellipsis when cut. */
export function cut(text: string, max: number): string {
  const c = chars(text);
  return c.length <= max ? text : `${c.slice(0, max - 1).join('')}…`;
}

/** The keyword type of a template keyword ("thing1" → "thing"). */
export const keywordType = (keyword: string) => keyword.replace(/\d+$/, '');

/** A text value for a keyword, cut and filtered to its rules; never empty. */
export function fitText(keyword: string, text: string): string {
  const value = text.replace(/\s+/g, ' ').trim();
  switch (keywordType(keyword)) {
    case 'thing':
      return cut(value || '详见小程序', 20);
    case 'phrase': {
      const han = chars(value)
        .filter((c) => /\p{Script=Han}/u.test(c))
        .slice(0, 5)
        .join('');
      return han || '通知';
    }
    case 'name': {
      const isHan = /^\p{Script=Han}+$/u.test(value);
      return value
        ? chars(value)
            .slice(0, isHan ? 10 : 20)
            .join('')
        : '用户';
    }
    case 'character_string': {
      const ascii = value.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
      return ascii || '-';
    }
    case 'number':
      return /^[+-]?\d+(\.\d+)?$/.test(value) ? value.slice(0, 32) : '0';
    default:
      return cut(value || '-', 20);
  }
}

/** An instant in Beijing time, "2026年11月28日 09:00" (time and date keywords take it as is). */
export function fitTime(keyword: string, at: Date): string {
  const text = dayjs(at).tz(BEIJING).format('YYYY年M月D日 HH:mm');
  return ['time', 'date'].includes(keywordType(keyword)) ? text : fitText(keyword, text);
}
