// What the organiser's management page shows of nominations, candidates, the
// fraud report and a void's outcome.
import type {
  Campaign,
  Candidate,
  FraudReport,
  NominationAdminView,
  NominationStatus,
} from '../../../../../typings/campaign';
import type { TagTheme } from '../../../../config/labels';
import { displayUrl } from '../../../../services/files';
import { NOMINATION_STATUS_LABELS, NOMINATION_STATUS_THEMES, RELATION_LABELS } from '../campaigns/labels';
import { formatDateTime } from '../../../../utils/format';

const categoryName = (c: Pick<Campaign, 'categories'>, key: string) =>
  c.categories.find((k) => k.key === key)?.name ?? key;

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
  /** From the organisers' ranking (counts are visible to them even while hidden). */
  votesText: string;
  /** The jury score being typed ('' = not entered here). */
  jury: string;
}

export function toCandidateAdminRow(c: Candidate, votes: ReadonlyMap<string, number>): CandidateAdminRow {
  const v = votes.get(c.id) ?? c.votes;
  return {
    id: c.id,
    category: c.category,
    number: c.number,
    name: c.name,
    platform: c.platform,
    deeds: c.deeds,
    photoIds: c.photos,
    photo: c.photos[0] ? displayUrl(c.photos[0]) : '',
    votesText: v === null ? '—' : `${v} 票`,
    jury: '',
  };
}

export interface FraudView {
  generatedAt: string;
  bursts: { key: string; text: string }[];
  clusters: { key: string; text: string }[];
  sharedIps: { key: string; text: string }[];
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
    })),
    sharedIps: r.sharedIps.map((s) => ({ key: s.ip, text: `${s.ip} · ${s.voters} 位投票人 · ${s.votes} 票` })),
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
