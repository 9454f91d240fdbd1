// Nominations: anyone signed in may nominate (self, someone else, or as the
// employer), within the nomination window and a per-nominator limit; organisers
// review them into candidates with a public number.
import { createHash } from 'node:crypto';
import type { CampaignApi, NominationAdminView } from '../../typings/campaign';
import { audit } from '../_shared/audit';
import { requireUser } from '../_shared/caller';
import { checkTexts } from '../_shared/content-check';
import { COLLECTIONS } from '../_shared/collections';
import { AppError, conflict, invalid, isDuplicateKey, notFound } from '../_shared/errors';
import type { Handlers } from '../_shared/function';
import { requireOrgInScope } from '../_shared/orgs';
import { fetchPage } from '../_shared/paging';
import { db } from '../_shared/sdk';
import type { UserDoc } from '../_shared/users';
import { chinaMobile, fileId, id, pageFields, text, z } from '../_shared/validation';
import { forgetCampaign } from './cache';
import { type CampaignDoc, type NominationDoc, toNomination } from './docs';
import { createCandidate } from './candidates';
import { requireCampaign } from './public';
import { phaseOf } from './rules';

/** Slot k of a nominator in a campaign: a short stable id (ids are at most 64 characters). */
function nominationSlotId(campaignId: string, userId: string, k: number): string {
  return `n${createHash('sha1').update(`${campaignId}:${userId}`).digest('hex').slice(0, 24)}-${k}`;
}

async function requireNomination(nominationId: string): Promise<NominationDoc> {
  const n = (await db().collection(COLLECTIONS.nominations).doc(nominationId).get()).data[0] as
    NominationDoc | undefined;
  if (!n) throw notFound('推荐');
  return n;
}

function adminView(n: NominationDoc, nominator: UserDoc | undefined): NominationAdminView {
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
    input: z.strictObject({
      campaignId: id(),
      category: text(20, 1),
      relation: z.enum(['self', 'other', 'employer']),
      nomineeName: text(20, 2),
      platform: text(40, 1),
      phone: chinaMobile(),
      deeds: text(2000, 20),
      photos: z.array(fileId()).max(6, '最多上传 6 张照片'),
    }),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      const c = await requireCampaign(input.campaignId);
      if (phaseOf(c.phases, c.announced, now).phase !== 'nomination')
        throw new AppError('CLOSED', '现在不在推荐时间内');
      if (!c.categories.some((k) => k.key === input.category)) throw invalid('请选择有效的评选类别');
      await checkTexts(
        caller.openid,
        [
          ['姓名', input.nomineeName],
          ['平台/单位', input.platform],
          ['事迹', input.deeds],
        ],
        3,
      );
      // One slot per allowed nomination: the unique _id makes the limit exact under concurrency.
      const coll = db().collection(COLLECTIONS.nominations);
      for (let attempt = 0; attempt < 3; attempt++) {
        const { total } = await coll.where({ campaignId: c._id, nominatorUserId: user._id }).count();
        if (total >= c.nominationLimit) throw new AppError('LIMIT_REACHED', `每人最多推荐 ${c.nominationLimit} 人`);
        const doc: NominationDoc = {
          _id: nominationSlotId(c._id, user._id, total + 1),
          campaignId: c._id,
          category: input.category,
          relation: input.relation,
          nominatorUserId: user._id,
          nomineeName: input.nomineeName,
          platform: input.platform,
          phone: input.phone,
          deeds: input.deeds,
          photos: input.photos,
          status: 'pending',
          rejectReason: '',
          candidateId: null,
          createdAt: now,
          reviewedAt: null,
        };
        try {
          await coll.add(doc);
          return toNomination(doc);
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
      }
      throw new AppError('CONFLICT', '提交的人太多了，请稍后再试');
    },
  },

  myNominations: {
    access: 'user',
    input: z.strictObject({ campaignId: id().optional(), ...pageFields }),
    async run({ caller }, input) {
      const user = requireUser(caller);
      const where: Record<string, unknown> = { nominatorUserId: user._id };
      if (input.campaignId) where.campaignId = input.campaignId;
      return fetchPage(
        db().collection(COLLECTIONS.nominations).where(where),
        [['createdAt', 'desc']],
        input,
        toNomination,
      );
    },
  },

  listNominations: {
    access: 'admin',
    input: z.strictObject({
      campaignId: id(),
      status: z.enum(['pending', 'approved', 'rejected']).optional(),
      ...pageFields,
    }),
    async run({ caller }, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(caller, c.orgId);
      const where: Record<string, unknown> = { campaignId: c._id };
      if (input.status) where.status = input.status;
      const page = await fetchPage(
        db().collection(COLLECTIONS.nominations).where(where),
        [['createdAt', 'asc']],
        input,
        (n: NominationDoc) => n,
      );
      const ids = [...new Set(page.items.map((n) => n.nominatorUserId))];
      const users = ids.length
        ? ((
            await db()
              .collection(COLLECTIONS.users)
              .where({ _id: db().command.in(ids) })
              .limit(100)
              .get()
          ).data as UserDoc[])
        : [];
      const byId = new Map(users.map((u) => [u._id, u]));
      return { ...page, items: page.items.map((n) => adminView(n, byId.get(n.nominatorUserId))) };
    },
  },

  reviewNomination: {
    access: 'admin',
    input: z.strictObject({ id: id(), approve: z.boolean(), reason: text(200).optional() }),
    async run(ctx, input) {
      const n = await requireNomination(input.id);
      const c: CampaignDoc = await requireCampaign(n.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      if (n.status !== 'pending') throw conflict('这条推荐已经审核过了');
      if (!input.approve && !input.reason) throw invalid('驳回时请填写原因，推荐人可以看到');
      let candidateId: string | null = null;
      if (input.approve) {
        const cand = await createCandidate(
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
        );
        candidateId = cand._id;
      }
      const patch = {
        status: input.approve ? ('approved' as const) : ('rejected' as const),
        rejectReason: input.approve ? '' : (input.reason ?? ''),
        candidateId,
        reviewedAt: ctx.now,
      };
      const { updated } = await db()
        .collection(COLLECTIONS.nominations)
        .where({ _id: n._id, status: 'pending' })
        .update(patch);
      if (!updated) {
        if (candidateId)
          await db()
            .collection(COLLECTIONS.candidates)
            .doc(candidateId)
            .update({ status: 'withdrawn', updatedAt: ctx.now });
        throw conflict('这条推荐已经审核过了');
      }
      forgetCampaign(c._id);
      await audit(ctx, {
        action: 'reviewNomination',
        targetType: 'nomination',
        targetId: n._id,
        summary: input.approve ? `通过推荐：${n.nomineeName}` : `驳回推荐：${n.nomineeName}（${patch.rejectReason}）`,
      });
      const nominator = (await db().collection(COLLECTIONS.users).doc(n.nominatorUserId).get()).data[0] as
        UserDoc | undefined;
      return adminView({ ...n, ...patch }, nominator);
    },
  },
} satisfies Handlers<NominationActions>;
