// How the 候选人 tab shows a candidate to organisers, and the jury scores typed into it.
import type { CandidateAdminView } from '../../../../../../../typings/campaign';
import { displayUrl } from '../../../../../../services/files';

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
