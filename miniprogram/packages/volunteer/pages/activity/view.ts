// What an activity's page shows (pure): the activity, seats, and the rider's own
// part in words — signed up, 扫码签到 / 扫码签退 when open, and afterwards the hours
// it gave: credit, or why none (under 60 % of the planned time; no check-out, so a
// claim waits for review).
import type { VolunteerActivityDetail, VolunteerMemberStatus } from '../../../../../typings/volunteer-team';
import type { TagTheme } from '../../../../config/labels';
import { formatDateTime } from '../../../../utils/format';
import {
  CLAIM_STATE_LABELS,
  durationText,
  hoursOf,
  PHASE_LABELS,
  PHASE_THEMES,
  SERVICE_LABELS,
  seatsLeftText,
  signUpText,
  SIGNUP_THEMES,
  spanText,
} from '../../utils/labels';

export interface ActivityView {
  id: string;
  title: string;
  typeLabel: string;
  phaseLabel: string;
  phaseTheme: TagTheme;
  orgName: string;
  timeText: string;
  plannedText: string;
  deadlineText: string;
  venue: { name: string; address: string; location: { lat: number; lng: number } | null };
  contactText: string;
  contactPhone: string;
  description: string;
  seatsText: string;
  full: boolean;
  /** 已报名, 剩余名额, 候补, 已签到. */
  counts: { key: string; n: number; label: string }[];
  cancelled: boolean;
  cancelReason: string;
}

export type Step = 'none' | 'signed' | 'waitlisted' | 'in' | 'done' | 'cancelled' | 'no_show';

export interface MineView {
  step: Step;
  stateText: string;
  theme: TagTheme;
  /** Holding a seat or a waitlist place: may cancel. */
  active: boolean;
  /** "签到于 … · 签退于 …". */
  timesText: string;
  /** After the activity: "获得信用时数 1.75 小时", or why none. */
  resultText: string;
  resultGood: boolean;
}

export function toView(a: VolunteerActivityDetail): ActivityView {
  const c = a.booking.counts;
  return {
    id: a.id,
    title: a.title,
    typeLabel: SERVICE_LABELS[a.serviceType],
    phaseLabel: PHASE_LABELS[a.phase],
    phaseTheme: PHASE_THEMES[a.phase],
    orgName: a.orgName,
    timeText: spanText(a.startAt, a.endAt),
    plannedText: durationText(a.plannedMinutes),
    deadlineText: formatDateTime(a.deadline),
    venue: a.venue,
    contactText: [a.contact, a.contactPhone].filter(Boolean).join(' '),
    contactPhone: a.contactPhone,
    description: a.description,
    seatsText: seatsLeftText(c.seatsLeft, c.waitlisted),
    full: c.seatsLeft === 0,
    counts: [
      { key: 'taken', n: c.seatsTaken, label: '已报名' },
      { key: 'left', n: c.seatsLeft, label: '剩余名额' },
      { key: 'waitlisted', n: c.waitlisted, label: '候补' },
      { key: 'attended', n: c.attended, label: '已签到' },
    ],
    cancelled: a.status === 'cancelled',
    cancelReason: a.cancelReason ?? '',
  };
}

function resultOf(a: VolunteerActivityDetail): { text: string; good: boolean } {
  if (a.myHours) {
    const kind = a.myHours.kind === 'credit' ? '信用时数' : '荣誉时数';
    return { text: `获得${kind} ${hoursOf(a.myHours.minutes)} 小时`, good: true };
  }
  if (a.myClaim) {
    const state = CLAIM_STATE_LABELS[a.myClaim.state];
    const reason = a.myClaim.reviewReason ? `：${a.myClaim.reviewReason}` : '';
    return { text: `没有扫码签退，已转为补录申请（${state}${reason}）`, good: false };
  }
  if (a.mine?.checkedOutAt)
    return { text: `服务时长不足计划时长（${durationText(a.plannedMinutes)}）的 60%，未计信用时数`, good: false };
  return { text: '', good: false };
}

function stepOf(a: VolunteerActivityDetail): Step {
  const s = a.mine;
  if (!s) return 'none';
  if (s.state === 'attended') return s.checkedOutAt || a.myClaim || a.myHours ? 'done' : 'in';
  if (s.state === 'confirmed') return 'signed';
  if (s.state === 'waitlisted') return 'waitlisted';
  return s.state;
}

export function mineView(a: VolunteerActivityDetail): MineView | null {
  const s = a.mine;
  if (!s) return null;
  const step = stepOf(a);
  const result = resultOf(a);
  return {
    step,
    // Done: checked out, or closed by a claim or hours.
    stateText: step === 'done' ? '已签退' : signUpText(s),
    theme: step === 'done' ? 'success' : SIGNUP_THEMES[s.state],
    active: s.state === 'confirmed' || s.state === 'waitlisted',
    timesText: [
      s.checkedInAt ? `签到于 ${formatDateTime(s.checkedInAt)}` : '',
      s.checkedOutAt ? `签退于 ${formatDateTime(s.checkedOutAt)}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    resultText: result.text,
    resultGood: result.good,
  };
}

/** Why the rider cannot sign up, when the activity still takes sign-ups. */
export function joinHint(status: VolunteerMemberStatus | null): string {
  if (status === 'pending') return '你的入队申请正在审核，通过后即可报名。';
  if (status === 'rejected') return '入队申请未通过，可在「先锋骑士」页修改后重新申请。';
  if (status === 'suspended') return '你的队员资格已暂停，暂不能报名。';
  return '报名志愿活动需先加入先锋骑士。';
}
