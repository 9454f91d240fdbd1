// Nominations: anyone signed in may nominate (self, someone else, or as the
// employer), within the nomination window and a per-nominator limit; organisers
// review them into candidates with a public number.
import type { CampaignApi, NominationAdminView } from '../../../typings/campaign';
import { requireUser } from '../../_shared/caller';
import { checkTexts } from '../../_shared/content-check';
import { AppError, conflict, invalid } from '../../_shared/errors';
import { acceptFiles, FILE_RULES } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { type UserDoc, usersByIds } from '../../_shared/stores/users';
import * as z from 'zod';
import { chinaMobile, fileId, form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { forgetCampaign } from '../store/cache';
import { requireCampaign } from '../store/campaigns';
import { createCandidate, withdraw } from '../store/candidates';
import {
  addNomination,
  decideNomination,
  listByNominator,
  listForReview,
  type NominationDoc,
  requireNomination,
} from '../store/nominations';
import { phaseOf } from '../rules/phases';
import { toNomination } from '../rules/views';

function adminView(n: NominationDoc, nominator: UserDoc | null | undefined): NominationAdminView {
  return {
    ...toNomination(n),
    phone: n.phone,
    nominatorName: nominator?.worker?.realName || nominator?.nickname || '',
  };
}

type NominationActions = Pick<CampaignApi, 'nominate' | 'myNominations' | 'listNominations' | 'reviewNomination'>;

export const nominationHandlers = {
  nominate: {
    access: 'user',
    input: form(
      {
        campaignId: id(),
        category: text(20, 1),
        relation: z.enum(['self', 'other', 'employer']),
        nomineeName: text(20, 2),
        platform: text(40, 1),
        phone: chinaMobile(),
        deeds: text(2000, 20),
        photos: z.array(fileId()).max(6, '最多上传 6 张照片'),
      },
      {
        campaignId: '评选编号',
        category: '评选类别',
        relation: '推荐关系',
        nomineeName: '被推荐人姓名',
        platform: '平台/单位',
        phone: '联系电话',
        deeds: '事迹',
        photos: '照片',
      },
    ),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      const c = await requireCampaign(input.campaignId);
      if (phaseOf(c.phases, c.announced, now).phase !== 'nomination')
        throw new AppError('CLOSED', '现在不在推荐时间内');
      if (!c.categories.some((k) => k.key === input.category)) throw invalid('请选择有效的评选类别');
      await acceptFiles(caller, input.photos, FILE_RULES.nominationPhoto);
      await checkTexts(
        caller.openid,
        [
          ['被推荐人姓名', input.nomineeName],
          ['平台/单位', input.platform],
          ['事迹', input.deeds],
        ],
        3,
      );
      const doc = await addNomination(
        { ...input, campaignId: c._id, nominatorUserId: user._id },
        c.nominationLimit,
        now,
      );
      return toNomination(doc);
    },
  },

  myNominations: {
    access: 'user',
    input: form({ campaignId: id().optional(), ...pageFields }, { campaignId: '评选编号', ...PAGE_LABELS }),
    async run({ caller }, input) {
      const user = requireUser(caller);
      const page = await listByNominator(user._id, input.campaignId, input);
      return { ...page, items: page.items.map(toNomination) };
    },
  },

  listNominations: {
    access: 'admin',
    input: form(
      {
        campaignId: id(),
        status: z.enum(['pending', 'approved', 'rejected']).optional(),
        ...pageFields,
      },
      { campaignId: '评选编号', status: '审核状态', ...PAGE_LABELS },
    ),
    async run({ caller }, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(caller, c.orgId);
      const page = await listForReview(c._id, input.status, input);
      const nominators = await usersByIds(page.items.map((n) => n.nominatorUserId));
      return { ...page, items: page.items.map((n) => adminView(n, nominators.get(n.nominatorUserId))) };
    },
  },

  reviewNomination: {
    access: 'admin',
    input: form(
      { id: id(), approve: z.boolean(), reason: text(200).optional() },
      { id: '推荐编号', approve: '是否通过', reason: '驳回原因' },
    ),
    async run(ctx, input) {
      const n = await requireNomination(input.id);
      const c = await requireCampaign(n.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      if (n.status !== 'pending') throw conflict('这条推荐已经审核过了');
      if (!input.approve && !input.reason) throw invalid('驳回时请填写原因，推荐人可以看到');
      const candidate = input.approve
        ? await createCandidate(
            c,
            {
              category: n.category,
              name: n.nomineeName,
              platform: n.platform,
              deeds: n.deeds,
              photos: n.photos,
              nominationId: n._id,
            },
            ctx.now,
          )
        : null;
      const decision = {
        status: input.approve ? ('approved' as const) : ('rejected' as const),
        rejectReason: input.approve ? '' : (input.reason ?? ''),
        candidateId: candidate?._id ?? null,
        reviewedAt: ctx.now,
      };
      if (!(await decideNomination(n._id, decision))) {
        // Someone reviewed it first: the candidate made for this review goes again.
        if (candidate) await withdraw(candidate._id, ctx.now);
        throw conflict('这条推荐已经审核过了');
      }
      forgetCampaign(c._id);
      await audit(ctx, {
        action: 'reviewNomination',
        targetType: 'nomination',
        targetId: n._id,
        summary: input.approve
          ? `通过推荐：${n.nomineeName}`
          : `驳回推荐：${n.nomineeName}（${decision.rejectReason}）`,
      });
      const nominators = await usersByIds([n.nominatorUserId]);
      return adminView({ ...n, ...decision }, nominators.get(n.nominatorUserId));
    },
  },
} satisfies Handlers<NominationActions>;
