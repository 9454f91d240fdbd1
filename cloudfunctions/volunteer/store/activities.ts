// The volunteer_activities collection: what the lists and pages show of an
// activity (title, service type, venue, times, planned duration, the organising
// org's path). Seats, the waitlist and check-in/out are the sign-up engine's
// (signup_events volunteer:<_id>). `closed` records that the scheduler turned the
// activity's forgotten check-outs into pending claims (once).
import type {
  VolunteerActivityPhase,
  VolunteerActivityStatus,
  VolunteerServiceType,
  VolunteerVenue,
} from '../../../typings/volunteer-team';
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, containsText, docsByIds, getDoc } from '../../_shared/db';
import { notFound } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';

export interface ActivityDoc {
  _id: string;
  title: string;
  serviceType: VolunteerServiceType;
  description: string;
  venue: VolunteerVenue;
  startAt: Date;
  endAt: Date;
  plannedMinutes: number;
  deadline: Date;
  capacity: number;
  contact: string;
  contactPhone: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  status: VolunteerActivityStatus;
  cancelReason: string | null;
  cancelledAt: Date | null;
  /** The scheduler closed its forgotten check-outs. */
  closed: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type ActivityFields = Omit<
  ActivityDoc,
  '_id' | 'status' | 'cancelReason' | 'cancelledAt' | 'closed' | 'createdBy' | 'createdAt' | 'updatedAt'
>;

const activities = () => collection(COLLECTIONS.volunteerActivities);

const asDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function read(raw: unknown): ActivityDoc {
  const d = raw as ActivityDoc;
  return {
    ...d,
    startAt: new Date(d.startAt),
    endAt: new Date(d.endAt),
    deadline: new Date(d.deadline),
    cancelledAt: asDate(d.cancelledAt),
    createdAt: new Date(d.createdAt),
    updatedAt: new Date(d.updatedAt),
  };
}

export async function findActivity(id: string): Promise<ActivityDoc | null> {
  const raw = await getDoc<ActivityDoc>(COLLECTIONS.volunteerActivities, id);
  return raw ? read(raw) : null;
}

export async function requireActivity(id: string): Promise<ActivityDoc> {
  const a = await findActivity(id);
  if (!a) throw notFound('志愿活动');
  return a;
}

export async function activitiesByIds(ids: string[]): Promise<Map<string, ActivityDoc>> {
  const docs = await docsByIds<ActivityDoc>(COLLECTIONS.volunteerActivities, ids);
  return new Map(docs.map((d) => [d._id, read(d)]));
}

export async function createActivity(id: string, f: ActivityFields, by: string, now: Date): Promise<ActivityDoc> {
  const doc: ActivityDoc = {
    _id: id,
    ...f,
    status: 'published',
    cancelReason: null,
    cancelledAt: null,
    closed: false,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
  };
  await activities().add(doc);
  return doc;
}

export async function updateActivity(existing: ActivityDoc, f: ActivityFields, now: Date): Promise<ActivityDoc> {
  const _ = cmd();
  await activities()
    .doc(existing._id)
    .update({ ...f, venue: _.set(f.venue), orgPath: _.set(f.orgPath), updatedAt: now });
  return { ...existing, ...f, updatedAt: now };
}

export async function markCancelled(id: string, reason: string, now: Date): Promise<void> {
  await activities().doc(id).update({ status: 'cancelled', cancelReason: reason, cancelledAt: now, updatedAt: now });
}

/** Published activities ended before `before` whose forgotten check-outs are not closed yet. */
export async function endedUnclosed(before: Date, limit: number): Promise<ActivityDoc[]> {
  const { data } = await activities()
    .where({ status: 'published', closed: false, endAt: cmd().lte(before) })
    .orderBy('endAt', 'asc')
    .limit(limit)
    .get();
  return data.map(read);
}

export async function markClosed(id: string, now: Date): Promise<void> {
  await activities().doc(id).update({ closed: true, updatedAt: now });
}

export interface ActivityFilter {
  orgIds: string[] | null;
  serviceType?: VolunteerServiceType;
  keyword?: string;
}

function baseWhere(f: ActivityFilter): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (f.orgIds) where.orgPath = cmd().in(f.orgIds);
  if (f.serviceType) where.serviceType = f.serviceType;
  if (f.keyword?.trim()) where.title = containsText(f.keyword.trim());
  return where;
}

/** Published activities not ended yet, soonest first. */
export function upcoming(f: ActivityFilter, now: Date, page: PageArgs) {
  const where = { ...baseWhere(f), status: 'published', endAt: cmd().gt(now) };
  return fetchPage(activities().where(where), [['startAt', 'asc']], page, read);
}

const PHASE_WHERE: Record<VolunteerActivityPhase, (now: Date) => Record<string, unknown>> = {
  upcoming: (now) => ({ status: 'published', startAt: cmd().gt(now) }),
  ongoing: (now) => ({ status: 'published', startAt: cmd().lte(now), endAt: cmd().gt(now) }),
  ended: (now) => ({ status: 'published', endAt: cmd().lte(now) }),
  cancelled: () => ({ status: 'cancelled' }),
};

/** An organiser's activities, latest start first. */
export function listForAdmin(f: ActivityFilter & { phase?: VolunteerActivityPhase }, now: Date, page: PageArgs) {
  const where = { ...baseWhere(f), ...(f.phase ? PHASE_WHERE[f.phase](now) : {}) };
  return fetchPage(activities().where(where), [['startAt', 'desc']], page, read);
}

/** Activities of a sub-tree held (ended, published) with a start in [from, to). */
export async function heldIn(orgId: string, from: Date, to: Date, now: Date): Promise<ActivityDoc[]> {
  const _ = cmd();
  const { data } = await activities()
    .where({ orgPath: orgId, status: 'published', startAt: _.gte(from).and(_.lt(to)), endAt: _.lte(now) })
    .limit(1000)
    .get();
  return data.map(read);
}
