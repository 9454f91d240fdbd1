// The signups collection: one record per (event, user) — _id `<eventKey>:<userId>`
// and a unique index on (eventKey, userId) — reused when the worker signs up again
// after cancelling. A record changes state only by a guarded update naming the
// state it leaves (and, where it matters, its revision or queue time), so two
// concurrent moves of one sign-up never both happen.
//
// The waitlist is the records in state waitlisted ordered by (queuedAt, _id): a
// position is 1 + the number queued before it, so positions are unique and
// contiguous by construction, and nothing is renumbered when someone leaves.
import type { AnsweredQuestion, NoticeKind, NoticeStatus, SignUpDomain, SignUpState } from '../../../typings/signup';
import { COLLECTIONS } from '../collections';
import { AGGREGATE_ROWS, cmd, collection, db, docsByIds, findDocs, getDoc, rowsOf } from '../db';
import { isDuplicateKey } from '../errors';
import { fetchPage, type PageArgs } from '../paging';

export interface NoticeRecord {
  status: NoticeStatus;
  at: Date;
  /** WeChat's errcode when it refused or failed. */
  errcode?: number;
}

export interface CheckInRecord {
  at: Date;
  method: 'code' | 'manual';
  /** The organiser's user id for a manual check-in. */
  by: string | null;
}

export interface SignUpDoc {
  /** `<eventKey>:<userId>`. */
  _id: string;
  eventKey: string;
  domain: SignUpDomain;
  eventId: string;
  userId: string;
  /** The openid that signed up: notices go to it and only to it. */
  openid: string;
  state: SignUpState;
  answers: AnsweredQuestion[];
  /** What the worker wrote on signing up ('' when nothing; absent on records made before notes existed). */
  note?: string;
  /** The current (re-)sign-up's time: the waitlist's order, _id breaking ties. */
  queuedAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  cancelledBy: 'self' | 'organiser' | 'event' | null;
  checkIn: CheckInRecord | null;
  /** The check-out (events that check out, e.g. volunteer activities); absent or null: not checked out. */
  checkOut?: CheckInRecord | null;
  /** One record per notice kind: each is sent at most once per sign-up (a promotion renews its own). */
  notices: Partial<Record<NoticeKind, NoticeRecord>>;
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

const signups = () => collection(COLLECTIONS.signups);

export const signUpId = (eventKey: string, userId: string) => `${eventKey}:${userId}`;

const asDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** Dates as Dates, whichever way the SDK answered (updateAndReturn gives strings). */
function revive(doc: unknown): SignUpDoc {
  const d = { ...(doc as SignUpDoc) };
  d.queuedAt = new Date(d.queuedAt);
  d.createdAt = new Date(d.createdAt);
  d.updatedAt = new Date(d.updatedAt);
  d.confirmedAt = asDate(d.confirmedAt);
  d.cancelledAt = asDate(d.cancelledAt);
  if (d.checkIn) d.checkIn = { ...d.checkIn, at: new Date(d.checkIn.at) };
  d.checkOut = d.checkOut ? { ...d.checkOut, at: new Date(d.checkOut.at) } : null;
  const notices: SignUpDoc['notices'] = {};
  for (const [k, n] of Object.entries(d.notices ?? {})) notices[k as NoticeKind] = { ...n, at: new Date(n.at) };
  d.notices = notices;
  return d;
}

export async function getSignUp(id: string): Promise<SignUpDoc | null> {
  const doc = await getDoc<SignUpDoc>(COLLECTIONS.signups, id);
  return doc ? revive(doc) : null;
}

/** Records by id (missing ones are absent from the map); one read. */
export async function signUpsByIds(ids: string[]): Promise<Map<string, SignUpDoc>> {
  const docs = await docsByIds<SignUpDoc>(COLLECTIONS.signups, ids);
  return new Map(docs.map((d) => [d._id, revive(d)]));
}

/** Inserts a new record; false when the (event, user) has one already. */
export async function insertSignUp(doc: SignUpDoc): Promise<boolean> {
  try {
    await signups().add(doc);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Fields a state change may set (plain values; the store adds the revision and time). */
export type MoveFields = Partial<
  Pick<
    SignUpDoc,
    'answers' | 'note' | 'openid' | 'queuedAt' | 'confirmedAt' | 'cancelledAt' | 'cancelledBy' | 'checkIn' | 'checkOut'
  >
>;

export interface MoveGuard {
  /** Only if the record still has this revision. */
  rev?: number;
  /** Only if it is still queued at this time (the same waitlist entry). */
  queuedAt?: Date;
}

/** Status notices opened (pending) by the move itself: a promotion, the event's cancellation. */
export type StatusNotice = Extract<NoticeKind, 'promoted' | 'cancelled'>;

/** The state a sign-up must be in for its status notice to go out. */
export const NOTICE_STATE: Record<StatusNotice, SignUpState> = { promoted: 'confirmed', cancelled: 'cancelled' };

/**
 * Moves a sign-up from `from` to `to` if it is still in `from` (and matches the
 * guard). `notice` also opens that status notice (pending) in the same write.
 * The record after, or null when it had moved meanwhile.
 */
export async function moveSignUp(
  id: string,
  from: SignUpState,
  to: SignUpState,
  fields: MoveFields,
  now: Date,
  guard: MoveGuard & { notice?: StatusNotice } = {},
): Promise<SignUpDoc | null> {
  const _ = cmd();
  const where: Record<string, unknown> = { _id: id, state: from };
  if (guard.rev !== undefined) where.rev = guard.rev;
  if (guard.queuedAt) where.queuedAt = guard.queuedAt;
  const set: Record<string, unknown> = { ...fields, state: to, rev: _.inc(1), updatedAt: now };
  if (fields.answers) set.answers = _.set(fields.answers);
  if (fields.checkIn !== undefined) set.checkIn = fields.checkIn ? _.set(fields.checkIn) : null;
  if (fields.checkOut !== undefined) set.checkOut = fields.checkOut ? _.set(fields.checkOut) : null;
  if (guard.notice) set[`notices.${guard.notice}`] = _.set({ status: 'pending', at: now } satisfies NoticeRecord);
  const res = await signups().where(where).updateAndReturn(set);
  return res.updated ? revive(res.doc) : null;
}

/** The first `n` of the event's waitlist, in queue order. */
export async function waitlistHeads(eventKey: string, n: number): Promise<SignUpDoc[]> {
  const { data } = await signups()
    .where({ eventKey, state: 'waitlisted' })
    .orderBy('queuedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(n)
    .get();
  return data.map(revive);
}

/** How many are queued before this waitlisted sign-up. */
export async function waitlistedAhead(s: Pick<SignUpDoc, '_id' | 'eventKey' | 'queuedAt'>): Promise<number> {
  const _ = cmd();
  const { total } = await signups()
    .where(
      _.or([
        { eventKey: s.eventKey, state: 'waitlisted', queuedAt: _.lt(s.queuedAt) },
        { eventKey: s.eventKey, state: 'waitlisted', queuedAt: s.queuedAt, _id: _.lt(s._id) },
      ]),
    )
    .count();
  return total;
}

/** An event's sign-ups in queue order (optionally only some states). */
export function pageOfEvent(eventKey: string, states: SignUpState[] | undefined, page: PageArgs) {
  const where = states?.length ? { eventKey, state: cmd().in(states) } : { eventKey };
  return fetchPage(signups().where(where), [['queuedAt', 'asc']], page, revive);
}

/** A page one below the SDK's maximum of 1,000: paging reads one row more to know if more exist. */
const BATCH = 999;

/** Every sign-up of an event in queue order (optionally only some states), 999 a read. */
export async function allOfEvent(eventKey: string, states?: SignUpState[]): Promise<SignUpDoc[]> {
  const out: SignUpDoc[] = [];
  for (let page = 1; ; page++) {
    const p = await pageOfEvent(eventKey, states, { page, pageSize: BATCH });
    out.push(...p.items);
    if (!p.hasMore) return out;
  }
}

/** A user's sign-ups in some domains, newest first. */
export function pageOfUser(userId: string, domains: SignUpDomain[], page: PageArgs) {
  const where = domains.length === 1 ? { userId, domain: domains[0] } : { userId, domain: cmd().in(domains) };
  return fetchPage(signups().where(where), [['queuedAt', 'desc']], page, revive);
}

/** Confirmed and waitlisted sign-ups of an event (the ones a cancellation of the event cancels), up to `limit`. */
export async function activeOfEvent(eventKey: string, limit: number): Promise<SignUpDoc[]> {
  const where = { eventKey, state: cmd().in(['confirmed', 'waitlisted']) };
  return (await findDocs<SignUpDoc>(COLLECTIONS.signups, where, limit)).map(revive);
}

/** Records per state for each of these events (statistics), by event key. */
export async function countStatesOf(eventKeys: string[]): Promise<Map<string, Partial<Record<SignUpState, number>>>> {
  const out = new Map<string, Partial<Record<SignUpState, number>>>();
  if (!eventKeys.length) return out;
  const $ = db().command.aggregate;
  const res = await signups()
    .aggregate()
    .match({ eventKey: cmd().in([...new Set(eventKeys)]) })
    .group({ _id: { eventKey: '$eventKey', state: '$state' }, n: $.sum(1) })
    .limit(10_000)
    .end();
  for (const row of rowsOf<{ _id: { eventKey: string; state: SignUpState }; n: number }>(res)) {
    const counts = out.get(row._id.eventKey) ?? {};
    counts[row._id.state] = row.n;
    out.set(row._id.eventKey, counts);
  }
  return out;
}

/** Sign-ups of an event that checked out. */
export async function countCheckedOut(eventKey: string): Promise<number> {
  const { total } = await signups()
    .where({ eventKey, 'checkOut.at': cmd().exists(true) })
    .count();
  return total;
}

/** Records per state for one event (the recount's truth). */
export async function countStates(eventKey: string): Promise<Partial<Record<SignUpState, number>>> {
  const $ = db().command.aggregate;
  const res = await signups()
    .aggregate()
    .match({ eventKey })
    .group({ _id: '$state', n: $.sum(1) })
    .limit(AGGREGATE_ROWS)
    .end();
  const out: Partial<Record<SignUpState, number>> = {};
  for (const row of rowsOf<{ _id: SignUpState; n: number }>(res)) out[row._id] = row.n;
  return out;
}

// ---- notices ----------------------------------------------------------------------

/**
 * Claims a reminder of a confirmed sign-up that never had one of this kind: the
 * claim is written before anything is sent, so a reminder goes out at most once
 * however many runs overlap. False when it was claimed already (or the sign-up left).
 */
export async function claimReminder(id: string, kind: NoticeKind, now: Date): Promise<boolean> {
  const _ = cmd();
  const { updated } = await signups()
    .where({ _id: id, state: 'confirmed', [`notices.${kind}`]: _.exists(false) })
    .update({ [`notices.${kind}`]: _.set({ status: 'sending', at: now } satisfies NoticeRecord) });
  return updated === 1;
}

/** Claims a pending status notice (opened by the move itself: a promotion, the event's cancellation). */
export async function claimStatusNotice(id: string, kind: StatusNotice, now: Date): Promise<boolean> {
  const { updated } = await signups()
    .where({ _id: id, state: NOTICE_STATE[kind], [`notices.${kind}.status`]: 'pending' })
    .update({ [`notices.${kind}`]: cmd().set({ status: 'sending', at: now } satisfies NoticeRecord) });
  return updated === 1;
}

export async function recordNotice(id: string, kind: NoticeKind, record: NoticeRecord): Promise<void> {
  await signups()
    .doc(id)
    .update({ [`notices.${kind}`]: cmd().set(record) });
}

/** Confirmed sign-ups of an event that never had a reminder of this kind. */
export async function awaitingReminder(eventKey: string, kind: NoticeKind, limit: number): Promise<SignUpDoc[]> {
  const where = { eventKey, state: 'confirmed', [`notices.${kind}`]: cmd().exists(false) };
  return (await findDocs<SignUpDoc>(COLLECTIONS.signups, where, limit)).map(revive);
}

/** Status notices still pending since before `before` (whoever opened them did not get to send them). */
export async function staleStatusNotices(kind: StatusNotice, before: Date, limit: number): Promise<SignUpDoc[]> {
  const _ = cmd();
  const where = {
    state: NOTICE_STATE[kind],
    [`notices.${kind}.status`]: 'pending',
    [`notices.${kind}.at`]: _.lt(before),
  };
  return (await findDocs<SignUpDoc>(COLLECTIONS.signups, where, limit)).map(revive);
}
