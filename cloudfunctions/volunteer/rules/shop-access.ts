// Who organises goods and their orders: admins of the goods' org or of one above it
// (the org sub-tree of _shared/scope.ts). Another district's organiser is refused.
import type { Caller } from '../../_shared/caller';
import { forbidden } from '../../_shared/errors';
import { orgInScope } from '../../_shared/scope';

/** Goods or an order: the org that hands them out, with its ancestors and itself. */
export interface OrgOwned {
  orgId: string;
  orgPath: string[];
}

export const organises = (caller: Caller, x: OrgOwned) => orgInScope(caller, { _id: x.orgId, ancestors: x.orgPath });

export function requireOrganiser(caller: Caller, x: OrgOwned, what = '这件商品'): void {
  if (!organises(caller, x)) throw forbidden(`${what}不在你的管理范围内`);
}

/** The organiser's name as orders and audits record it. */
export const organiserName = (caller: Caller) => caller.user?.worker?.realName || caller.user?.nickname || '管理员';
