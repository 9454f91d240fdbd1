// The cases collection: the case engine's one record per demand or 随手拍 report
// (cloudfunctions/_shared/engines/cases). A case changes state only by a guarded
// update naming the states it may leave and the version it was read at; the same
// write appends its timeline entry and bumps the version, so of two organisers
// acting at once one wins and the other's write matches nothing (CONFLICT) — no
// lost update, and no timeline entry for what did not happen. Photo checks and
// the scheduler's claims (flags, notices) are guarded by their own fields and
// leave the version alone.
import type {
  CaseCategory,
  CaseFlag,
  CaseKind,
  CaseRating,
  CaseSource,
  CaseState,
  PhotoCheck,
  TimelineKind,
} from '../../../typings/cases';
import type { GeoPoint } from '../../../typings/org';
import type { NoticeStatus } from '../../../typings/signup';
import { COLLECTIONS } from '../collections';
import {
  cmd,
  collection,
  containsText,
  findDocs,
  getDoc,
  getDocIn,
  inContendedTransaction,
  type Transaction,
} from '../db';
import { isDuplicateKey } from '../errors';
import { fetchPage, type PageArgs } from '../paging';

export interface TimelineRecord {
  at: Date;
  kind: TimelineKind;
  text: string;
  orgId: string;
  orgName: string;
  by: 'raiser' | 'organiser' | 'system';
  /** The organiser's user id ('' for the raiser and the system). */
  actorUserId: string;
  /** Shown to the raiser (internal steps — flags, reminders, escalations — are not). */
  public: boolean;
}

export interface PhotoRecord {
  fileId: string;
  check: PhotoCheck;
  /** The media check's trace id; never shown to anyone (it is what a verdict push is matched by). */
  traceId: string | null;
  checkedAt: Date | null;
}

export interface RaiserRecord {
  userId: string;
  /** Where the raiser's subscribe messages go, and only theirs. */
  openid: string;
  /** Snapshot at submission, for the owner org's organisers (empty when anonymous). */
  name: string;
  phone: string;
}

export interface StageNotice {
  status: NoticeStatus | 'no_recipient';
  at: Date;
  recipients?: number;
  sent?: number;
}

export interface CaseDoc {
  _id: string;
  kind: CaseKind;
  category: CaseCategory;
  title: string;
  description: string;
  photos: PhotoRecord[];
  location: GeoPoint | null;
  address: string;
  source: CaseSource;
  /** null: created by an organiser without a raiser to follow it. */
  raiser: RaiserRecord | null;
  anonymous: boolean;
  publicOptIn: boolean;
  urgent: boolean;
  /** The org responsible now (its admins and their ancestors' see and act on it). */
  orgId: string;
  orgName: string;
  /** Ancestors, then the org itself: `orgPath: <id>` finds an org's sub-tree. */
  orgPath: string[];
  state: CaseState;
  version: number;
  submittedAt: Date;
  respondBy: Date;
  dueAt: Date;
  /** Working days of the answer deadline (for a re-assignment or a reopen). */
  answerDays: number;
  assignedAt: Date | null;
  acceptedAt: Date | null;
  firstResponseAt: Date | null;
  /** The last organiser activity (accept, transfer, update, extension…): the yellow flag's clock. */
  lastActivityAt: Date;
  answeredAt: Date | null;
  firstAnsweredAt: Date | null;
  closedAt: Date | null;
  closedBy: 'raiser' | 'auto' | null;
  answer: { text: string; at: Date; orgName: string; templateId: string | null } | null;
  extension: { workingDays: number; reason: string; at: Date; previousDueAt: Date } | null;
  returned: { fromOrgId: string; fromOrgName: string; reason: string; at: Date } | null;
  reopen: { at: Date; reason: string } | null;
  reopenCount: number;
  rating: CaseRating | null;
  /** When the rating was given (absent on cases rated before it was recorded). */
  ratedAt: Date | null;
  ratingComment: string;
  rejectReason: string;
  duplicateOf: string | null;
  verification: { valid: boolean; at: Date; by: string; note: string; points: number } | null;
  flags: Partial<Record<CaseFlag, { at: Date }>>;
  notices: {
    answered?: StageNotice;
    reminder?: StageNotice;
    overdue?: StageNotice;
    escalation?: StageNotice;
  };
  timeline: TimelineRecord[];
  createdAt: Date;
  updatedAt: Date;
}

export type NoticeStage = 'reminder' | 'overdue' | 'escalation';

const cases = () => collection(COLLECTIONS.cases);

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const isDateKey = (k: string) => k === 'at' || k.endsWith('At') || k === 'respondBy';

/** Dates as Dates at every key that holds one, whichever way the SDK answered (updateAndReturn gives strings). */
function revive<T>(v: T, key = ''): T {
  if (typeof v === 'string' && isDateKey(key) && ISO.test(v)) return new Date(v) as T;
  if (Array.isArray(v)) return v.map((x) => revive(x)) as T;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x, k)])) as T;
  }
  return v;
}

export async function getCase(id: string): Promise<CaseDoc | null> {
  const doc = await getDoc<CaseDoc>(COLLECTIONS.cases, id);
  return doc ? revive(doc) : null;
}

export async function getCaseIn(t: Transaction, id: string): Promise<CaseDoc | null> {
  const doc = await getDocIn<CaseDoc>(t, COLLECTIONS.cases, id);
  return doc ? revive(doc) : null;
}

export async function casesByIds(ids: string[]): Promise<Map<string, CaseDoc>> {
  if (!ids.length) return new Map();
  const list = await findDocs<CaseDoc>(COLLECTIONS.cases, { _id: cmd().in([...new Set(ids)]) }, ids.length);
  return new Map(list.map((c) => [c._id, revive(c)]));
}

/** Inserts a new case; false when one with this id exists (a meeting item recorded twice). */
export async function insertCase(doc: CaseDoc): Promise<boolean> {
  try {
    await cases().add(doc);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export interface MoveGuard {
  /** The states the case may be in. */
  from: readonly CaseState[];
  /** The version it was read at. */
  version: number;
}

/** Field values a transition sets (plain values; objects replace what was there). */
export type CaseFields = Partial<Omit<CaseDoc, '_id' | 'version' | 'timeline' | 'createdAt'>>;

function setOf(fields: CaseFields, now: Date): Record<string, unknown> {
  const _ = cmd();
  const set: Record<string, unknown> = { updatedAt: now };
  for (const [k, v] of Object.entries(fields)) {
    // Sub-objects and lists replace the stored value (a plain object would merge field by field).
    set[k] = v && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v;
  }
  return set;
}

/**
 * One guarded transition: if the case is still in one of `from` at `version`, sets
 * the fields, appends the entry and bumps the version. The case after, or null
 * when it had moved meanwhile.
 */
export async function moveCase(
  id: string,
  guard: MoveGuard,
  fields: CaseFields,
  entry: TimelineRecord,
  now: Date,
  paths: Record<string, unknown> = {},
): Promise<CaseDoc | null> {
  const _ = cmd();
  const dotted = Object.fromEntries(
    Object.entries(paths).map(([k, v]) => [k, v && typeof v === 'object' ? _.set(v) : v]),
  );
  const where = {
    _id: id,
    state: guard.from.length === 1 ? guard.from[0] : _.in([...guard.from]),
    version: guard.version,
  };
  const res = await cases()
    .where(where)
    .updateAndReturn({ ...setOf(fields, now), ...dotted, version: _.inc(1), timeline: _.push(entry) });
  return res.updated ? revive(res.doc as CaseDoc) : null;
}

/**
 * Runs `fn` in a transaction over cases and what they credit (the ledger), retried
 * on conflict; when even the retries conflict (many at once on one reporter's
 * balance), it waits a random moment and starts again, a few times.
 */
export function inCaseTransaction<T>(fn: (t: Transaction) => Promise<T>, retries: number): Promise<T> {
  return inContendedTransaction(fn, retries);
}

/** The same transition inside a transaction (read in it, so its snapshot is the guard). */
export async function moveCaseIn(
  t: Transaction,
  c: CaseDoc,
  fields: CaseFields,
  entry: TimelineRecord,
  now: Date,
): Promise<void> {
  const _ = cmd();
  await t
    .collection(COLLECTIONS.cases)
    .doc(c._id)
    .update({ ...setOf(fields, now), version: _.inc(1), timeline: _.push(entry) });
}

/** A deleted account's identity leaves its cases: name, phone and openid erased (the cases stay, anonymous). */
export async function eraseRaiser(userId: string): Promise<void> {
  await cases()
    .where({ 'raiser.userId': userId })
    .update({ 'raiser.name': '', 'raiser.phone': '', 'raiser.openid': `deleted:${userId}` });
}

// ---- photos -------------------------------------------------------------------

/** Records the media check started for photo `index` (its trace id), if the photo is still that file. */
export async function setPhotoTrace(id: string, index: number, fileId: string, traceId: string | null): Promise<void> {
  await cases()
    .where({ _id: id, [`photos.${index}.fileId`]: fileId })
    .update({ [`photos.${index}.traceId`]: traceId });
}

/** The case holding the photo a media check's trace id belongs to. */
export async function caseOfTrace(traceId: string): Promise<CaseDoc | null> {
  const [doc] = await findDocs<CaseDoc>(COLLECTIONS.cases, { 'photos.traceId': traceId }, 1);
  return doc ? revive(doc) : null;
}

/** Records a verdict on photo `index` if it is still pending under that trace id; false otherwise. */
export async function setPhotoCheck(
  id: string,
  index: number,
  traceId: string,
  check: PhotoCheck,
  now: Date,
): Promise<boolean> {
  const { updated } = await cases()
    .where({ _id: id, [`photos.${index}.traceId`]: traceId, [`photos.${index}.check`]: 'pending' })
    .update({ [`photos.${index}.check`]: check, [`photos.${index}.checkedAt`]: now });
  return updated === 1;
}

// ---- the scheduler's claims --------------------------------------------------------

/**
 * Raises a flag once, if it still holds at `now` (the case may have moved since
 * it was found): the case after, or null when it was raised already or no longer holds.
 */
export async function claimFlag(id: string, flag: CaseFlag, entry: TimelineRecord, now: Date): Promise<CaseDoc | null> {
  const _ = cmd();
  const res = await cases()
    .where({ ...flagWhere(flag, now), _id: id, [`flags.${flag}`]: _.exists(false) })
    .updateAndReturn({ [`flags.${flag}`]: _.set({ at: now }), timeline: _.push(entry) });
  return res.updated ? revive(res.doc as CaseDoc) : null;
}

/** Claims a stage notice (reminder, overdue notice, escalation) once: false when another run has it. */
export async function claimStage(id: string, stage: NoticeStage, entry: TimelineRecord, now: Date): Promise<boolean> {
  const _ = cmd();
  const { updated } = await cases()
    .where({ _id: id, [`notices.${stage}`]: _.exists(false) })
    .update({ [`notices.${stage}`]: _.set({ status: 'sending', at: now }), timeline: _.push(entry) });
  return updated === 1;
}

export async function recordStage(id: string, stage: NoticeStage | 'answered', notice: StageNotice): Promise<void> {
  await cases()
    .where({ _id: id })
    .update({ [`notices.${stage}`]: cmd().set(notice) });
}

/** Claims the answered notice left pending by the answer (pending → sending); false when not pending. */
export async function claimAnsweredNotice(id: string, now: Date): Promise<boolean> {
  const { updated } = await cases()
    .where({ _id: id, 'notices.answered.status': 'pending' })
    .update({ 'notices.answered': cmd().set({ status: 'sending', at: now }) });
  return updated === 1;
}

// ---- queries ----------------------------------------------------------------------

/** States in which a case still waits for its answer. */
export const OPEN_STATES: readonly CaseState[] = [
  'submitted',
  'accepted',
  'in_progress',
  'extended',
  'reopened',
  'returned',
];
/** States in which an owner org is working on the case. */
export const WORKING_STATES: readonly CaseState[] = ['accepted', 'in_progress', 'extended', 'reopened'];

const BATCH = 200;

export function pageOfRaiser(userId: string, filter: { kind?: CaseKind; state?: CaseState }, page: PageArgs) {
  const where: Record<string, unknown> = { 'raiser.userId': userId };
  if (filter.kind) where.kind = filter.kind;
  if (filter.state) where.state = filter.state;
  return fetchPage(cases().where(where), [['submittedAt', 'desc']], page, (d: CaseDoc) => revive(d));
}

export interface QueueFilter {
  /** Cases whose org lies under any of these (null: every case, for a superadmin). */
  underOrgs: string[] | null;
  state?: CaseState;
  /** Only cases still waiting for their answer (OPEN_STATES). */
  open?: boolean;
  flag?: CaseFlag;
  kind?: CaseKind;
  category?: CaseCategory;
  keyword?: string;
  now: Date;
}

/** Conditions of a live flag at `now` (what the scheduler raises, and the queue filters by). */
export function flagWhere(flag: CaseFlag, now: Date): Record<string, unknown> {
  const _ = cmd();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  switch (flag) {
    case 'red':
      return { state: 'submitted', firstResponseAt: null, submittedAt: _.lt(ago(24 * 3_600_000)) };
    case 'yellow':
      return { state: _.in([...WORKING_STATES]), lastActivityAt: _.lt(ago(3 * 86_400_000)) };
    case 'overdue':
      return { state: _.in([...OPEN_STATES]), dueAt: _.lt(now) };
  }
}

export function pageOfQueue(f: QueueFilter, page: PageArgs) {
  const _ = cmd();
  const clauses: object[] = [];
  if (f.underOrgs) clauses.push({ orgPath: _.in(f.underOrgs) });
  if (f.state) clauses.push({ state: f.state });
  if (f.open) clauses.push({ state: _.in([...OPEN_STATES]) });
  if (f.kind) clauses.push({ kind: f.kind });
  if (f.category) clauses.push({ category: f.category });
  if (f.flag) clauses.push(flagWhere(f.flag, f.now));
  if (f.keyword) clauses.push(_.or([{ title: containsText(f.keyword) }, { description: containsText(f.keyword) }]));
  const query = cases().where(clauses.length ? _.and(clauses) : {});
  // The most urgent first: the nearest due date.
  return fetchPage(query, [['dueAt', 'asc']], page, (d: CaseDoc) => revive(d));
}

export function pageOfBoard(filter: { kind?: CaseKind; category?: CaseCategory; orgId?: string }, page: PageArgs) {
  const _ = cmd();
  const where: Record<string, unknown> = { publicOptIn: true, state: _.in(['answered', 'closed']) };
  if (filter.kind) where.kind = filter.kind;
  if (filter.category) where.category = filter.category;
  if (filter.orgId) where.orgPath = filter.orgId;
  return fetchPage(cases().where(where), [['answeredAt', 'desc']], page, (d: CaseDoc) => revive(d));
}

/** The cases recorded from one meeting's minutes (a round table's page shows their progress). */
export async function casesOfMeeting(meetingId: string): Promise<CaseDoc[]> {
  const list = await findDocs<CaseDoc>(COLLECTIONS.cases, { 'source.meetingId': meetingId }, 200);
  return list.map((d) => revive(d)).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

/** Every case of an org's sub-tree submitted in [from, to), in batches (statistics, exports). */
export async function casesSubmitted(orgId: string, from: Date, to: Date, kind?: CaseKind): Promise<CaseDoc[]> {
  const _ = cmd();
  const where: Record<string, unknown> = { orgPath: orgId, submittedAt: _.and(_.gte(from), _.lt(to)) };
  if (kind) where.kind = kind;
  const out: CaseDoc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await cases().where(where).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    out.push(...(data as CaseDoc[]).map((d) => revive(d)));
    if (data.length < 1000 || skip >= 9000) return out;
  }
}

const PAGE = 1000;

/** What the dashboard's contributions read of a case (engines/cases/contributions.ts): not its timeline or notices. */
const COUNTED = [
  'category',
  'orgId',
  'state',
  'submittedAt',
  'dueAt',
  'answeredAt',
  'closedAt',
  'rating',
  'ratedAt',
  'flags',
] as const;
export type CountedCase = Pick<CaseDoc, '_id' | (typeof COUNTED)[number]>;
const COUNTED_FIELDS = Object.fromEntries(COUNTED.map((k) => [k, true]));

/**
 * Every case with a day the dashboard counts it on — submitted, closed, due or
 * rated — in [from, to), page by page (the counters' recount).
 */
export async function casesDatedIn(from: Date, to: Date): Promise<CountedCase[]> {
  const _ = cmd();
  const within = _.and(_.gte(from), _.lt(to));
  const dated = _.or([{ submittedAt: within }, { closedAt: within }, { dueAt: within }, { ratedAt: within }]);
  const out: CountedCase[] = [];
  for (let after = ''; ;) {
    const { data } = await cases()
      .where(_.and([dated, { _id: _.gt(after) }]))
      .field(COUNTED_FIELDS)
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    out.push(...(data as CountedCase[]).map((d) => revive(d)));
    if (data.length < PAGE) return out;
    after = (data.at(-1) as CountedCase)._id;
  }
}

/** Cases for which a flag holds at `now` but was never raised. */
export async function unflagged(flag: CaseFlag, now: Date): Promise<CaseDoc[]> {
  const where = { ...flagWhere(flag, now), [`flags.${flag}`]: cmd().exists(false) };
  return (await findDocs<CaseDoc>(COLLECTIONS.cases, where, BATCH)).map((d) => revive(d));
}

/** Open cases due before `before` whose stage notice has not been sent. */
export async function awaitingStage(stage: NoticeStage, before: Date): Promise<CaseDoc[]> {
  const _ = cmd();
  const where = { state: _.in([...OPEN_STATES]), dueAt: _.lt(before), [`notices.${stage}`]: _.exists(false) };
  return (await findDocs<CaseDoc>(COLLECTIONS.cases, where, BATCH)).map((d) => revive(d));
}

/** Answered cases whose answer is older than `before` (auto-close). */
export async function answeredBefore(before: Date): Promise<CaseDoc[]> {
  const where = { state: 'answered', answeredAt: cmd().lte(before) };
  return (await findDocs<CaseDoc>(COLLECTIONS.cases, where, BATCH)).map((d) => revive(d));
}

/** Answered notices still pending since before `before` (their sender did not get to them). */
export async function staleAnsweredNotices(before: Date): Promise<CaseDoc[]> {
  const where = { 'notices.answered.status': 'pending', 'notices.answered.at': cmd().lt(before) };
  return (await findDocs<CaseDoc>(COLLECTIONS.cases, where, BATCH)).map((d) => revive(d));
}
