// Organisers: create and edit a campaign, and announce its results.
import type { CampaignApi } from '../../../typings/campaign';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import { conflict } from '../../_shared/errors';
import { acceptFile, FILE_RULES } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import * as z from 'zod';
import { categoryKey, fileId, form, id, inOrder, isoDateTime, text, withRule } from '../../_shared/validation';
import { forgetCampaign } from '../store/cache';
import {
  type CampaignFields,
  createCampaign,
  markAnnounced,
  requireCampaign,
  updateCampaign,
} from '../store/campaigns';
import { candidatesOf, countInCategories } from '../store/candidates';
import { moveCampaignVotes } from '../store/vote-stats';
import { DEFAULT_CATEGORIES } from '../rules/numbering';
import { phaseOf } from '../rules/phases';
import { computeResults } from '../rules/results';
import { toCampaign } from '../rules/views';

const PHASE_LABELS = {
  nominationStart: '推荐开始时间',
  nominationEnd: '推荐截止时间',
  votingStart: '投票开始时间',
  votingEnd: '投票截止时间',
  announcementEnd: '公示结束时间',
};

// The phases run forward: each window lies inside the campaign, after the one before.
const phases = withRule(
  form(
    {
      nominationStart: isoDateTime(),
      nominationEnd: isoDateTime(),
      votingStart: isoDateTime(),
      votingEnd: isoDateTime(),
      announcementEnd: isoDateTime(),
    },
    PHASE_LABELS,
  ),
  inOrder(Object.keys(PHASE_LABELS), PHASE_LABELS),
);

const voting = withRule(
  form(
    {
      votesPerDay: z.number().int().min(1).max(50),
      maxPerCandidatePerDay: z.number().int().min(1).max(50),
      requireRegistered: z.boolean(),
      showRankingDuringVoting: z.boolean(),
    },
    {
      votesPerDay: '每人每天票数',
      maxPerCandidatePerDay: '每天可投同一人的票数',
      requireRegistered: '仅限已登记者投票',
      showRankingDuringVoting: '投票期间公开排名',
    },
  ),
  (v) =>
    v.maxPerCandidatePerDay > v.votesPerDay
      ? { field: 'maxPerCandidatePerDay', message: '每位候选人每天的票数不能多于每天总票数' }
      : null,
);

const result = withRule(
  form(
    {
      voteWeight: z.number().int().min(0).max(100),
      juryWeight: z.number().int().min(0).max(100),
    },
    { voteWeight: '网络投票权重', juryWeight: '评委评分权重' },
  ),
  (r) =>
    r.voteWeight + r.juryWeight !== 100
      ? { field: 'juryWeight', message: '网络投票与评委评分的权重之和应为 100' }
      : null,
);

const category = form(
  { key: categoryKey(), name: text(20, 2), quota: z.number().int().min(1).max(100) },
  { key: '类别代码', name: '类别名称', quota: '当选名额' },
);

const campaignInput = withRule(
  form(
    {
      id: id().optional(),
      title: text(40, 4),
      coverFileId: fileId().optional(),
      rules: text(5000, 10),
      categories: z.array(category).min(1).max(10).optional(),
      phases,
      voting,
      result,
      nominationLimit: z.number().int().min(1).max(20).optional(),
      orgId: id(),
    },
    {
      id: '评选编号',
      title: '活动名称',
      coverFileId: '封面',
      rules: '评选规则',
      categories: '评选类别',
      phases: '活动时间',
      voting: '投票规则',
      result: '计分规则',
      nominationLimit: '每人推荐名额',
      orgId: '主办组织',
    },
  ),
  (c) =>
    c.categories && new Set(c.categories.map((k) => k.key)).size !== c.categories.length
      ? { field: 'categories', message: '类别代码不能重复' }
      : null,
);

type AdminCampaignActions = Pick<CampaignApi, 'saveCampaign' | 'announce'>;

export const adminCampaignHandlers = {
  saveCampaign: {
    access: 'admin',
    input: campaignInput,
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      const existing = input.id ? await requireCampaign(input.id) : null;
      if (existing) await requireOrgInScope(ctx.caller, existing.orgId);
      if (existing?.announced) throw conflict('结果已公布，活动不能再修改');
      const categories = input.categories ?? DEFAULT_CATEGORIES;
      if (input.coverFileId && input.coverFileId !== existing?.coverFileId)
        await acceptFile(ctx.caller, input.coverFileId, FILE_RULES.campaignCover);
      await checkTexts(
        ctx.caller.openid,
        [
          ['活动名称', input.title],
          ['评选规则', input.rules],
          ['评选类别的类别名称', input.categories?.map((k) => k.name).join('、')],
        ],
        PUBLISHED,
      );
      const fields: CampaignFields = {
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
      if (existing) {
        const removed = existing.categories.filter((k) => !categories.some((n) => n.key === k.key));
        if (
          removed.length &&
          (await countInCategories(
            existing._id,
            removed.map((k) => k.key),
          ))
        )
          throw conflict('已有候选人的类别不能删除');
        await updateCampaign(existing._id, fields);
        forgetCampaign(existing._id);
        if (existing.orgId !== fields.orgId || existing.title !== fields.title)
          await moveCampaignVotes(existing, { _id: existing._id, orgId: fields.orgId, title: fields.title }, ctx.now);
        await audit(ctx, {
          action: 'saveCampaign',
          targetType: 'campaign',
          targetId: existing._id,
          summary: `修改评选「${input.title}」`,
        });
        return toCampaign({ ...existing, ...fields }, ctx.now);
      }
      const created = await createCampaign(fields, ctx.now);
      await audit(ctx, {
        action: 'saveCampaign',
        targetType: 'campaign',
        targetId: created._id,
        summary: `新建评选「${input.title}」`,
      });
      return toCampaign(created, ctx.now);
    },
  },

  announce: {
    access: 'admin',
    input: form({ campaignId: id() }, { campaignId: '评选编号' }),
    async run(ctx, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      if (c.announced) throw conflict('结果已经公布过了');
      if (phaseOf(c.phases, false, ctx.now).phase !== 'counting') throw conflict('投票结束后才能公布结果');
      const cands = await candidatesOf(c._id, { activeOnly: true });
      if (c.result.juryWeight > 0) {
        const missing = cands.filter((x) => x.juryScore === null);
        if (missing.length)
          throw conflict(`还有 ${missing.length} 位候选人没有评委评分（如 ${missing[0]!.number} ${missing[0]!.name}）`);
      }
      const results = computeResults(c, cands);
      if (!(await markAnnounced(c._id, results, ctx.now))) throw conflict('结果已经公布过了');
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
} satisfies Handlers<AdminCampaignActions>;
