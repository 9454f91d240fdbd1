// Fraud tools: a report of suspicious voting, and voiding votes with the counts
// lowered by exactly the voided votes.
import type { CampaignApi, FraudReport } from '../../typings/campaign';
import { audit } from '../_shared/audit';
import { COLLECTIONS } from '../_shared/collections';
import { invalid } from '../_shared/errors';
import type { Handlers } from '../_shared/function';
import { requireOrgInScope } from '../_shared/orgs';
import { db } from '../_shared/sdk';
import { id, text, z } from '../_shared/validation';
import type { BallotDoc, CandidateDoc } from './docs';
import { forEachBallot } from './ballots';
import { requireCampaign } from './public';

/** A candidate getting this many votes within one minute is a burst. */
export const BURST_VOTES_PER_MINUTE = 30;
/** One IP behind at least this many voters is reported. */
export const SHARED_IP_VOTERS = 5;
/** At least this many first-time, single-candidate voters on one day, making up this share of the candidate's voters. */
export const NEW_VOTER_MIN = 10;
export const NEW_VOTER_SHARE = 0.6;
/** Voter ids listed per finding (what voidVotes takes); the counts cover all of them. */
export const MAX_VOTER_IDS = 500;

interface LogRow {
  voterKey: string;
  day: string;
  candidateId: string;
  at: Date;
  ip: string;
}

async function allVotes(campaignId: string): Promise<LogRow[]> {
  const rows: LogRow[] = [];
  await forEachBallot({ campaignId }, (b) => {
    for (const e of b.log) {
      if (!e.voided)
        rows.push({ voterKey: b.voterKey, day: b.day, candidateId: e.candidateId, at: new Date(e.at), ip: e.ip });
    }
  });
  return rows;
}

/** Pure: the suspicious patterns in a campaign's votes. */
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

type FraudActions = Pick<CampaignApi, 'fraudReport' | 'voidVotes'>;

export const fraudHandlers = {
  fraudReport: {
    access: 'admin',
    input: z.strictObject({ campaignId: id() }),
    async run({ caller, now }, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(caller, c.orgId);
      const [rows, cands] = await Promise.all([
        allVotes(c._id),
        db().collection(COLLECTIONS.candidates).where({ campaignId: c._id }).limit(1000).get(),
      ]);
      const names = new Map((cands.data as CandidateDoc[]).map((d) => [d._id, `${d.number} ${d.name}`]));
      return analyse(rows, names, now);
    },
  },

  voidVotes: {
    access: 'admin',
    input: z.strictObject({
      campaignId: id(),
      voterIds: z
        .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '投票人编号格式不正确'))
        .max(500)
        .optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      reason: text(200, 2),
    }),
    async run(ctx, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      if (!input.voterIds?.length && !input.from && !input.to) throw invalid('请指定要作废的投票人或时间段');
      if ((input.from && !input.to) || (!input.from && input.to)) throw invalid('时间段需要同时填写开始和结束时间');
      const from = input.from ? Date.parse(input.from) : -Infinity;
      const to = input.to ? Date.parse(input.to) : Infinity;
      if (from > to) throw invalid('开始时间不能晚于结束时间');
      const voters = input.voterIds?.length ? new Set(input.voterIds) : null;
      const _ = db().command;
      const where: Record<string, unknown> = { campaignId: c._id };
      if (voters) where.voterKey = _.in([...voters]);
      const delta = new Map<string, number>();
      let voided = 0;
      await forEachBallot(where, async (ballot) => {
        for (let attempt = 0; attempt < 5; attempt++) {
          const b =
            attempt === 0
              ? ballot
              : ((await db().collection(COLLECTIONS.ballots).doc(ballot._id).get()).data[0] as BallotDoc);
          const hits: string[] = [];
          const log = b.log.map((e) => {
            const t = new Date(e.at).getTime();
            if (e.voided || t < from || t > to) return e;
            hits.push(e.candidateId);
            return { ...e, voided: true, voidReason: input.reason };
          });
          if (!hits.length) return;
          // Guarded by rev: a vote landing meanwhile makes us re-read instead of overwriting it.
          const { updated } = await db()
            .collection(COLLECTIONS.ballots)
            .where({ _id: b._id, rev: b.rev })
            .update({ log: _.set(log), rev: _.inc(1) });
          if (!updated) continue;
          for (const cid of hits) delta.set(cid, (delta.get(cid) ?? 0) + 1);
          voided += hits.length;
          return;
        }
      });
      for (const [cid, n] of delta)
        await db()
          .collection(COLLECTIONS.candidates)
          .doc(cid)
          .update({ votes: _.inc(-n), updatedAt: ctx.now });
      await audit(ctx, {
        action: 'voidVotes',
        targetType: 'campaign',
        targetId: c._id,
        summary: `作废 ${voided} 票（${voters ? `${voters.size} 位投票人` : ''}${input.from ? ` ${input.from}–${input.to}` : ''}）：${input.reason}`,
      });
      return {
        voidedVotes: voided,
        byCandidate: [...delta.entries()].map(([candidateId, votes]) => ({ candidateId, votes })),
      };
    },
  },
} satisfies Handlers<FraudActions>;
