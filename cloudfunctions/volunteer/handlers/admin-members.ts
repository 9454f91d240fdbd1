// Organisers of a member's org (or one above it): review applications (approve,
// reject with a reason, suspend with a reason, reinstate), list members with
// their hours and points, and one member's hours. Every decision is audited.
import * as z from 'zod';
import type { AdminVolunteerMember, VolunteerMemberStatus, VolunteerTeamApi } from '../../../typings/volunteer-team';
import { conflict, invalid, notFound } from '../../_shared/errors';
import type { ActionContext, Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { usersByIds } from '../../_shared/stores/users';
import { form, id, PAGE_LABELS, pageFields, text, withRule } from '../../_shared/validation';
import { STATUS_LABELS } from '../rules/labels';
import { toAdminMember, toHours } from '../rules/views';
import { getMember, type MemberDoc, moveMember, pageMembers } from '../store/members';
import { pageOfUser } from '../store/hours';

const STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const satisfies readonly VolunteerMemberStatus[];

type Decision = 'approve' | 'reject' | 'suspend' | 'reinstate';

const MOVES: Record<Decision, { from: VolunteerMemberStatus; to: VolunteerMemberStatus; verb: string }> = {
  approve: { from: 'pending', to: 'approved', verb: '通过入队申请' },
  reject: { from: 'pending', to: 'rejected', verb: '驳回入队申请' },
  suspend: { from: 'approved', to: 'suspended', verb: '暂停志愿者身份' },
  reinstate: { from: 'suspended', to: 'approved', verb: '恢复志愿者身份' },
};

/** The member, if the caller organises their org. */
async function memberInScope(ctx: ActionContext, userId: string): Promise<MemberDoc> {
  const m = await getMember(userId);
  if (!m) throw notFound('志愿者');
  await requireOrgInScope(ctx.caller, m.orgId);
  return m;
}

async function withBalances(list: MemberDoc[]): Promise<AdminVolunteerMember[]> {
  const users = await usersByIds(list.map((m) => m._id));
  return list.map((m) => toAdminMember(m, users.get(m._id)?.points?.balance ?? 0));
}

type AdminMemberActions = Pick<VolunteerTeamApi, 'reviewMember' | 'listMembers' | 'memberHours'>;

export const adminMemberHandlers = {
  reviewMember: {
    access: 'admin',
    input: withRule(
      form(
        {
          userId: id(),
          decision: z.enum(['approve', 'reject', 'suspend', 'reinstate']),
          reason: text(100, 2).optional(),
        },
        { userId: '志愿者', decision: '审核结果', reason: '原因' },
      ),
      (v) =>
        (v.decision === 'reject' || v.decision === 'suspend') && !v.reason
          ? { field: 'reason', message: '驳回或暂停时请填写原因' }
          : null,
    ),
    async run(ctx, input) {
      const m = await memberInScope(ctx, input.userId);
      const move = MOVES[input.decision];
      const reason = input.decision === 'reject' || input.decision === 'suspend' ? input.reason! : '';
      const moved = await moveMember(m._id, [move.from], move.to, { reason, by: ctx.caller.user!._id }, ctx.now);
      if (!moved) {
        const now = (await getMember(m._id))?.status ?? m.status;
        if (now === move.to) throw conflict(`该志愿者已经是「${STATUS_LABELS[now]}」状态`);
        throw conflict(`该志愿者当前为「${STATUS_LABELS[now]}」，不能${move.verb}`);
      }
      await audit(ctx, {
        action: 'volunteer.reviewMember',
        targetType: 'volunteer_member',
        targetId: m._id,
        summary: `${move.verb}：${m.realName}${reason ? `（${reason}）` : ''}`,
      });
      return (await withBalances([moved]))[0]!;
    },
  },

  listMembers: {
    access: 'admin',
    input: form(
      {
        orgId: id().optional(),
        status: z.enum(STATUSES).optional(),
        keyword: text(30).optional(),
        ...pageFields,
      },
      { orgId: '组织', status: '状态', keyword: '关键词', ...PAGE_LABELS },
    ),
    async run({ caller }, input) {
      if (input.orgId) await requireOrgInScope(caller, input.orgId);
      const orgIds = input.orgId ? [input.orgId] : await orgIdsInScope(caller);
      if (orgIds && !orgIds.length) throw invalid('你还没有管理的组织');
      const page = await pageMembers({ orgIds, status: input.status, keyword: input.keyword }, input);
      return { ...page, items: await withBalances(page.items) };
    },
  },

  memberHours: {
    access: 'admin',
    input: form({ userId: id(), ...pageFields }, { userId: '志愿者', ...PAGE_LABELS }),
    async run(ctx, input) {
      const m = await memberInScope(ctx, input.userId);
      const [member] = await withBalances([m]);
      const records = await pageOfUser(m._id, input);
      return { member: member!, records: { ...records, items: records.items.map(toHours) } };
    },
  },
} satisfies Handlers<AdminMemberActions>;
