// The rows of 我的时数 (pure): a record of hours (credit or honor, where from) and
// a claim or self-report with its review state.
import type { HoursRecord, VolunteerClaim } from '../../../../../typings/volunteer-team';
import type { TagTheme } from '../../../../config/labels';
import { formatDateTime } from '../../../../utils/format';
import {
  CLAIM_KIND_LABELS,
  CLAIM_STATE_LABELS,
  CLAIM_STATE_THEMES,
  hoursOf,
  SOURCE_LABELS,
  spanText,
} from '../../utils/labels';

export interface RecordRow {
  id: string;
  title: string;
  credit: boolean;
  kindLabel: string;
  sourceLabel: string;
  hoursText: string;
  timeText: string;
  reason: string;
  pointsText: string;
}

export const toRecordRow = (r: HoursRecord): RecordRow => ({
  id: r.id,
  title: r.title,
  credit: r.kind === 'credit',
  kindLabel: r.kind === 'credit' ? '信用' : '荣誉',
  sourceLabel: SOURCE_LABELS[r.source],
  hoursText: `${hoursOf(r.minutes)} 小时`,
  timeText: spanText(r.startAt, r.endAt),
  reason: r.reason,
  pointsText: r.points ? `+${r.points} 积分` : '',
});

export interface ClaimRow {
  id: string;
  title: string;
  kindLabel: string;
  stateLabel: string;
  stateTheme: TagTheme;
  timeText: string;
  /** approved: "发放荣誉时数 1.5 小时"; rejected: the reason; pending: when sent. */
  note: string;
}

export function toClaimRow(c: VolunteerClaim): ClaimRow {
  let note = `${formatDateTime(c.createdAt)} 提交，等待组织审核`;
  if (c.state === 'approved')
    note = `发放荣誉时数 ${hoursOf(c.grantedMinutes)} 小时${c.reviewReason ? `：${c.reviewReason}` : ''}`;
  if (c.state === 'rejected') note = `未通过：${c.reviewReason}`;
  return {
    id: c.id,
    title: c.title,
    kindLabel: CLAIM_KIND_LABELS[c.kind],
    stateLabel: CLAIM_STATE_LABELS[c.state],
    stateTheme: CLAIM_STATE_THEMES[c.state],
    timeText: spanText(c.startAt, c.endAt),
    note,
  };
}
