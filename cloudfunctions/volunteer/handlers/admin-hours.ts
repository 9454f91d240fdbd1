// Honor hours (荣誉时数) come only from organisers of the member's org: a claim
// (a forgotten check-out, a self-report) approved, or a backfill with evidence —
// each capped at the activity's planned duration (a self-report: its span), with
// a reason, audited, and credited together with its points in one transaction.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { VolunteerTeamApi } from '../../../typings/volunteer-team';
import { conflict, invalid, notFound } from '../../_shared/errors';
import { acceptFiles, downloadUrlsById, FILE_RULES } from '../../_shared/files';
import type { ActionContext, Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import {
  fileId,
  form,
  id,
  inOrder,
  isoDateTime,
  PAGE_LABELS,
  pageFields,
  text,
  withRule,
} from '../../_shared/validation';
import { pointsPerHour } from '../rules/config';
import { minutesOf, pointsFor } from '../rules/hours';
import { claimHoursId } from '../rules/keys';
import { monthOf } from '../rules/months';
import { toAdminClaim, toHours } from '../rules/views';
import { requireActivity } from '../store/activities';
import { getClaim, pageForOrgs } from '../store/claims';
import { creditHours, decideClaim } from '../store/credit';
import { getHours, type HoursDoc, ofUserActivity } from '../store/hours';
import { getMember, membersByIds } from '../store/members';

const HOUR = 3_600_000;
const MAX_EVIDENCE = 9;
/** A backfill without an activity covers at most this span. */
const MAX_BACKFILL_H = 24;

const BACKFILL_LABELS = {
  userId: '志愿者',
  activityId: '志愿活动',
  title: '服务内容',
  startAt: '开始时间',
  endAt: '结束时间',
  minutes: '荣誉时数（分钟）',
  reason: '补录原因',
  evidence: '证明材料',
};

async function reviewable(ctx: ActionContext, claimId: string) {
  const claim = await getClaim(claimId);
  if (!claim) throw notFound('待审核记录');
  await requireOrgInScope(ctx.caller, claim.orgId);
  return claim;
}

/** The id of a backfill: one per member and activity, or per member and span (a double tap adds nothing). */
function backfillId(userId: string, activityId: string | undefined, span: { startAt: Date; endAt: Date }) {
  const basis = activityId ? `a|${activityId}` : `s|${span.startAt.toISOString()}|${span.endAt.toISOString()}`;
  return `bf${createHash('sha256').update(`${userId}|${basis}`).digest('hex').slice(0, 24)}`;
}

type AdminHoursActions = Pick<VolunteerTeamApi, 'listClaims' | 'reviewClaim' | 'addHonorHours'>;

export const adminHoursHandlers = {
  listClaims: {
    access: 'admin',
    input: form(
      {
        orgId: id().optional(),
        kind: z.enum(['missed_checkout', 'service']).optional(),
        state: z.enum(['pending', 'approved', 'rejected']).optional(),
        ...pageFields,
      },
      { orgId: '组织', kind: '类型', state: '状态', ...PAGE_LABELS },
    ),
    async run({ caller }, input) {
      if (input.orgId) await requireOrgInScope(caller, input.orgId);
      const orgIds = input.orgId ? [input.orgId] : await orgIdsInScope(caller);
      const page = await pageForOrgs({ orgIds, kind: input.kind, state: input.state ?? 'pending' }, input);
      const [urls, members] = await Promise.all([
        downloadUrlsById(page.items.flatMap((c) => c.photos)),
        membersByIds(page.items.map((c) => c.userId)),
      ]);
      return { ...page, items: page.items.map((c) => toAdminClaim(c, urls, members.get(c.userId))) };
    },
  },

  reviewClaim: {
    access: 'admin',
    input: withRule(
      form(
        {
          claimId: id(),
          decision: z.enum(['approve', 'reject']),
          minutes: z
            .number()
            .int()
            .min(1)
            .max(24 * 60)
            .optional(),
          reason: text(200, 2),
        },
        { claimId: '待审核记录', decision: '审核结果', minutes: '认定时数（分钟）', reason: '审核意见' },
      ),
      (v) =>
        v.decision === 'approve' && v.minutes === undefined
          ? { field: 'minutes', message: '通过时请填写认定的时数' }
          : null,
    ),
    async run(ctx, input) {
      const claim = await reviewable(ctx, input.claimId);
      if (claim.state !== 'pending') throw conflict('这条记录已经审核过了');
      const approve = input.decision === 'approve';
      const minutes = approve ? input.minutes! : 0;
      if (minutes > claim.maxMinutes)
        throw invalid(
          `输入有误「认定时数（分钟）」：不能超过 ${claim.maxMinutes} 分钟（活动计划时长或上报的服务时段）`,
        );
      const by = ctx.caller.user!._id;
      const hours: HoursDoc | null = approve
        ? {
            _id: claimHoursId(claim._id),
            userId: claim.userId,
            kind: 'honor',
            source: claim.kind === 'service' ? 'service' : 'claim',
            minutes,
            activityId: claim.activityId,
            title: claim.title,
            startAt: claim.startAt,
            endAt: claim.endAt,
            month: monthOf(claim.startAt),
            reason: input.reason,
            orgId: claim.orgId,
            orgName: claim.orgName,
            orgPath: claim.orgPath,
            points: pointsFor(minutes, pointsPerHour()),
            evidence: claim.photos,
            grantedBy: by,
            createdAt: ctx.now,
          }
        : null;
      const decided = await decideClaim(
        claim._id,
        {
          state: approve ? 'approved' : 'rejected',
          grantedMinutes: minutes,
          reviewReason: input.reason,
          reviewedBy: by,
        },
        hours,
        ctx.now,
      );
      await audit(ctx, {
        action: 'volunteer.reviewClaim',
        targetType: 'volunteer_claim',
        targetId: claim._id,
        summary: `${approve ? `认定荣誉时数 ${minutes} 分钟` : '驳回'}「${claim.title}」：${input.reason}`,
      });
      const [urls, members] = await Promise.all([downloadUrlsById(decided.photos), membersByIds([decided.userId])]);
      return toAdminClaim(decided, urls, members.get(decided.userId));
    },
  },

  addHonorHours: {
    access: 'admin',
    input: withRule(
      form(
        {
          userId: id(),
          activityId: id().optional(),
          title: text(40, 2).optional(),
          startAt: isoDateTime().optional(),
          endAt: isoDateTime().optional(),
          minutes: z
            .number()
            .int()
            .min(1)
            .max(MAX_BACKFILL_H * 60),
          reason: text(200, 2),
          evidence: z.array(fileId()).min(1, '请上传证明材料').max(MAX_EVIDENCE, `最多上传 ${MAX_EVIDENCE} 个文件`),
        },
        BACKFILL_LABELS,
      ),
      (v) => {
        if (v.activityId)
          return v.title || v.startAt || v.endAt
            ? { field: 'activityId', message: '选择了活动就不需要再填写服务内容和时段' }
            : null;
        if (!v.title) return { field: 'title', message: '请选择活动，或填写服务内容' };
        if (!v.startAt) return { field: 'startAt', message: '请填写服务的开始时间' };
        if (!v.endAt) return { field: 'endAt', message: '请填写服务的结束时间' };
        const order = inOrder(['startAt', 'endAt'], BACKFILL_LABELS)(v);
        if (order) return order;
        if (Date.parse(v.endAt) - Date.parse(v.startAt) > MAX_BACKFILL_H * HOUR)
          return { field: 'endAt', message: `一次补录最长 ${MAX_BACKFILL_H} 小时` };
        return null;
      },
    ),
    async run(ctx, input) {
      const member = await getMember(input.userId);
      if (!member) throw notFound('志愿者');
      await requireOrgInScope(ctx.caller, member.orgId);
      if (member.status === 'pending' || member.status === 'rejected')
        throw conflict('只能为已通过审核的志愿者补录时数');
      const activity = input.activityId ? await requireActivity(input.activityId) : null;
      if (activity) await requireOrgInScope(ctx.caller, activity.orgId);
      const span = activity
        ? { startAt: activity.startAt, endAt: activity.endAt }
        : { startAt: new Date(input.startAt!), endAt: new Date(input.endAt!) };
      if (span.endAt > ctx.now) throw invalid('补录只适用于已经结束的服务');
      const cap = activity ? activity.plannedMinutes : minutesOf(span);
      if (input.minutes > cap)
        throw invalid(
          `输入有误「荣誉时数（分钟）」：不能超过 ${cap} 分钟（${activity ? '活动计划时长' : '服务时段'}）`,
        );
      if (activity && (await ofUserActivity(member._id, activity._id)))
        throw conflict('该志愿者在这场活动已有时数记录，不能重复补录');
      await acceptFiles(ctx.caller, input.evidence, FILE_RULES.volunteerPhoto);
      const org = activity ?? member;
      const doc: HoursDoc = {
        _id: backfillId(member._id, activity?._id, span),
        userId: member._id,
        kind: 'honor',
        source: 'backfill',
        minutes: input.minutes,
        activityId: activity?._id ?? null,
        title: activity?.title ?? input.title!,
        ...span,
        month: monthOf(span.startAt),
        reason: input.reason,
        orgId: org.orgId,
        orgName: org.orgName,
        orgPath: org.orgPath,
        points: pointsFor(input.minutes, pointsPerHour()),
        evidence: input.evidence,
        grantedBy: ctx.caller.user!._id,
        createdAt: ctx.now,
      };
      if (!(await creditHours(doc, ctx.now))) throw conflict('这段服务已经补录过了');
      await audit(ctx, {
        action: 'volunteer.addHonorHours',
        targetType: 'volunteer_hours',
        targetId: doc._id,
        summary: `为${member.realName}补录荣誉时数 ${input.minutes} 分钟「${doc.title}」：${input.reason}`,
      });
      return toHours((await getHours(doc._id)) ?? doc);
    },
  },
} satisfies Handlers<AdminHoursActions>;
