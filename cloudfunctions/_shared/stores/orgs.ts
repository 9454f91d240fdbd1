// The orgs collection: the organisation tree (district → committees and streets →
// branches and service stations). Each org stores its ancestors, so a sub-tree is
// one query.
import type { Org } from '../../../typings/org';
import { COLLECTIONS } from '../collections';
import { cmd, collection, docsByIds, findDocs, getDoc, type Transaction } from '../db';
import { notFound } from '../errors';

export interface OrgDoc extends Omit<Org, 'id'> {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
}

const orgs = () => collection(COLLECTIONS.orgs);

export function findOrg(id: string): Promise<OrgDoc | null> {
  return getDoc<OrgDoc>(COLLECTIONS.orgs, id);
}

export async function requireOrg(id: string): Promise<OrgDoc> {
  const org = await findOrg(id);
  if (!org) throw notFound('组织');
  return org;
}

export function allOrgs(): Promise<OrgDoc[]> {
  return findDocs<OrgDoc>(COLLECTIONS.orgs, {});
}

export async function orgNames(ids: string[]): Promise<Map<string, string>> {
  const list = await docsByIds<OrgDoc>(COLLECTIONS.orgs, ids);
  return new Map(list.map((o) => [o._id, o.name]));
}

/** The org and every org below it. */
export async function subtreeIds(orgId: string): Promise<string[]> {
  const { data } = await orgs().where({ ancestors: orgId }).field({ _id: true }).limit(1000).get();
  return [orgId, ...(data as { _id: string }[]).map((o) => o._id)];
}

/** The given orgs and everything below them. */
export async function subtreesOf(rootIds: string[]): Promise<string[]> {
  if (!rootIds.length) return [];
  const _ = cmd();
  const { data } = await orgs()
    .where(_.or([{ _id: _.in(rootIds) }, { ancestors: _.in(rootIds) }]))
    .field({ _id: true })
    .limit(1000)
    .get();
  return (data as { _id: string }[]).map((o) => o._id);
}

/** Whether any of these orgs is a district committee. */
export async function includesDistrict(ids: string[]): Promise<boolean> {
  if (!ids.length) return false;
  return (await findDocs<OrgDoc>(COLLECTIONS.orgs, { _id: cmd().in(ids), type: 'district' }, 1)).length > 0;
}

export interface OrgFields {
  name: string;
  type: Org['type'];
  sort: number;
}

export async function createOrg(
  fields: OrgFields,
  parent: { parentId: string | null; ancestors: string[] },
  now: Date,
): Promise<OrgDoc> {
  const doc = { ...fields, ...parent, createdAt: now, updatedAt: now };
  const { id } = (await orgs().add(doc)) as { id: string };
  return { _id: id, ...doc };
}

export async function updateOrg(id: string, fields: OrgFields, now: Date): Promise<void> {
  await orgs()
    .doc(id)
    .update({ ...fields, updatedAt: now });
}

/** An org with a chosen id, inside the caller's transaction (a station and its record are made together). */
export async function createOrgIn(
  t: Transaction,
  id: string,
  fields: OrgFields,
  parent: { parentId: string | null; ancestors: string[] },
  now: Date,
): Promise<void> {
  await t.collection(COLLECTIONS.orgs).add({ _id: id, ...fields, ...parent, createdAt: now, updatedAt: now });
}

export async function renameOrgIn(
  t: Transaction,
  id: string,
  fields: Pick<OrgFields, 'name' | 'sort'>,
  now: Date,
): Promise<void> {
  await t
    .collection(COLLECTIONS.orgs)
    .doc(id)
    .update({ ...fields, updatedAt: now });
}

export async function removeOrgIn(t: Transaction, id: string): Promise<void> {
  await t.collection(COLLECTIONS.orgs).doc(id).remove();
}

export async function countChildren(orgId: string): Promise<number> {
  return (await orgs().where({ parentId: orgId }).count()).total;
}

export async function removeOrg(orgId: string): Promise<void> {
  await orgs().doc(orgId).remove();
}

export function toOrg(doc: OrgDoc): Org {
  return {
    id: doc._id,
    name: doc.name,
    type: doc.type,
    parentId: doc.parentId,
    ancestors: doc.ancestors,
    sort: doc.sort,
  };
}
