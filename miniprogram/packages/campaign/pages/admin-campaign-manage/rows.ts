// What the organiser's management page shows of nominations, candidates, the
// fraud report and a void's outcome.
import type {
  Campaign,
  CandidateAdminView,
  FraudReport,
  NominationAdminView,
  NominationStatus,
} from '../../../../../typings/campaign';
import type { TagTheme } from '../../../../config/labels';
import { displayUrl } from '../../../../services/files';
import { formatDateTime } from '../../../../utils/format';
import { NOMINATION_STATUS_LABELS, NOMINATION_STATUS_THEMES, RELATION_LABELS } from '../../utils/labels';
import { categoryName } from '../../utils/views';

export interface NominationRow {
  id: string;
  nomineeName: string;
  /** "最美快递小哥 · 他人推荐" */
  line: string;
  platform: string;
  phone: string;
  nominatorName: string;
  deeds: string;
  photos: string[];
  status: NominationStatus;
  statusLabel: string;
  statusTheme: TagTheme;
  rejectReason: string;
  time: string;
}

export function toNominationRow(n: NominationAdminView, c: Pick<Campaign, 'categories'>): NominationRow {
  const relation = n.relation === 'employer' ? RELATION_LABELS.employer : `${RELATION_LABELS[n.relation]}推荐`;
  return {
    id: n.id,
    nomineeName: n.nomineeName,
    line: `${categoryName(c, n.category)} · ${relation}`,
    platform: n.platform,
    phone: n.phone,
    nominatorName: n.nominatorName || '未登记的用户',
    deeds: n.deeds,
    photos: n.photos.map(displayUrl),
    status: n.status,
    statusLabel: NOMINATION_STATUS_LABELS[n.status],
    statusTheme: NOMINATION_STATUS_THEMES[n.status],
    rejectReason: n.rejectReason,
    time: formatDateTime(n.createdAt),
  };
}

export interface CandidateAdminRow {
  id: string;
  category: string;
  number: string;
  name: string;
  platform: string;
  deeds: string;
  /** File ids, for editing. */
  photoIds: string[];
  photo: string;
  /** Organisers see counts even while they are hidden from the public. */
  votesText: string;
  /** The jury score: the one entered so far, then what is being typed ('' = none). */
  jury: string;
}

export function toCandidateAdminRow(c: CandidateAdminView): CandidateAdminRow {
  return {
    id: c.id,
    category: c.category,
    number: c.number,
    name: c.name,
    platform: c.platform,
    deeds: c.deeds,
    photoIds: c.photos,
    photo: c.photos[0] ? displayUrl(c.photos[0]) : '',
    votesText: `${c.votes} 票`,
    jury: c.juryScore === null ? '' : String(c.juryScore),
  };
}

export interface FraudView {
  generatedAt: string;
  bursts: { key: string; text: string }[];
  /** `voterIds`: the finding's voters, one per line, ready for the void form. */
  clusters: { key: string; text: string; voterIds: string }[];
  sharedIps: { key: string; text: string; voterIds: string }[];
}

export function toFraudView(r: FraudReport): FraudView {
  return {
    generatedAt: formatDateTime(r.generatedAt),
    bursts: r.bursts.map((b) => ({
      key: `${b.candidateId}-${b.minute}`,
      text: `${b.name} · ${formatDateTime(b.minute)} 这一分钟 ${b.votes} 票`,
    })),
    clusters: r.newVoterClusters.map((c) => ({
      key: `${c.candidateId}-${c.day}`,
      text: `${c.name} · ${c.day} · 当天首次投票且只投 TA 的 ${c.newVoters} 人（占 ${Math.round(c.share * 100)}%）`,
      voterIds: c.voterIds.join('\n'),
    })),
    sharedIps: r.sharedIps.map((s) => ({
      key: s.ip,
      text: `${s.ip} · ${s.voters} 位投票人 · ${s.votes} 票`,
      voterIds: s.voterIds.join('\n'),
    })),
  };
}

/** Parsed jury scores of the rows where one was typed; or the first problem. */
export function juryScores(
  rows: CandidateAdminRow[],
): { scores: { candidateId: string; score: number }[] } | { problem: string } {
  const scores: { candidateId: string; score: number }[] = [];
  for (const r of rows) {
    const text = r.jury.trim();
    if (!text) continue;
    const score = Number(text);
    if (!/^\d+(\.\d{1,2})?$/.test(text) || score > 100)
      return { problem: `${r.number} ${r.name} 的评分应为 0–100（最多两位小数）` };
    scores.push({ candidateId: r.id, score });
  }
  if (!scores.length) return { problem: '请至少填写一位候选人的评分' };
  return { scores };
}
