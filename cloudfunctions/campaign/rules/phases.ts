// A campaign's phases in time: nomination → review → voting → counting →
// announcement → finished (pure).
import type { CampaignPhase, CampaignPhases } from '../../../typings/campaign';
import type { CampaignDoc } from '../store/campaigns';

export interface PhaseInfo {
  phase: CampaignPhase;
  endsAt: Date | null;
}

export function phaseOf(p: CampaignPhases, announced: boolean, now: Date): PhaseInfo {
  const t = now.getTime();
  const at = (iso: string) => Date.parse(iso);
  if (t < at(p.nominationStart)) return { phase: 'upcoming', endsAt: new Date(p.nominationStart) };
  if (t < at(p.nominationEnd)) return { phase: 'nomination', endsAt: new Date(p.nominationEnd) };
  if (t < at(p.votingStart)) return { phase: 'review', endsAt: new Date(p.votingStart) };
  if (t < at(p.votingEnd)) return { phase: 'voting', endsAt: new Date(p.votingEnd) };
  if (!announced) return { phase: 'counting', endsAt: null };
  if (t < at(p.announcementEnd)) return { phase: 'announcement', endsAt: new Date(p.announcementEnd) };
  return { phase: 'finished', endsAt: null };
}

/** Why votes are not taken now, or '' while voting is open. */
export function votingClosedReason(c: CampaignDoc, now: Date): string {
  const { phase } = phaseOf(c.phases, c.announced, now);
  if (phase === 'voting') return '';
  return phase === 'upcoming' || phase === 'nomination' || phase === 'review' ? '投票尚未开始' : '投票已经结束';
}

/** Whether vote counts may be shown to the public now. */
export function countsVisible(d: CampaignDoc, now: Date): boolean {
  const { phase } = phaseOf(d.phases, d.announced, now);
  return phase !== 'voting' || d.voting.showRankingDuringVoting;
}
