// Campaign labels the organiser pages show. The campaign subpackage has the same
// maps (packages/campaign/utils/labels.ts): subpackages cannot share JS except
// through the main package, which nothing there uses. Both are Records over the
// contract's unions, so a new phase or status breaks the build until labelled.
import type { CampaignPhase, NominationStatus, NominatorRelation } from '../../../../../typings/campaign';
import type { TagTheme } from '../../../../config/labels';
import { formatDateTime } from '../../../../utils/format';

export const PHASE_LABELS: Record<CampaignPhase, string> = {
  upcoming: '即将开始',
  nomination: '征集推荐中',
  review: '审核中',
  voting: '投票中',
  counting: '计票中',
  announcement: '公示中',
  finished: '已结束',
};

export const PHASE_THEMES: Record<CampaignPhase, TagTheme> = {
  upcoming: 'default',
  nomination: 'primary',
  review: 'warning',
  voting: 'danger',
  counting: 'warning',
  announcement: 'success',
  finished: 'default',
};

export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

export const NOMINATION_STATUS_THEMES: Record<NominationStatus, TagTheme> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

export const RELATION_LABELS: Record<NominatorRelation, string> = {
  self: '本人',
  other: '他人',
  employer: '单位推荐',
};

/** "2026-11-01 10:00 至 2026-11-10 18:00" */
export function periodText(from: string, to: string): string {
  return `${formatDateTime(from)} 至 ${formatDateTime(to)}`;
}
