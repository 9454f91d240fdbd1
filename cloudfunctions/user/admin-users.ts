// Admin work on users: finding them, granting admin roles, verifying declared
// party members. Scope is checked on the server for every target.
import type { UserApi } from '../../typings/user';
import { audit } from '../_shared/audit';
import type { Caller } from '../_shared/caller';
import { COLLECTIONS } from '../_shared/collections';
import { conflict, forbidden, invalid, notFound } from '../_shared/errors';
import type { Handlers } from '../_shared/function';
import { requireOrg, requireOrgInScope } from '../_shared/orgs';
import { fetchPage } from '../_shared/paging';
import { escapeRegExp } from '../_shared/regexp';
import { db } from '../_shared/sdk';
import { superadminOpenids, type UserDoc } from '../_shared/users';
import { id, pageFields, text, z } from '../_shared/validation';
import { toAdminView } from './views';

type StoredWorker = NonNullable<UserDoc['worker']> & { orgPath?: string[] };

/** Whether the user's registered org lies in the caller's admin scope. */
export function userInScope(caller: Caller, user: UserDoc): boolean {
  if (caller.isSuperadmin) return true;
  const path = (user.worker as StoredWorker | null)?.orgPath ?? [];
  return (caller.user?.adminOrgIds ?? []).some((orgId) => path.includes(orgId));
}

async function requireActiveUser(userId: string): Promise<UserDoc> {
  const { data } = await db().collection(COLLECTIONS.users).doc(userId).get();
  const user = data[0] as UserDoc | undefined;
  if (!user || user.status !== 'active') throw notFound('用户');
  return user;
}

type AdminUserActions = Pick<UserApi, 'listUsers' | 'setRoles' | 'verifyMember' | 'listAuditLogs'>;

export const adminUserHandlers = {
  listUsers: {
    access: 'admin',
    input: z.strictObject({
      keyword: text(30).optional(),
      occupation: z.enum(['courier', 'food_delivery', 'ride_hailing', 'truck_driver', 'streamer', 'other']).optional(),
      orgId: id().optional(),
      hasRole: z.enum(['worker', 'member', 'admin', 'superadmin']).optional(),
      memberStatus: z.enum(['none', 'pending', 'verified', 'rejected']).optional(),
      ...pageFields,
    }),
    async run({ caller }, input) {
      // Anyone may be found (masked outside scope), but filtering by an org is a look inside it.
      if (input.orgId) await requireOrgInScope(caller, input.orgId);
      const _ = db().command;
      const clauses: object[] = [{ status: 'active' }];
      if (input.occupation) clauses.push({ 'worker.occupation': input.occupation });
      if (input.orgId) clauses.push({ 'worker.orgPath': input.orgId });
      if (input.memberStatus) clauses.push({ memberStatus: input.memberStatus });
      if (input.hasRole === 'worker') clauses.push({ worker: _.neq(null) });
      if (input.hasRole === 'member') clauses.push({ memberStatus: 'verified' });
      if (input.hasRole === 'admin') clauses.push({ 'adminOrgIds.0': _.exists(true) });
      if (input.hasRole === 'superadmin') clauses.push({ openid: _.in([...superadminOpenids()]) });
      if (input.keyword) {
        const re = db().RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' });
        const or: object[] = [{ nickname: re }, { 'worker.realName': re }];
        if (/^1\d{10}$/.test(input.keyword)) or.push({ 'worker.phone': input.keyword });
        clauses.push(_.or(or));
      }
      const query = db().collection(COLLECTIONS.users).where(_.and(clauses));
      const [page, count] = await Promise.all([
        fetchPage(query, [['createdAt', 'desc']], input, (u: UserDoc) => u),
        query.count(),
      ]);
      const superadmins = superadminOpenids();
      return {
        ...page,
        items: page.items.map((u) => toAdminView(u, userInScope(caller, u), superadmins)),
        total: count.total,
      };
    },
  },

  setRoles: {
    access: 'superadmin',
    input: z.strictObject({ userId: id(), admin: z.boolean(), adminOrgIds: z.array(id()).max(20) }),
    async run(ctx, input) {
      if (input.admin && input.adminOrgIds.length === 0) throw invalid('请选择该管理员负责的组织');
      const user = await requireActiveUser(input.userId);
      const orgs = await Promise.all(input.adminOrgIds.map(requireOrg));
      const adminOrgIds = input.admin ? [...new Set(orgs.map((o) => o._id))] : [];
      await db().collection(COLLECTIONS.users).doc(user._id).update({ adminOrgIds, updatedAt: ctx.now });
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
    input: z.strictObject({ userId: id(), approve: z.boolean(), reason: text(100).optional() }),
    async run(ctx, input) {
      const user = await requireActiveUser(input.userId);
      if (!userInScope(ctx.caller, user)) throw forbidden('该用户不在你的管理范围内');
      if (!user.worker?.isPartyMember) throw conflict('该用户没有申报党员身份');
      if (user.memberStatus !== 'pending') throw conflict('该党员身份申报已经处理过了');
      if (!input.approve && !input.reason) throw invalid('驳回时请填写原因，方便申报人修改');
      const memberStatus = input.approve ? 'verified' : 'rejected';
      const memberRejectReason = input.approve ? '' : (input.reason ?? '');
      // Guarded write: two admins reviewing at once cannot both decide.
      const { updated } = await db()
        .collection(COLLECTIONS.users)
        .where({ _id: user._id, memberStatus: 'pending' })
        .update({ memberStatus, memberRejectReason, updatedAt: ctx.now });
      if (!updated) throw conflict('该党员身份申报已经处理过了');
      await audit(ctx, {
        action: 'verifyMember',
        targetType: 'user',
        targetId: user._id,
        summary: input.approve ? '认证党员身份' : `驳回党员身份申报：${memberRejectReason}`,
      });
      return toAdminView({ ...user, memberStatus, memberRejectReason }, true, superadminOpenids());
    },
  },

  listAuditLogs: {
    access: 'superadmin',
    input: z.strictObject({ targetType: text(20).optional(), ...pageFields }),
    async run(_ctx, input) {
      const where = input.targetType ? { targetType: input.targetType } : {};
      return fetchPage(
        db().collection(COLLECTIONS.auditLogs).where(where),
        [['createdAt', 'desc']],
        input,
        (d: { _id: string; createdAt: Date } & Record<string, string>) => ({
          id: d._id,
          actorUserId: d.actorUserId ?? '',
          actorName: d.actorName ?? '',
          action: d.action ?? '',
          targetType: d.targetType ?? '',
          targetId: d.targetId ?? '',
          summary: d.summary ?? '',
          createdAt: new Date(d.createdAt).toISOString(),
        }),
      );
    },
  },
} satisfies Handlers<AdminUserActions>;
