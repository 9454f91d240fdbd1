// A claim or self-report as the reviewing organiser sees it (pure): who, what,
// when, the cap on the hours it may get, photos, and its review.
import type { AdminVolunteerClaim } from '../../../../../typings/volunteer-team';
import type { TagTheme } from '../../../../config/labels';
import { formatDateTime } from '../../../../utils/format';
import {
  CLAIM_KIND_LABELS,
  CLAIM_STATE_LABELS,
  CLAIM_STATE_THEMES,
  durationText,
  hoursOf,
  REPORT_LABELS,
  spanText,
} from '../../utils/labels';

export interface ClaimRow {
  id: string;
  who: string;
  title: string;
  kindLabel: string;
  stateLabel: string;
  stateTheme: TagTheme;
  timeText: string;
  capText: string;
  maxMinutes: number;
  text: string;
  photos: string[];
  orgName: string;
  sentText: string;
  review: string;
  pending: boolean;
}

export function toClaimRow(c: AdminVolunteerClaim): ClaimRow {
  let review = '';
  if (c.state === 'approved') review = `已发放荣誉时数 ${hoursOf(c.grantedMinutes)} 小时：${c.reviewReason}`;
  if (c.state === 'rejected') review = `未通过：${c.reviewReason}`;
  const kind = c.serviceType
    ? `${CLAIM_KIND_LABELS[c.kind]} · ${REPORT_LABELS[c.serviceType]}`
    : CLAIM_KIND_LABELS[c.kind];
  return {
    id: c.id,
    who: `${c.name} ${c.phone}`,
    title: c.title,
    kindLabel: kind,
    stateLabel: CLAIM_STATE_LABELS[c.state],
    stateTheme: CLAIM_STATE_THEMES[c.state],
    timeText: spanText(c.startAt, c.endAt),
    capText: `最多可发 ${durationText(c.maxMinutes)}`,
    maxMinutes: c.maxMinutes,
    text: c.text,
    photos: c.photos.map((p) => p.url),
    orgName: c.orgName,
    sentText: `${formatDateTime(c.createdAt)} 提交`,
    review,
    pending: c.state === 'pending',
  };
}
