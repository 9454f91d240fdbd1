// Organisers: the candidates of a campaign — list with counts and jury scores,
// add, edit, and enter jury scores.
import type { CampaignApi } from '../../../typings/campaign';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import { conflict, notFound } from '../../_shared/errors';
import { acceptFiles, FILE_RULES } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import * as z from 'zod';
import { fileId, form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { forgetCampaign } from '../store/cache';
import { requireCampaign } from '../store/campaigns';
import {
  createCandidate,
  knownIds,
  listActive,
  requireCandidate,
  setJuryScore,
  updateProfile,
} from '../store/candidates';
import { toCandidate } from '../rules/views';

const candidateFields = {
  name: text(20, 2),
  platform: text(40, 1),
  deeds: text(2000, 20),
  photos: z.array(fileId()).max(6, '最多上传 6 张照片'),
};
const CANDIDATE_LABELS = { name: '姓名', platform: '平台/单位', deeds: '事迹', photos: '照片' };

/** A candidate's profile is published: checked like any public text. */
function checkProfile(openid: string, p: { name: string; platform: string; deeds: string }) {
  return checkTexts(
    openid,
    [
      [CANDIDATE_LABELS.name, p.name],
      [CANDIDATE_LABELS.platform, p.platform],
      [CANDIDATE_LABELS.deeds, p.deeds],
    ],
    PUBLISHED,
  );
}

type AdminCandidateActions = Pick<
  CampaignApi,
  'adminListCandidates' | 'addCandidate' | 'updateCandidate' | 'setJuryScores'
>;

export const adminCandidateHandlers = {
  adminListCandidates: {
    access: 'admin',
    input: form(
      { campaignId: id(), category: text(20).optional(), ...pageFields },
      { campaignId: '评选编号', category: '评选类别', ...PAGE_LABELS },
    ),
    async run({ caller }, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(caller, c.orgId);
      const page = await listActive({ campaignId: c._id, category: input.category, byVotes: false }, input);
      return {
        ...page,
        items: page.items.map((d) => ({ ...toCandidate(d, true), votes: d.votes, juryScore: d.juryScore })),
      };
    },
  },

  addCandidate: {
    access: 'admin',
    input: form(
      { campaignId: id(), category: text(20, 1), ...candidateFields },
      { campaignId: '评选编号', category: '评选类别', ...CANDIDATE_LABELS },
    ),
    async run(ctx, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      if (c.announced) throw conflict('结果已公布，不能再添加候选人');
      await acceptFiles(ctx.caller, input.photos, FILE_RULES.candidatePhoto);
      await checkProfile(ctx.caller.openid, input);
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
    input: form({ id: id(), ...candidateFields }, { id: '候选人编号', ...CANDIDATE_LABELS }),
    async run(ctx, input) {
      const cand = await requireCandidate(input.id);
      const c = await requireCampaign(cand.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      await acceptFiles(ctx.caller, input.photos, FILE_RULES.candidatePhoto, cand.photos);
      await checkProfile(ctx.caller.openid, input);
      const profile = { name: input.name, platform: input.platform, deeds: input.deeds, photos: input.photos };
      await updateProfile(cand._id, profile, ctx.now);
      await audit(ctx, {
        action: 'updateCandidate',
        targetType: 'candidate',
        targetId: cand._id,
        summary: `修改候选人 ${cand.number} 的资料`,
      });
      return toCandidate({ ...cand, ...profile, updatedAt: ctx.now }, true);
    },
  },

  setJuryScores: {
    access: 'admin',
    input: form(
      {
        campaignId: id(),
        scores: z
          .array(
            form(
              { candidateId: id(), score: z.number().min(0).max(100) },
              { candidateId: '候选人编号', score: '评分' },
            ),
          )
          .min(1)
          .max(200),
      },
      { campaignId: '评选编号', scores: '评委评分' },
    ),
    async run(ctx, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      if (c.announced) throw conflict('结果已公布，评分不能再修改');
      const ids = input.scores.map((s) => s.candidateId);
      const known = await knownIds(c._id, ids);
      const unknown = ids.find((x) => !known.has(x));
      if (unknown) throw notFound(`候选人 ${unknown}`);
      for (const s of input.scores) await setJuryScore(s.candidateId, Math.round(s.score * 100) / 100, ctx.now);
      await audit(ctx, {
        action: 'setJuryScores',
        targetType: 'campaign',
        targetId: c._id,
        summary: `录入评委评分 ${input.scores.length} 人`,
      });
      return { updated: input.scores.length };
    },
  },
} satisfies Handlers<AdminCandidateActions>;
