// Who may read and act on a case. Its raiser: their own case only. Its
// organisers: admins of the case's current org or of an org above it, and
// superadmins (_shared/scope.ts) — an organiser of another district is refused.
import type { Caller } from '../../caller';
import { AppError, forbidden, notFound } from '../../errors';
import { orgInScope } from '../../scope';
import { type CaseDoc, getCase } from '../../stores/cases';
import { KIND_NAMES } from './config';

export async function requireCase(id: string): Promise<CaseDoc> {
  const c = await getCase(id);
  if (!c) throw notFound('诉求或随手拍');
  return c;
}

export const kindName = (c: Pick<CaseDoc, 'kind'>) => KIND_NAMES[c.kind];

/** Whether the caller organises the case (administers its org or an org above it). */
export function organises(caller: Caller, c: Pick<CaseDoc, 'orgId' | 'orgPath'>): boolean {
  return orgInScope(caller, { _id: c.orgId, ancestors: c.orgPath.slice(0, -1) });
}

export function requireOrganiser(caller: Caller, c: CaseDoc): void {
  if (!organises(caller, c)) throw forbidden(`这件${kindName(c)}不在你的管理范围内`);
}

export function userIdOf(caller: Caller): string {
  if (!caller.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  return caller.user._id;
}

/** Throws FORBIDDEN unless the caller raised the case. */
export function requireRaiser(caller: Caller, c: CaseDoc): void {
  if (!c.raiser || c.raiser.userId !== userIdOf(caller)) throw forbidden(`只能查看和操作自己提交的${kindName(c)}`);
}

/** The organiser's display name in audit entries. */
export const actorOf = (caller: Caller) => caller.user?._id ?? '';
