// How the 防刷票 tab shows the fraud report.
import type { FraudReport } from '../../../../../../../typings/campaign';
import { formatDateTime } from '../../../../../../utils/format';

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
