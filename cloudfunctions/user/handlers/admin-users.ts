// Admin work on users: finding them, granting admin roles, verifying declared
// party members. Scope is checked on the server for every target.
import type { UserApi } from '../../../typings/user';
import { conflict, forbidden, invalid } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { recordStats } from '../../_shared/stores/daily-stats';
import { superadminOpenids } from '../../_shared/roles';
import { pathInScope, requireOrgInScope } from '../../_shared/scope';
import { audit, listAuditLogs } from '../../_shared/stores/audit';
import { requireOrg } from '../../_shared/stores/orgs';
import { decideMember, listUsers, requireActiveUser, setAdminOrgs } from '../../_shared/stores/users';
import * as z from 'zod';
import { form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { memberContributions } from '../rules/stats';
import { toAdminView } from '../rules/views';

type AdminUserActions = Pick<UserApi, 'listUsers' | 'setRoles' | 'verifyMember' | 'listAuditLogs'>;

export const adminUserHandlers = {
  listUsers: {
    access: 'admin',
    input: form(
      {
        keyword: text(30).optional(),
        occupation: z
          .enum(['courier', 'food_delivery', 'ride_hailing', 'truck_driver', 'streamer', 'other'])
          .optional(),
        orgId: id().optional(),
        hasRole: z.enum(['worker', 'member', 'admin', 'superadmin']).optional(),
        memberStatus: z.enum(['none', 'pending', 'verified', 'rejected']).optional(),
        ...pageFields,
      },
      {
        keyword: '关键词',
        occupation: '职业',
        orgId: '所属组织',
        hasRole: '角色',
        memberStatus: '党员认证状态',
        ...PAGE_LABELS,
      },
    ),
    async run({ caller }, input) {
      // Anyone may be found (masked outside scope), but filtering by an org is a look inside it.
      if (input.orgId) await requireOrgInScope(caller, input.orgId);
      const superadmins = superadminOpenids();
      const { page, pageSize, ...filter } = input;
      const found = await listUsers({ ...filter, superadminOpenids: [...superadmins] }, { page, pageSize });
      return {
        ...found,
        items: found.items.map((u) => toAdminView(u, pathInScope(caller, u.worker?.orgPath ?? []), superadmins)),
      };
    },
  },

  setRoles: {
    access: 'superadmin',
    input: form(
      { userId: id(), admin: z.boolean(), adminOrgIds: z.array(id()).max(20) },
      { userId: '用户编号', admin: '是否管理员', adminOrgIds: '负责的组织' },
    ),
    async run(ctx, input) {
      if (input.admin && input.adminOrgIds.length === 0) throw invalid('请选择该管理员负责的组织');
      const user = await requireActiveUser(input.userId);
      const orgs = await Promise.all(input.adminOrgIds.map(requireOrg));
      const adminOrgIds = input.admin ? [...new Set(orgs.map((o) => o._id))] : [];
      await setAdminOrgs(user._id, adminOrgIds, ctx.now);
      await audit(ctx, {
        action: 'setRoles',
        targetType: 'user',
        targetId: user._id,
        summary: input.admin ? `设为管理员：${orgs.map((o) => o.name).join('、')}` : '撤销管理员',
      });
      return toAdminView({ ...user, adminOrgIds }, true, superadminOpenids());
    },
  },

  verifyMember: {
    access: 'admin',
    input: form(
      { userId: id(), approve: z.boolean(), reason: text(100).optional() },
      { userId: '用户编号', approve: '是否通过', reason: '驳回原因' },
    ),
    async run(ctx, input) {
      const user = await requireActiveUser(input.userId);
      if (!pathInScope(ctx.caller, user.worker?.orgPath ?? [])) throw forbidden('该用户不在你的管理范围内');
      if (!user.worker?.isPartyMember) throw conflict('该用户没有申报党员身份');
      if (user.memberStatus !== 'pending') throw conflict('该党员身份申报已经处理过了');
      if (!input.approve && !input.reason) throw invalid('驳回时请填写原因，方便申报人修改');
      const decision = {
        memberStatus: input.approve ? ('verified' as const) : ('rejected' as const),
        memberRejectReason: input.approve ? '' : (input.reason ?? ''),
        ...(input.approve ? { memberVerifiedAt: ctx.now } : {}),
      };
      // Guarded write: two admins reviewing at once cannot both decide.
      if (!(await decideMember(user._id, decision, ctx.now))) throw conflict('该党员身份申报已经处理过了');
      await recordStats(memberContributions(user), memberContributions({ ...user, ...decision }), ctx.now);
      await audit(ctx, {
        action: 'verifyMember',
        targetType: 'user',
        targetId: user._id,
        summary: input.approve ? '认证党员身份' : `驳回党员身份申报：${decision.memberRejectReason}`,
      });
      return toAdminView({ ...user, ...decision }, true, superadminOpenids());
    },
  },

  listAuditLogs: {
    access: 'superadmin',
    input: form({ targetType: text(20).optional(), ...pageFields }, { targetType: '对象类型', ...PAGE_LABELS }),
    run: (_ctx, input) => listAuditLogs(input.targetType, input),
  },
} satisfies Handlers<AdminUserActions>;
