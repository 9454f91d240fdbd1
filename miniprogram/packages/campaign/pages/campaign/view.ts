// The campaign page's header: what is shown of a CampaignForVoter.
import type { CampaignForVoter, CampaignPhase } from '../../../../../typings/campaign';
import type { TagTheme } from '../../../../config/labels';
import { displayUrl } from '../../../../services/files';
import { countsVisible, PHASE_LABELS, PHASE_THEMES, periodText, votingStarted } from '../../utils/labels';

export interface CampaignView {
  id: string;
  title: string;
  cover: string;
  rules: string;
  /** Long rules start folded. */
  rulesLong: boolean;
  phase: CampaignPhase;
  phaseLabel: string;
  phaseTheme: TagTheme;
  phaseEndsAt: string | null;
  nominationPeriod: string;
  votingPeriod: string;
  /** "每人每天可投 3 票，同一候选人每天最多 1 票" */
  votingRule: string;
  categories: { key: string; name: string }[];
  countsVisible: boolean;
  showNominate: boolean;
  showRanking: boolean;
  showResults: boolean;
}

export function toCampaignView(c: CampaignForVoter): CampaignView {
  return {
    id: c.id,
    title: c.title,
    cover: displayUrl(c.coverFileId),
    rules: c.rules,
    rulesLong: c.rules.length > 80 || c.rules.split('\n').length > 3,
    phase: c.phase,
    phaseLabel: PHASE_LABELS[c.phase],
    phaseTheme: PHASE_THEMES[c.phase],
    phaseEndsAt: c.phaseEndsAt,
    nominationPeriod: periodText(c.phases.nominationStart, c.phases.nominationEnd),
    votingPeriod: periodText(c.phases.votingStart, c.phases.votingEnd),
    votingRule:
      `每人每天可投 ${c.voting.votesPerDay} 票，同一候选人每天最多 ${c.voting.maxPerCandidatePerDay} 票` +
      (c.voting.requireRegistered ? '；仅限已登记的新就业群体投票' : ''),
    categories: c.categories.map((k) => ({ key: k.key, name: k.name })),
    countsVisible: countsVisible(c),
    showNominate: c.phase === 'nomination',
    showRanking: votingStarted(c.phase),
    showResults: c.announced,
  };
}
