// Organisations and admin scope: an admin of an org administers its whole sub-tree.
import type { Org } from '../../typings/org';
import type { Caller } from './caller';
import { COLLECTIONS } from './collections';
import { forbidden, notFound } from './errors';
import { db } from './sdk';

export interface OrgDoc extends Omit<Org, 'id'> {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function findOrg(id: string): Promise<OrgDoc | null> {
  const { data } = await db().collection(COLLECTIONS.orgs).doc(id).get();
  return (data[0] as OrgDoc | undefined) ?? null;
}

export async function requireOrg(id: string): Promise<OrgDoc> {
  const org = await findOrg(id);
  if (!org) throw notFound('组织');
  return org;
}

/** Whether the caller administers this org (directly or through an ancestor). */
export function orgInScope(caller: Caller, org: Pick<OrgDoc, '_id' | 'ancestors'>): boolean {
  if (caller.isSuperadmin) return true;
  const mine = caller.user?.adminOrgIds ?? [];
  return mine.some((id) => id === org._id || org.ancestors.includes(id));
}

/** Loads the org and throws FORBIDDEN unless it is in the caller's scope. */
export async function requireOrgInScope(caller: Caller, orgId: string): Promise<OrgDoc> {
  const org = await requireOrg(orgId);
  if (!orgInScope(caller, org)) throw forbidden('该组织不在你的管理范围内');
  return org;
}

export function toOrg(doc: OrgDoc): Org {
  return {
    id: doc._id,
    name: doc.name,
    type: doc.type,
    parentId: doc.parentId,
    ancestors: doc.ancestors,
    ...(doc.station ? { station: doc.station } : {}),
    sort: doc.sort,
  };
}

/** Every org the caller administers (sub-trees included); null for a superadmin (no limit). */
export async function orgIdsInScope(caller: Caller): Promise<string[] | null> {
  if (caller.isSuperadmin) return null;
  const mine = caller.user?.adminOrgIds ?? [];
  if (!mine.length) return [];
  const _ = db().command;
  const { data } = await db()
    .collection(COLLECTIONS.orgs)
    .where(_.or([{ _id: _.in(mine) }, { ancestors: _.in(mine) }]))
    .field({ _id: true })
    .limit(1000)
    .get();
  return (data as { _id: string }[]).map((o) => o._id);
}
