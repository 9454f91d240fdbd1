// What the 先锋骑士 home shows of a membership (pure): the state and what to do
// next, and for a member the star level, credit and honor hours apart, points.
import type { MyMembership, VolunteerMemberStatus } from '../../../../../typings/volunteer-team';
import type { TagTheme } from '../../../../config/labels';
import { formatDateTime } from '../../../../utils/format';
import { hoursOf, MEMBER_LABELS, MEMBER_THEMES, starText } from '../../utils/labels';

/** none: never applied (or not registered: see `registered`). */
export type Stage = 'none' | VolunteerMemberStatus;

export interface MemberView {
  stage: Stage;
  stateLabel: string;
  stateTheme: TagTheme;
  orgName: string;
  /** pending: when applied; rejected / suspended: the organiser's reason. */
  note: string;
  reason: string;
  starText: string;
  /** "再服务 38 小时升为 ★★☆☆☆", or the top level's words. */
  nextStarText: string;
  /** 0–100: the way to the next star. */
  progress: number;
  credit: string;
  honor: string;
  total: string;
  points: number;
}

const STAR_HOURS = [0, 100, 300, 600, 1000, 1500];

export function memberView(m: MyMembership): MemberView {
  const member = m.member;
  const stage: Stage = member ? member.status : 'none';
  const h = member?.hours;
  const next = h?.nextStar ?? null;
  let progress = 100;
  if (h && next) {
    const from = STAR_HOURS[next.star - 1]! * 60;
    const to = STAR_HOURS[next.star]! * 60;
    progress = Math.max(0, Math.min(100, Math.round(((h.totalMinutes - from) / (to - from)) * 100)));
  }
  return {
    stage,
    stateLabel: member ? MEMBER_LABELS[member.status] : '',
    stateTheme: member ? MEMBER_THEMES[member.status] : 'default',
    orgName: member?.orgName ?? '',
    note: member?.status === 'pending' ? `${formatDateTime(member.appliedAt)} 提交，${member.orgName}审核中` : '',
    reason: member?.statusReason ?? '',
    starText: h ? starText(h.star) : '',
    nextStarText: next ? `再服务 ${next.hoursLeft} 小时升为 ${starText(next.star)}` : '已达最高星级',
    progress,
    credit: hoursOf(h?.creditMinutes ?? 0),
    honor: hoursOf(h?.honorMinutes ?? 0),
    total: hoursOf(h?.totalMinutes ?? 0),
    points: m.pointsBalance,
  };
}
