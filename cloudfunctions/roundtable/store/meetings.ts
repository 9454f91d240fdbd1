// The meetings collection: round-tables, training classes and station activities
// (one record type, `kind`), each with its venue's point as a GeoJSON point under a
// 2dsphere index (so "nearest first" is one $geoNear), its times, the organising
// org's path (admin scope is one query), its status and, once published, its
// minutes. Seats, the waitlist, questions and check-in are the sign-up engine's
// (signup_events `<domain>:<_id>`); this record is what the lists and pages show.
import type {
  ActivityType,
  MeetingGuest,
  MeetingKind,
  MeetingPhase,
  MeetingStatus,
  MeetingVenue,
  MinutesItem,
  TrainingInfo,
} from '../../../typings/roundtable';
import type { Occupation } from '../../../typings/user';
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, containsText, db, docsByIds, getDoc, rowsOf } from '../../_shared/db';
import { notFound } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';

export interface StoredMinutes {
  raised: MinutesItem[];
  answered: MinutesItem[];
  takenAway: MinutesItem[];
  publishedAt: Date;
  updatedAt: Date;
  /** The organiser's user id who last saved them. */
  updatedBy: string;
}

export interface MeetingDoc {
  _id: string;
  kind: MeetingKind;
  title: string;
  topic: string;
  description: string;
  venue: MeetingVenue;
  startAt: Date;
  endAt: Date;
  deadline: Date;
  capacity: number;
  occupations: Occupation[];
  guests: MeetingGuest[];
  orgId: string;
  /** The org's name when the meeting was last saved (lists show it without another read). */
  orgName: string;
  /** The org's ancestors and itself. */
  orgPath: string[];
  status: MeetingStatus;
  cancelReason: string | null;
  cancelledAt: Date | null;
  training: TrainingInfo | null;
  activityType: ActivityType | null;
  minutes: StoredMinutes | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What an organiser's save sets. */
export type MeetingFields = Omit<
  MeetingDoc,
  '_id' | 'status' | 'cancelReason' | 'cancelledAt' | 'minutes' | 'createdBy' | 'createdAt' | 'updatedAt'
>;

/** What the SDK hands back for a stored point: its Point class, or GeoJSON (aggregates). */
type StoredPoint = { latitude: number; longitude: number } | { type: 'Point'; coordinates: [number, number] };

const meetings = () => collection(COLLECTIONS.meetings);

const point = (p: { lat: number; lng: number }) => new (db().Geo.Point)(p.lng, p.lat);

const asDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** A record as read: Dates as Dates and no stored point (the venue carries lat/lng). */
function read(raw: unknown): MeetingDoc {
  const { point: _point, ...d } = raw as MeetingDoc & { point?: StoredPoint };
  const m = d as MeetingDoc;
  return {
    ...m,
    startAt: new Date(m.startAt),
    endAt: new Date(m.endAt),
    deadline: new Date(m.deadline),
    cancelledAt: asDate(m.cancelledAt),
    createdAt: new Date(m.createdAt),
    updatedAt: new Date(m.updatedAt),
    minutes: m.minutes
      ? { ...m.minutes, publishedAt: new Date(m.minutes.publishedAt), updatedAt: new Date(m.minutes.updatedAt) }
      : null,
  };
}

export async function findMeeting(id: string): Promise<MeetingDoc | null> {
  const raw = await getDoc<MeetingDoc>(COLLECTIONS.meetings, id);
  return raw ? read(raw) : null;
}

export async function requireMeeting(id: string): Promise<MeetingDoc> {
  const m = await findMeeting(id);
  if (!m) throw notFound('活动');
  return m;
}

const TTL_MS = 5_000;
const cache = new Map<string, { at: number; doc: MeetingDoc }>();

/**
 * The meeting from this instance's copy when it is a few seconds fresh, else read
 * now: the worker's hot paths (sign-up, cancel, check-in) need only its kind, which
 * never changes, and its status, which the engine's guarded writes check again.
 */
export async function cachedMeeting(id: string): Promise<MeetingDoc> {
  const hit = cache.get(id);
  const age = Date.now() - (hit?.at ?? 0);
  if (hit && age >= 0 && age < TTL_MS) return hit.doc;
  const doc = await requireMeeting(id);
  if (cache.size > 500) cache.clear();
  cache.set(id, { at: Date.now(), doc });
  return doc;
}

export async function meetingsByIds(ids: string[]): Promise<Map<string, MeetingDoc>> {
  const list = await docsByIds<MeetingDoc>(COLLECTIONS.meetings, ids);
  return new Map(list.map((m) => [m._id, read(m)]));
}

export interface UpcomingFilter {
  kind?: MeetingKind;
  occupation?: Occupation;
  stationId?: string;
  orgId?: string;
}

/** Published meetings that have not ended at `now`, narrowed by the filter. */
function upcomingWhere(f: UpcomingFilter, now: Date): Record<string, unknown> {
  const _ = cmd();
  const w: Record<string, unknown> = { status: 'published', endAt: _.gt(now) };
  if (f.kind) w.kind = f.kind;
  if (f.stationId) w['venue.stationId'] = f.stationId;
  if (f.orgId) w.orgPath = f.orgId;
  // Inviting this occupation, or everyone (none listed).
  if (f.occupation) w.occupations = _.in([f.occupation]).or(_.size(0));
  return w;
}

/** Upcoming and ongoing meetings, soonest first. */
export function upcomingByTime(f: UpcomingFilter, now: Date, page: PageArgs) {
  return fetchPage(meetings().where(upcomingWhere(f, now)), [['startAt', 'asc']], page, read);
}

/** Upcoming and ongoing meetings, nearest first from a point, each with its distance in metres. */
export async function upcomingNear(
  at: { lat: number; lng: number },
  f: UpcomingFilter,
  now: Date,
  page: PageArgs & { page: number; pageSize: number },
): Promise<{ items: { doc: MeetingDoc; distanceM: number }[]; hasMore: boolean }> {
  const res = await meetings()
    .aggregate()
    .geoNear({
      near: point(at),
      spherical: true,
      key: 'point',
      distanceField: 'distanceM',
      query: upcomingWhere(f, now),
    })
    .skip((page.page - 1) * page.pageSize)
    .limit(page.pageSize + 1)
    .end();
  const rows = rowsOf<MeetingDoc & { distanceM: number }>(res);
  return {
    items: rows.slice(0, page.pageSize).map(({ distanceM, ...doc }) => ({ doc: read(doc), distanceM })),
    hasMore: rows.length > page.pageSize,
  };
}

export interface AdminFilter {
  /** Under one of these orgs (null = anywhere). */
  orgIds: string[] | null;
  kind?: MeetingKind;
  phase?: MeetingPhase;
  keyword?: string;
}

/** An organiser's meetings, the latest start first. */
export function listForAdmin(f: AdminFilter, now: Date, page: PageArgs) {
  const _ = cmd();
  const w: Record<string, unknown> = {};
  if (f.orgIds) w.orgPath = _.in(f.orgIds);
  if (f.kind) w.kind = f.kind;
  if (f.keyword) w.title = containsText(f.keyword);
  if (f.phase === 'cancelled') w.status = 'cancelled';
  else if (f.phase) {
    w.status = 'published';
    if (f.phase === 'upcoming') w.startAt = _.gt(now);
    if (f.phase === 'ongoing') Object.assign(w, { startAt: _.lte(now), endAt: _.gt(now) });
    if (f.phase === 'ended') w.endAt = _.lte(now);
  }
  return fetchPage(meetings().where(w), [['startAt', 'desc']], page, read);
}

/** At most this many meetings in one statistics period. */
export const MAX_IN_PERIOD = 1000;

/** Meetings starting in [from, to) under an org (null = anywhere), soonest first. */
export async function meetingsStartingIn(
  from: Date,
  to: Date,
  f: { orgIds: string[] | null; kind?: MeetingKind },
): Promise<MeetingDoc[]> {
  const _ = cmd();
  const w: Record<string, unknown> = { startAt: _.gte(from).and(_.lt(to)) };
  if (f.orgIds) w.orgPath = _.in(f.orgIds);
  if (f.kind) w.kind = f.kind;
  const { data } = await meetings().where(w).orderBy('startAt', 'asc').limit(MAX_IN_PERIOD).get();
  return data.map(read);
}

function stored(f: MeetingFields, now: Date) {
  return { ...f, point: point(f.venue.location), updatedAt: now };
}

export async function createMeeting(id: string, f: MeetingFields, createdBy: string, now: Date): Promise<MeetingDoc> {
  const doc = {
    _id: id,
    ...stored(f, now),
    status: 'published' as const,
    cancelReason: null,
    cancelledAt: null,
    minutes: null,
    createdBy,
    createdAt: now,
  };
  await meetings().add(doc);
  return read(doc);
}

export async function updateMeeting(existing: MeetingDoc, f: MeetingFields, now: Date): Promise<MeetingDoc> {
  const _ = cmd();
  const next = stored(f, now);
  // Arrays and sub-objects replace the stored ones (a plain object would merge field by field).
  await meetings()
    .doc(existing._id)
    .update({
      ...next,
      venue: _.set(next.venue),
      point: _.set(next.point),
      occupations: _.set(next.occupations),
      guests: _.set(next.guests),
      orgPath: _.set(next.orgPath),
      training: next.training ? _.set(next.training) : null,
    });
  cache.delete(existing._id);
  return { ...existing, ...f, updatedAt: now };
}

/** Marks the meeting cancelled; false when it was already. */
export async function markCancelled(id: string, reason: string, now: Date): Promise<boolean> {
  const { updated } = await meetings()
    .where({ _id: id, status: 'published' })
    .update({ status: 'cancelled', cancelReason: reason, cancelledAt: now, updatedAt: now });
  cache.delete(id);
  return updated === 1;
}

export async function saveMinutes(id: string, minutes: StoredMinutes, now: Date): Promise<void> {
  await meetings()
    .doc(id)
    .update({ minutes: cmd().set(minutes), updatedAt: now });
}
