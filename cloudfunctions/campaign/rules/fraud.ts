// Patterns of suspicious voting in a campaign's votes (pure): bursts for one
// candidate, clusters of brand-new single-candidate voters, IPs shared by many voters.
import type { FraudReport } from '../../../typings/campaign';

/** A candidate getting this many votes within one minute is a burst. */
export const BURST_VOTES_PER_MINUTE = 30;
/** One IP behind at least this many voters is reported. */
export const SHARED_IP_VOTERS = 5;
/** At least this many first-time, single-candidate voters on one day, making up this share of the candidate's voters. */
export const NEW_VOTER_MIN = 10;
export const NEW_VOTER_SHARE = 0.6;
/** Voter ids listed per finding (what voidVotes takes); the counts cover all of them. */
export const MAX_VOTER_IDS = 500;

export interface LogRow {
  voterKey: string;
  day: string;
  candidateId: string;
  at: Date;
  ip: string;
}

/** The suspicious patterns in a campaign's votes. */
export function analyse(rows: LogRow[], names: Map<string, string>, now: Date): FraudReport {
  const name = (cid: string) => names.get(cid) ?? cid;
  const perMinute = new Map<string, number>();
  for (const r of rows) {
    const minute = new Date(Math.floor(r.at.getTime() / 60_000) * 60_000).toISOString();
    const k = `${r.candidateId}|${minute}`;
    perMinute.set(k, (perMinute.get(k) ?? 0) + 1);
  }
  const bursts = [...perMinute.entries()]
    .filter(([, n]) => n >= BURST_VOTES_PER_MINUTE)
    .map(([k, votes]) => {
      const [candidateId, minute] = k.split('|') as [string, string];
      return { candidateId, name: name(candidateId), minute, votes };
    })
    .sort((a, b) => b.votes - a.votes);

  const voters = new Map<string, { days: Set<string>; candidates: Set<string>; firstDay: string }>();
  for (const r of rows) {
    const v = voters.get(r.voterKey) ?? { days: new Set(), candidates: new Set(), firstDay: r.day };
    v.days.add(r.day);
    v.candidates.add(r.candidateId);
    if (r.day < v.firstDay) v.firstDay = r.day;
    voters.set(r.voterKey, v);
  }
  const votersPerCandDay = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = `${r.candidateId}|${r.day}`;
    votersPerCandDay.set(k, (votersPerCandDay.get(k) ?? new Set()).add(r.voterKey));
  }
  const newVoterClusters = [...votersPerCandDay.entries()]
    .map(([k, set]) => {
      const [candidateId, day] = k.split('|') as [string, string];
      const fresh = [...set].filter((vk) => {
        const v = voters.get(vk)!;
        return v.days.size === 1 && v.candidates.size === 1 && v.firstDay === day;
      });
      return {
        candidateId,
        name: name(candidateId),
        day,
        newVoters: fresh.length,
        share: Math.round((fresh.length / set.size) * 100) / 100,
        voterIds: fresh.slice(0, MAX_VOTER_IDS),
      };
    })
    .filter((c) => c.newVoters >= NEW_VOTER_MIN && c.share >= NEW_VOTER_SHARE)
    .sort((a, b) => b.newVoters - a.newVoters);

  const perIp = new Map<string, { voters: Set<string>; votes: number }>();
  for (const r of rows) {
    if (!r.ip) continue;
    const x = perIp.get(r.ip) ?? { voters: new Set(), votes: 0 };
    x.voters.add(r.voterKey);
    x.votes++;
    perIp.set(r.ip, x);
  }
  const sharedIps = [...perIp.entries()]
    .filter(([, x]) => x.voters.size >= SHARED_IP_VOTERS)
    .map(([ip, x]) => ({ ip, voters: x.voters.size, votes: x.votes, voterIds: [...x.voters].slice(0, MAX_VOTER_IDS) }))
    .sort((a, b) => b.voters - a.voters);

  return { generatedAt: now.toISOString(), bursts, newVoterClusters, sharedIps };
}
