// Organisers: campaigns, candidates, jury scores and the announcement.
import type { CampaignApi } from '../../typings/campaign';
import { audit } from '../_shared/audit';
import { COLLECTIONS } from '../_shared/collections';
import { conflict, invalid, notFound } from '../_shared/errors';
import type { Handlers } from '../_shared/function';
import { requireOrgInScope } from '../_shared/orgs';
import { db } from '../_shared/sdk';
import { fetchPage } from '../_shared/paging';
import { fileId, id, pageFields, text, z } from '../_shared/validation';
import { forgetCampaign } from './cache';
import { createCandidate } from './candidates';
import { type CampaignDoc, type CandidateDoc, computeResults, toCampaign, toCandidate } from './docs';
import { requireCampaign, requireCandidate } from './public';
import { DEFAULT_CATEGORIES, phaseOf, phaseProblem } from './rules';

const iso = () => z.iso.datetime({ offset: true, message: '请填写有效的时间' });

const campaignInput = z.strictObject({
  id: id().optional(),
  title: text(40, 4),
  coverFileId: fileId().optional(),
  rules: text(5000, 10),
  categories: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z][a-z0-9_]{1,19}$/, '类别代码为小写字母开头的 2–20 位'),
        name: text(20, 2),
        quota: z.number().int().min(1).max(100),
      }),
    )
    .min(1)
    .max(10)
    .optional(),
  phases: z.strictObject({
    nominationStart: iso(),
    nominationEnd: iso(),
    votingStart: iso(),
    votingEnd: iso(),
    announcementEnd: iso(),
  }),
  voting: z.strictObject({
    votesPerDay: z.number().int().min(1).max(50),
    maxPerCandidatePerDay: z.number().int().min(1).max(50),
    requireRegistered: z.boolean(),
    showRankingDuringVoting: z.boolean(),
  }),
  result: z.strictObject({
    voteWeight: z.number().int().min(0).max(100),
    juryWeight: z.number().int().min(0).max(100),
  }),
  nominationLimit: z.number().int().min(1).max(20).optional(),
  orgId: id(),
});

async function campaignInScope(
  ctx: Parameters<Handlers<CampaignApi>['announce']['run']>[0],
  campaignId: string,
): Promise<CampaignDoc> {
  const c = await requireCampaign(campaignId);
  await requireOrgInScope(ctx.caller, c.orgId);
  return c;
}

const candidateFields = {
  name: text(20, 2),
  platform: text(40, 1),
  deeds: text(2000, 20),
  photos: z.array(fileId()).max(6, '最多上传 6 张照片'),
};

type AdminActions = Pick<
  CampaignApi,
  'saveCampaign' | 'adminListCandidates' | 'addCandidate' | 'updateCandidate' | 'setJuryScores' | 'announce'
>;

export const adminHandlers = {
  saveCampaign: {
    access: 'admin',
    input: campaignInput,
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      const problem = phaseProblem(input.phases);
      if (problem) throw invalid(problem);
      if (input.result.voteWeight + input.result.juryWeight !== 100)
        throw invalid('网络投票与评委评分的权重之和应为 100');
      if (input.voting.maxPerCandidatePerDay > input.voting.votesPerDay)
        throw invalid('每位候选人每天的票数不能多于每天总票数');
      const categories = input.categories ?? DEFAULT_CATEGORIES;
      if (new Set(categories.map((k) => k.key)).size !== categories.length) throw invalid('评选类别代码不能重复');
      const fields = {
        title: input.title,
        coverFileId: input.coverFileId ?? '',
        rules: input.rules,
        categories,
        phases: input.phases,
        voting: input.voting,
        result: input.result,
        nominationLimit: input.nominationLimit ?? 3,
        orgId: input.orgId,
        updatedAt: ctx.now,
      };
      const _ = db().command;
      if (input.id) {
        const existing = await campaignInScope(ctx, input.id);
        if (existing.announced) throw conflict('结果已公布，活动不能再修改');
        const removed = existing.categories.filter((k) => !categories.some((n) => n.key === k.key));
        if (removed.length) {
          const { total } = await db()
            .collection(COLLECTIONS.candidates)
            .where({ campaignId: existing._id, category: _.in(removed.map((k) => k.key)) })
            .count();
          if (total) throw conflict('已有候选人的类别不能删除');
        }
        await db()
          .collection(COLLECTIONS.campaigns)
          .doc(existing._id)
          .update({
            ...fields,
            categories: _.set(categories),
            phases: _.set(input.phases),
            voting: _.set(input.voting),
            result: _.set(input.result),
          });
        forgetCampaign(existing._id);
        await audit(ctx, {
          action: 'saveCampaign',
          targetType: 'campaign',
          targetId: existing._id,
          summary: `修改评选「${input.title}」`,
        });
        return toCampaign({ ...existing, ...fields }, ctx.now);
      }
      const doc = { ...fields, seq: {}, announced: false, announcedAt: null, results: null, createdAt: ctx.now };
      const { id: newId } = (await db().collection(COLLECTIONS.campaigns).add(doc)) as { id: string };
      await audit(ctx, {
        action: 'saveCampaign',
        targetType: 'campaign',
        targetId: newId,
        summary: `新建评选「${input.title}」`,
      });
      return toCampaign({ _id: newId, ...doc }, ctx.now);
    },
  },

  adminListCandidates: {
    access: 'admin',
    input: z.strictObject({ campaignId: id(), category: text(20).optional(), ...pageFields }),
    async run(ctx, input) {
      const c = await campaignInScope(ctx, input.campaignId);
      const where: Record<string, unknown> = { campaignId: c._id, status: 'active' };
      if (input.category) where.category = input.category;
      return fetchPage(
        db().collection(COLLECTIONS.candidates).where(where),
        [['number', 'asc']],
        input,
        (d: CandidateDoc) => ({
          ...toCandidate(d, true),
          votes: d.votes,
          juryScore: d.juryScore,
        }),
      );
    },
  },

  addCandidate: {
    access: 'admin',
    input: z.strictObject({ campaignId: id(), category: text(20, 1), ...candidateFields }),
    async run(ctx, input) {
      const c = await campaignInScope(ctx, input.campaignId);
      if (c.announced) throw conflict('结果已公布，不能再添加候选人');
      const cand = await createCandidate(c, { ...input, nominationId: null }, ctx.now);
      forgetCampaign(c._id);
      await audit(ctx, {
        action: 'addCandidate',
        targetType: 'candidate',
        targetId: cand._id,
        summary: `添加候选人 ${cand.number} ${cand.name}`,
      });
      return toCandidate(cand, true);
    },
  },

  updateCandidate: {
    access: 'admin',
    input: z.strictObject({ id: id(), ...candidateFields }),
    async run(ctx, input) {
      const cand = await requireCandidate(input.id);
      await campaignInScope(ctx, cand.campaignId);
      const patch = {
        name: input.name,
        platform: input.platform,
        deeds: input.deeds,
        photos: input.photos,
        updatedAt: ctx.now,
      };
      await db()
        .collection(COLLECTIONS.candidates)
        .doc(cand._id)
        .update({ ...patch, photos: db().command.set(input.photos) });
      await audit(ctx, {
        action: 'updateCandidate',
        targetType: 'candidate',
        targetId: cand._id,
        summary: `修改候选人 ${cand.number} 的资料`,
      });
      return toCandidate({ ...cand, ...patch }, true);
    },
  },

  setJuryScores: {
    access: 'admin',
    input: z.strictObject({
      campaignId: id(),
      scores: z
        .array(z.strictObject({ candidateId: id(), score: z.number().min(0).max(100) }))
        .min(1)
        .max(200),
    }),
    async run(ctx, input) {
      const c = await campaignInScope(ctx, input.campaignId);
      if (c.announced) throw conflict('结果已公布，评分不能再修改');
      const ids = input.scores.map((s) => s.candidateId);
      const { data } = await db()
        .collection(COLLECTIONS.candidates)
        .where({ _id: db().command.in(ids), campaignId: c._id })
        .limit(200)
        .get();
      const known = new Set((data as CandidateDoc[]).map((d) => d._id));
      const unknown = ids.find((x) => !known.has(x));
      if (unknown) throw notFound(`候选人 ${unknown}`);
      for (const s of input.scores) {
        await db()
          .collection(COLLECTIONS.candidates)
          .doc(s.candidateId)
          .update({ juryScore: Math.round(s.score * 100) / 100, updatedAt: ctx.now });
      }
      await audit(ctx, {
        action: 'setJuryScores',
        targetType: 'campaign',
        targetId: c._id,
        summary: `录入评委评分 ${input.scores.length} 人`,
      });
      return { updated: input.scores.length };
    },
  },

  announce: {
    access: 'admin',
    input: z.strictObject({ campaignId: id() }),
    async run(ctx, input) {
      const c = await campaignInScope(ctx, input.campaignId);
      if (c.announced) throw conflict('结果已经公布过了');
      if (phaseOf(c.phases, false, ctx.now).phase !== 'counting') throw conflict('投票结束后才能公布结果');
      const { data } = await db()
        .collection(COLLECTIONS.candidates)
        .where({ campaignId: c._id, status: 'active' })
        .limit(1000)
        .get();
      const cands = data as CandidateDoc[];
      if (c.result.juryWeight > 0) {
        const missing = cands.filter((x) => x.juryScore === null);
        if (missing.length)
          throw conflict(`还有 ${missing.length} 位候选人没有评委评分（如 ${missing[0]!.number} ${missing[0]!.name}）`);
      }
      const results = computeResults(c, cands);
      const { updated } = await db()
        .collection(COLLECTIONS.campaigns)
        .where({ _id: c._id, announced: false })
        .update({ announced: true, announcedAt: ctx.now, results, updatedAt: ctx.now });
      if (!updated) throw conflict('结果已经公布过了');
      forgetCampaign(c._id);
      const winners = results.reduce((s, r) => s + r.entries.filter((e) => e.winner).length, 0);
      await audit(ctx, {
        action: 'announce',
        targetType: 'campaign',
        targetId: c._id,
        summary: `公布评选结果，共 ${winners} 人`,
      });
      return { announced: true as const, winners };
    },
  },
} satisfies Handlers<AdminActions>;
