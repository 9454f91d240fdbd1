// The volunteer_hours collection: one record per source of hours, its _id naming
// the source (sc-<activityId>-<userId> for a scanned attendance, cl-<claimId> for
// an approved claim or self-report, bf<random> for an organiser's backfill), so a
// source is credited once however often it is retried. Inserted only inside a
// transaction that also moves the member's totals and the points ledger.
import type { HoursKind, HoursSource } from '../../../typings/volunteer-team';
import { COLLECTIONS } from '../../_shared/collections';
import { collection, db, getDocIn, rowsOf, type Transaction } from '../../_shared/db';
import { fetchPage, type PageArgs } from '../../_shared/paging';

export interface HoursDoc {
  _id: string;
  userId: string;
  kind: HoursKind;
  source: HoursSource;
  minutes: number;
  activityId: string | null;
  title: string;
  startAt: Date;
  endAt: Date;
  /** The Beijing month of startAt, 'YYYY-MM'. */
  month: string;
  reason: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  points: number;
  /** Evidence files of a backfill, photos of a self-report (organisers only). */
  evidence: string[];
  /** The organiser who granted it (null for credit). */
  grantedBy: string | null;
  createdAt: Date;
}

const hours = () => collection(COLLECTIONS.volunteerHours);

function read(raw: unknown): HoursDoc {
  const d = raw as HoursDoc;
  return { ...d, startAt: new Date(d.startAt), endAt: new Date(d.endAt), createdAt: new Date(d.createdAt) };
}

/** Inserts the record inside a transaction; false when its source was credited already. */
export async function insertHoursIn(t: Transaction, doc: HoursDoc): Promise<boolean> {
  if (await getDocIn<HoursDoc>(t, COLLECTIONS.volunteerHours, doc._id)) return false;
  await t.collection(COLLECTIONS.volunteerHours).add(doc);
  return true;
}

export async function getHours(id: string): Promise<HoursDoc | null> {
  const { data } = await hours().doc(id).get();
  const raw = (data as unknown[])[0];
  return raw ? read(raw) : null;
}

/** A member's records, latest service first. */
export function pageOfUser(userId: string, page: PageArgs) {
  return fetchPage(hours().where({ userId }), [['startAt', 'desc']], page, read);
}

/** A member's records of a month (at most 500). */
export async function ofUserMonth(userId: string, month: string): Promise<HoursDoc[]> {
  const { data } = await hours().where({ userId, month }).orderBy('startAt', 'asc').limit(500).get();
  return data.map(read);
}

/** A member's records with a service start in [from, to) (at most 1,000). */
export async function ofUserBetween(userId: string, from: Date, to: Date): Promise<HoursDoc[]> {
  const _ = db().command;
  const { data } = await hours()
    .where({ userId, startAt: _.gte(from).and(_.lt(to)) })
    .orderBy('startAt', 'asc')
    .limit(1000)
    .get();
  return data.map(read);
}

/** The caller's record for an activity (credit or honor), if any. */
export async function ofUserActivity(userId: string, activityId: string): Promise<HoursDoc | null> {
  const { data } = await hours().where({ userId, activityId }).limit(1).get();
  return data[0] ? read(data[0]) : null;
}

export interface UserMonthTotals {
  userId: string;
  creditMinutes: number;
  honorMinutes: number;
}

async function totalsPerUser(match: Record<string, unknown>): Promise<UserMonthTotals[]> {
  const $ = db().command.aggregate;
  const res = await hours()
    .aggregate()
    .match(match)
    .group({
      _id: '$userId',
      credit: $.sum($.cond({ if: $.eq(['$kind', 'credit']), then: '$minutes', else: 0 })),
      honor: $.sum($.cond({ if: $.eq(['$kind', 'honor']), then: '$minutes', else: 0 })),
    })
    .limit(10_000)
    .end();
  return rowsOf<{ _id: string; credit: number; honor: number }>(res).map((r) => ({
    userId: r._id,
    creditMinutes: r.credit,
    honorMinutes: r.honor,
  }));
}

/** Minutes per member of these members' records matching `match`, 1,000 members an aggregation. */
async function totalsOfUsers(userIds: string[], match: Record<string, unknown>): Promise<UserMonthTotals[]> {
  const out: UserMonthTotals[] = [];
  for (let i = 0; i < userIds.length; i += 1000)
    out.push(...(await totalsPerUser({ ...match, userId: db().command.in(userIds.slice(i, i + 1000)) })));
  return out;
}

/*
 * Per-member totals read by the member, wherever they served: the boards and the
 * exports count a member under their own org (as their totals on the member do),
 * not under the org that recorded the hours.
 */

/** Minutes per member of these members in a month (the monthly leaderboard). */
export function monthTotalsOf(userIds: string[], month: string): Promise<UserMonthTotals[]> {
  return totalsOfUsers(userIds, { month });
}

/** Minutes per member of these members' records with a service start in [from, to) (exports). */
export function totalsBetweenOf(userIds: string[], from: Date, to: Date): Promise<UserMonthTotals[]> {
  const _ = db().command;
  return totalsOfUsers(userIds, { startAt: _.gte(from).and(_.lt(to)) });
}

export interface OrgPeriodTotals {
  creditMinutes: number;
  honorMinutes: number;
  points: number;
}

/** Minutes and points of a sub-tree's records with a service start in [from, to). */
export async function periodTotals(orgId: string, from: Date, to: Date): Promise<OrgPeriodTotals> {
  const _ = db().command;
  const $ = _.aggregate;
  const res = await hours()
    .aggregate()
    .match({ orgPath: orgId, startAt: _.gte(from).and(_.lt(to)) })
    .group({
      _id: '$kind',
      minutes: $.sum('$minutes'),
      points: $.sum('$points'),
    })
    .end();
  const out: OrgPeriodTotals = { creditMinutes: 0, honorMinutes: 0, points: 0 };
  for (const r of rowsOf<{ _id: 'credit' | 'honor'; minutes: number; points: number }>(res)) {
    if (r._id === 'credit') out.creditMinutes += r.minutes;
    else out.honorMinutes += r.minutes;
    out.points += r.points;
  }
  return out;
}

/** Fields the dashboard's recount reads of an hours record. */
export type CountedHoursDoc = Pick<HoursDoc, '_id' | 'userId' | 'kind' | 'minutes' | 'startAt' | 'orgId'>;

const PAGE = 1000;

/** Every record with a service start in [from, to) (the dashboard's recount), 1,000 a read. */
export async function hoursStartingBetween(from: Date, to: Date): Promise<CountedHoursDoc[]> {
  const _ = db().command;
  const out: CountedHoursDoc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await hours()
      .where({ startAt: _.gte(from).and(_.lt(to)) })
      .field({ _id: true, userId: true, kind: true, minutes: true, startAt: true, orgId: true })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get();
    for (const h of data as CountedHoursDoc[]) out.push({ ...h, startAt: new Date(h.startAt) });
    if (data.length < PAGE) return out;
  }
}
