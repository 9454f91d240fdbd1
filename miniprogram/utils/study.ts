// What the home page (main package) shows of study: the check-in button's words
// and the link to a day's quote poster. Everything else of study is in the study
// subpackage (packages/study/utils/labels.ts).
import type { CheckInStatus } from '../../typings/study';
import { ROUTES } from '../config/routes';

/** The check-in button's label and the line under it. */
export function checkInLabels(status: CheckInStatus | null): { button: string; summary: string } {
  if (!status) return { button: '打卡', summary: '登录后记录连续打卡天数' };
  const total = `累计 ${status.totalDays} 天`;
  if (status.checkedInToday) return { button: `今日已打卡 · 连续 ${status.streak} 天`, summary: total };
  return { button: '打卡', summary: status.streak ? `已连续 ${status.streak} 天 · ${total}` : total };
}

/** The share poster of a day's quote. */
export function quotePosterUrl(day: string, quote: { text: string; source: string }): string {
  const q = [`day=${day}`, `text=${encodeURIComponent(quote.text)}`, `source=${encodeURIComponent(quote.source)}`];
  return `${ROUTES.quotePoster}?${q.join('&')}`;
}
