// The campaigns collection: one "Most Beautiful New Workers" selection each, with
// its phases, voting rules, result rule, public-number sequences and, once
// announced, its results.
import type { CampaignCategory, CampaignPhases, ResultEntry, ResultRule, VotingRules } from '../../../typings/campaign';
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, docsByIds, findDocs, getDoc, getDocIn, type Transaction } from '../../_shared/db';
import { notFound } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';

export interface CampaignDoc {
  _id: string;
  title: string;
  coverFileId: string;
  rules: string;
  categories: CampaignCategory[];
  phases: CampaignPhases;
  voting: VotingRules;
  result: ResultRule;
  nominationLimit: number;
  orgId: string;
  /** Next public number per category key. */
  seq: Record<string, number>;
  announced: boolean;
  announcedAt: Date | null;
  results: { category: string; entries: ResultEntry[] }[] | null;
  createdAt: Date;
  updatedAt: Date;
}
export type CampaignFields = Pick<
  CampaignDoc,
  | 'title'
  | 'coverFileId'
  | 'rules'
  | 'categories'
  | 'phases'
  | 'voting'
  | 'result'
  | 'nominationLimit'
  | 'orgId'
  | 'updatedAt'
>;

const campaigns = () => collection(COLLECTIONS.campaigns);

export function findCampaign(campaignId: string): Promise<CampaignDoc | null> {
  return getDoc<CampaignDoc>(COLLECTIONS.campaigns, campaignId);
}

export async function requireCampaign(campaignId: string): Promise<CampaignDoc> {
  const c = await findCampaign(campaignId);
  if (!c) throw notFound('评选活动');
  return c;
}

export async function campaignsByIds(ids: string[]): Promise<Map<string, CampaignDoc>> {
  const list = await docsByIds<CampaignDoc>(COLLECTIONS.campaigns, ids);
  return new Map(list.map((c) => [c._id, c]));
}

/** Newest voting first. */
export function listCampaigns(page: PageArgs) {
  return fetchPage(campaigns().where({}), [['phases.votingStart', 'desc']], page, (d: CampaignDoc) => d);
}

/** Campaigns whose voting has started and ended no earlier than `since` (the recount's work). */
export function campaignsVotingSince(since: Date, now: Date): Promise<CampaignDoc[]> {
  const _ = cmd();
  return findDocs<CampaignDoc>(
    COLLECTIONS.campaigns,
    { 'phases.votingEnd': _.gte(since.toISOString()), 'phases.votingStart': _.lte(now.toISOString()) },
    100,
  );
}

export async function createCampaign(fields: CampaignFields, now: Date): Promise<CampaignDoc> {
  const doc = { ...fields, seq: {}, announced: false, announcedAt: null, results: null, createdAt: now };
  const { id } = (await campaigns().add(doc)) as { id: string };
  return { _id: id, ...doc };
}

export async function updateCampaign(campaignId: string, fields: CampaignFields): Promise<void> {
  const _ = cmd();
  await campaigns()
    .doc(campaignId)
    .update({
      ...fields,
      categories: _.set(fields.categories),
      phases: _.set(fields.phases),
      voting: _.set(fields.voting),
      result: _.set(fields.result),
    });
}

/** Stores the results once; false when someone announced first. */
export async function markAnnounced(
  campaignId: string,
  results: NonNullable<CampaignDoc['results']>,
  now: Date,
): Promise<boolean> {
  const { updated } = await campaigns()
    .where({ _id: campaignId, announced: false })
    .update({ announced: true, announcedAt: now, results, updatedAt: now });
  return updated === 1;
}

/** The next public sequence number of a category, inside the caller's transaction. */
export async function nextSeqIn(t: Transaction, campaignId: string, category: string, now: Date): Promise<number> {
  const fresh = await getDocIn<CampaignDoc>(t, COLLECTIONS.campaigns, campaignId);
  if (!fresh) throw notFound('评选活动');
  const seq = (fresh.seq?.[category] ?? 0) + 1;
  await t
    .collection(COLLECTIONS.campaigns)
    .doc(campaignId)
    .update({ seq: { [category]: seq }, updatedAt: now });
  return seq;
}
