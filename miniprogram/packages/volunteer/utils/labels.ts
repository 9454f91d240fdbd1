// 先锋骑士 labels and small display rules for the volunteer team's worker and
// organiser pages: membership states, service types, activity phases, sign-up
// states, hours in words, star levels, claims. Records over the contract's unions:
// a new member breaks the build until it has a label. (The shop's labels are
// utils/shop-labels.ts.)
import type { MySignUp, SignUpState } from '../../../../typings/signup';
import type {
  ClaimKind,
  ClaimState,
  HoursSource,
  ServiceReportType,
  StarLevel,
  VolunteerActivityPhase,
  VolunteerMemberStatus,
  VolunteerServiceType,
} from '../../../../typings/volunteer-team';
import type { TagTheme } from '../../../config/labels';
import { ROUTES } from '../../../config/routes';
import { formatDate, formatDateTime } from '../../../utils/format';

export const MEMBER_LABELS: Record<VolunteerMemberStatus, string> = {
  pending: '审核中',
  approved: '正式队员',
  rejected: '未通过',
  suspended: '已暂停',
};

export const MEMBER_THEMES: Record<VolunteerMemberStatus, TagTheme> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  suspended: 'default',
};

/** The organisers' filter: pending first, the order a review works through. */
export const MEMBER_STATUSES: VolunteerMemberStatus[] = ['pending', 'approved', 'rejected', 'suspended'];

export const SERVICE_LABELS: Record<VolunteerServiceType, string> = {
  traffic: '交通劝导',
  community: '社区服务',
  emergency: '应急救援',
  care: '关爱帮扶',
  publicity: '宣传宣讲',
  grid_patrol: '网格巡查',
  other: '其他',
};

export const SERVICE_TYPES = Object.keys(SERVICE_LABELS) as VolunteerServiceType[];

export const REPORT_LABELS: Record<ServiceReportType, string> = {
  grid_duty: '网格员值守',
  road_help: '路遇帮扶',
  snapshot_followup: '随手拍跟进',
  other: '其他服务',
};

export const REPORT_TYPES = Object.keys(REPORT_LABELS) as ServiceReportType[];

export const PHASE_LABELS: Record<VolunteerActivityPhase, string> = {
  upcoming: '即将开始',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};

export const PHASE_THEMES: Record<VolunteerActivityPhase, TagTheme> = {
  upcoming: 'primary',
  ongoing: 'success',
  ended: 'default',
  cancelled: 'warning',
};

export const PHASES = Object.keys(PHASE_LABELS) as VolunteerActivityPhase[];

export const SIGNUP_LABELS: Record<SignUpState, string> = {
  confirmed: '已报名',
  waitlisted: '候补',
  attended: '已签到',
  no_show: '缺席',
  cancelled: '已取消',
};

export const SIGNUP_THEMES: Record<SignUpState, TagTheme> = {
  confirmed: 'primary',
  waitlisted: 'warning',
  attended: 'success',
  no_show: 'danger',
  cancelled: 'default',
};

/** "已报名", "候补第 2 位", "已签到", "已签退", "缺席", "已取消" / "活动已取消". */
export function signUpText(s: Pick<MySignUp, 'state' | 'position' | 'cancelledBy' | 'checkedOutAt'>): string {
  if (s.state === 'waitlisted' && s.position) return `候补第 ${s.position} 位`;
  if (s.state === 'attended' && s.checkedOutAt) return '已签退';
  if (s.state === 'cancelled' && s.cancelledBy === 'event') return '活动已取消';
  return SIGNUP_LABELS[s.state];
}

export const SOURCE_LABELS: Record<HoursSource, string> = {
  scan: '扫码签到签退',
  claim: '补录（漏签退）',
  backfill: '组织补录',
  service: '自主服务',
};

export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  missed_checkout: '漏签退',
  service: '自主服务',
};

export const CLAIM_STATE_LABELS: Record<ClaimState, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

export const CLAIM_STATE_THEMES: Record<ClaimState, TagTheme> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

/** Whole minutes as hours: 105 → "1.75", 120 → "2", 0 → "0". */
export function hoursOf(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** 105 → "1 小时 45 分钟", 120 → "2 小时", 30 → "30 分钟". */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} 分钟`;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

/** "★★★☆☆" with the level's name: 0 → "见习队员". */
export function starText(star: StarLevel): string {
  return star ? `${'★'.repeat(star)}${'☆'.repeat(5 - star)}` : '见习队员';
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "2026-12-04 周五 10:00–12:00" (Beijing), or across days both ends in full. */
export function spanText(startAt: string, endAt: string): string {
  const day = formatDate(startAt);
  if (day !== formatDate(endAt)) return `${formatDateTime(startAt)} 至 ${formatDateTime(endAt)}`;
  const wd = WEEKDAYS[new Date(Date.parse(startAt) + 8 * 3600_000).getUTCDay()];
  return `${day} ${wd} ${formatDateTime(startAt).slice(11)}–${formatDateTime(endAt).slice(11)}`;
}

/** "剩余 3 个名额", "已满 · 候补 2 人", "名额已满". */
export function seatsLeftText(seatsLeft: number, waitlisted: number): string {
  if (seatsLeft > 0) return `剩余 ${seatsLeft} 个名额`;
  return waitlisted > 0 ? `已满 · 候补 ${waitlisted} 人` : '名额已满';
}

/** The page of one record: `<route>?id=<id>`. */
export const pageUrl = (route: string, id: string) => `${route}?id=${encodeURIComponent(id)}`;

export const activityUrl = (id: string) => pageUrl(ROUTES.volActivity, id);

/** This month in Beijing, "YYYY-MM", on the phone's clock. */
export const thisMonth = () => formatDate(new Date(Date.now()).toISOString()).slice(0, 7);
