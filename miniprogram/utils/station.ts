// What the home page (main package) and the station subpackage show of a station —
// its open state, its distance and its hours in words — and the two things a rider
// does with one: navigate there and call it. Records over the contract's unions: a
// new open state breaks the build until it has a label.
import type { OpeningHours, OpeningPeriod, OpenState } from '../../typings/station';
import type { TagTheme } from '../config/labels';

export const OPEN_STATE_LABELS: Record<OpenState, string> = {
  open: '营业中',
  door: '扫码可进',
  closed: '已休息',
};

export const OPEN_STATE_THEMES: Record<OpenState, TagTheme> = {
  open: 'success',
  door: 'warning',
  closed: 'default',
};

/** 320 → "320 米", 1234 → "1.2 公里", 2000 → "2 公里", 12 345 → "12 公里"; null (no position) → "". */
export function formatDistance(metres: number | null): string {
  if (metres === null || !Number.isFinite(metres)) return '';
  const m = Math.max(0, Math.round(metres));
  if (m < 1000) return `${m} 米`;
  const km = m / 1000;
  return `${km < 10 ? km.toFixed(1).replace(/\.0$/, '') : Math.round(km)} 公里`;
}

/** "08:00–22:00"; a period ending at or before its start runs past midnight: "22:00–次日06:00". */
export function periodText(p: OpeningPeriod): string {
  return p.to <= p.from ? `${p.from}–次日${p.to}` : `${p.from}–${p.to}`;
}

/** "全天开放", or the periods ("08:00–22:00、…") and "，夜间扫码进入" when the door opens by code. */
export function hoursText(h: OpeningHours): string {
  if (h.allDay) return '全天开放';
  const periods = h.periods.map(periodText).join('、');
  return h.nightAccess ? `${periods}，夜间扫码进入` : periods;
}

/** What navigation needs of a station. */
export interface Navigable {
  name: string;
  address: string;
  location: { lat: number; lng: number };
}

/** WeChat's map with the station marked, from where the rider picks a navigation app (gcj02; no authorisation needed). */
export function navigateToStation(s: Navigable): void {
  wx.openLocation({
    latitude: s.location.lat,
    longitude: s.location.lng,
    name: s.name,
    address: s.address,
    scale: 16,
    fail: () => wx.showToast({ title: '无法打开地图，请稍后再试', icon: 'none' }),
  });
}

/** Calls a station or its manager; cancelling the system sheet says nothing. */
export function callPhone(phone: string): void {
  if (!phone) return;
  wx.makePhoneCall({ phoneNumber: phone, fail: () => undefined });
}
