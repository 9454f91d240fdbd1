// Fraud tools: a report of suspicious voting, and voiding votes with the counts
// lowered by exactly the voided votes.
import type { CampaignApi } from '../../../typings/campaign';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import type { Contribution } from '../../_shared/stats/contributions';
import { audit } from '../../_shared/stores/audit';
import { recordStats } from '../../_shared/stores/daily-stats';
import * as z from 'zod';
import { form, id, inOrder, isoDateTime, text, voterKey, withRule } from '../../_shared/validation';
import { forEachBallot, reloadBallot, replaceLogIfUnchanged } from '../store/ballots';
import { requireCampaign } from '../store/campaigns';
import { adjustVotes, candidatesOf } from '../store/candidates';
import { voidInLog } from '../rules/counting';
import { ballotContributions } from '../rules/stats';
import { analyse, type LogRow } from '../rules/fraud';

/** A ballot changed by a vote while being voided is re-read this often. */
const VOID_ATTEMPTS = 5;

type FraudActions = Pick<CampaignApi, 'fraudReport' | 'voidVotes'>;

export const fraudHandlers = {
  fraudReport: {
    access: 'admin',
    input: form({ campaignId: id() }, { campaignId: '评选编号' }),
    async run({ caller, now }, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(caller, c.orgId);
      const rows: LogRow[] = [];
      const [cands] = await Promise.all([
        candidatesOf(c._id),
        forEachBallot({ campaignId: c._id }, (b) => {
          for (const e of b.log)
            if (!e.voided)
              rows.push({ voterKey: b.voterKey, day: b.day, candidateId: e.candidateId, at: new Date(e.at), ip: e.ip });
        }),
      ]);
      const names = new Map(cands.map((d) => [d._id, `${d.number} ${d.name}`]));
      return analyse(rows, names, now);
    },
  },

  voidVotes: {
    access: 'admin',
    input: withRule(
      form(
        {
          campaignId: id(),
          voterIds: z.array(voterKey()).max(500).optional(),
          from: isoDateTime().optional(),
          to: isoDateTime().optional(),
          reason: text(200, 2),
        },
        { campaignId: '评选编号', voterIds: '投票人', from: '开始时间', to: '结束时间', reason: '作废原因' },
      ),
      (v) => {
        if (!v.voterIds?.length && !v.from && !v.to)
          return { field: 'voterIds', message: '请指定要作废的投票人或时间段' };
        if (!v.from !== !v.to) return { field: v.from ? 'to' : 'from', message: '时间段需要同时填写开始和结束时间' };
        return inOrder(['from', 'to'], { from: '开始时间' }, { orEqual: true })(v);
      },
    ),
    async run(ctx, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      const window = {
        from: input.from ? Date.parse(input.from) : -Infinity,
        to: input.to ? Date.parse(input.to) : Infinity,
        reason: input.reason,
      };
      const voters = input.voterIds?.length ? [...new Set(input.voterIds)] : undefined;
      const delta = new Map<string, number>();
      // The voided ballots before and after, for the dashboard's counters.
      const before: Contribution[] = [];
      const after: Contribution[] = [];
      let voided = 0;
      await forEachBallot({ campaignId: c._id, voterKeys: voters }, async (first) => {
        let b = first;
        for (let attempt = 0; attempt < VOID_ATTEMPTS; attempt++) {
          if (attempt > 0) b = (await reloadBallot(first._id)) ?? b;
          const { log, hits } = voidInLog(b.log, window);
          if (!hits.length) return;
          // Guarded by rev: a vote landing meanwhile makes us re-read instead of overwriting it.
          if (!(await replaceLogIfUnchanged(b, log))) continue;
          for (const cid of hits) delta.set(cid, (delta.get(cid) ?? 0) + 1);
          before.push(...ballotContributions(b, c));
          after.push(...ballotContributions({ ...b, log }, c));
          voided += hits.length;
          return;
        }
      });
      await Promise.all([
        (async () => {
          for (const [cid, n] of delta) await adjustVotes(cid, -n, ctx.now);
        })(),
        recordStats(before, after, ctx.now),
      ]);
      await audit(ctx, {
        action: 'voidVotes',
        targetType: 'campaign',
        targetId: c._id,
        summary: `作废 ${voided} 票（${voters ? `${voters.length} 位投票人` : ''}${input.from ? ` ${input.from}–${input.to}` : ''}）：${input.reason}`,
      });
      return {
        voidedVotes: voided,
        byCandidate: [...delta.entries()].map(([candidateId, votes]) => ({ candidateId, votes })),
      };
    },
  },
} satisfies Handlers<FraudActions>;
