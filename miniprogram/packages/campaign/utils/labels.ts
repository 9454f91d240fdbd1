// Campaign labels and small display rules, for the campaign subpackage's worker
// and organiser pages. Records over the contract's unions: a new phase or status
// breaks the build until it has a label.
import type { Campaign, CampaignPhase, NominationStatus, NominatorRelation } from '../../../../typings/campaign';
import type { TagTheme } from '../../../config/labels';
import { formatDateTime } from '../../../utils/format';

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

/** What the countdown to `phaseEndsAt` counts down to, per phase. */
export const PHASE_END_LABELS: Record<CampaignPhase, string> = {
  upcoming: '距推荐开始',
  nomination: '距推荐截止',
  review: '距投票开始',
  voting: '距投票截止',
  counting: '',
  announcement: '距公示结束',
  finished: '',
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

/** In display order. */
export const RELATIONS = Object.keys(RELATION_LABELS) as NominatorRelation[];

/** Whether vote counts are public now — the server's rule (counts are hidden only while voting, if so configured). */
export function countsVisible(c: Pick<Campaign, 'phase' | 'voting'>): boolean {
  return c.phase !== 'voting' || c.voting.showRankingDuringVoting;
}

/** Whether the campaign has reached voting (a ranking makes sense). */
export function votingStarted(phase: CampaignPhase): boolean {
  return phase === 'voting' || phase === 'counting' || phase === 'announcement' || phase === 'finished';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 273906000 ms → "3天 04:05:06"; under a day → "04:05:06"; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}天 ${clock}` : clock;
}

/** "距投票截止 3天 04:05:06", or '' when the phase has no end to count down to. */
export function countdownText(c: Pick<Campaign, 'phase' | 'phaseEndsAt'>, now: number): string {
  const label = PHASE_END_LABELS[c.phase];
  if (!label || !c.phaseEndsAt) return '';
  return `${label} ${formatCountdown(Date.parse(c.phaseEndsAt) - now)}`;
}

/** "2026-11-01 10:00 至 2026-11-10 18:00" */
export function periodText(from: string, to: string): string {
  return `${formatDateTime(from)} 至 ${formatDateTime(to)}`;
}
