// The orgs collection: the organisation tree (district → committees and streets →
// branches and service stations). Each org stores its ancestors, so a sub-tree is
// one query.
import type { Org, StationInfo } from '../../../typings/org';
import { COLLECTIONS } from '../collections';
import { cmd, collection, containsText, docsByIds, findDocs, getDoc } from '../db';
import { notFound } from '../errors';
import { fetchPage, type PageArgs } from '../paging';

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

export function listStations(keyword: string | undefined, page: PageArgs) {
  const _ = cmd();
  const where = keyword
    ? _.and([
        { type: 'station' },
        _.or([{ name: containsText(keyword) }, { 'station.address': containsText(keyword) }]),
      ])
    : { type: 'station' };
  return fetchPage(orgs().where(where), [['sort', 'asc']], page, (d: OrgDoc) => d);
}

export interface OrgFields {
  name: string;
  type: Org['type'];
  sort: number;
  station?: StationInfo;
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
  const _ = cmd();
  await orgs()
    .doc(id)
    .update({ ...fields, station: fields.station ? _.set(fields.station) : _.remove(), updatedAt: now });
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
    ...(doc.station ? { station: doc.station } : {}),
    sort: doc.sort,
  };
}
