// Counting votes from the ballots (pure): what each candidate's count must be,
// and which log entries a void hits.
import type { BallotDoc, BallotEntry } from '../store/ballots';

/** Adds a ballot's valid (not voided) votes to the running counts per candidate. */
export function addValidVotes(counts: Map<string, number>, b: Pick<BallotDoc, 'log'>): void {
  for (const e of b.log) if (!e.voided) counts.set(e.candidateId, (counts.get(e.candidateId) ?? 0) + 1);
}

/** Stored counts that differ from the expected ones: candidate → expected − stored. */
export function driftsOf(stored: { _id: string; votes: number }[], expected: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of stored) {
    const d = (expected.get(c._id) ?? 0) - c.votes;
    if (d !== 0) out.set(c._id, d);
  }
  return out;
}

export interface VoidWindow {
  /** Inclusive bounds in ms; -Infinity/Infinity when open. */
  from: number;
  to: number;
  reason: string;
}

/** The log with the valid entries inside the window voided, and the candidates they were for. */
export function voidInLog(log: BallotEntry[], w: VoidWindow): { log: BallotEntry[]; hits: string[] } {
  const hits: string[] = [];
  const next = log.map((e) => {
    const t = new Date(e.at).getTime();
    if (e.voided || t < w.from || t > w.to) return e;
    hits.push(e.candidateId);
    return { ...e, voided: true, voidReason: w.reason };
  });
  return { log: next, hits };
}
