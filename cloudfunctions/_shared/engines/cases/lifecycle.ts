// A case's life. Every transition reads the case, checks who acts and what its
// state allows, then makes one guarded write (stores/cases.moveCase): the state
// and version it was read at are in the write's where, the timeline entry is
// appended by the same write, and the version bumps — so of two organisers acting
// at once one wins and the other gets CONFLICT, and the timeline holds exactly
// what happened. Organisers' transitions are audited.
//
//   submitted ─accept→ accepted ─update→ in_progress ─answer→ answered ─confirm/7 days→ closed
//        │                 │ ╲ extend (once, ≤ 10 working days) → extended ─answer→ …
//        │                 └ return (≤ 2 working days after assignment) → returned ─accept (parent org)→ accepted
//        └ reject / markDuplicate → rejected            answered/closed ─reopen (once, ≤ 7 days)→ reopened
import { createHash, randomBytes } from 'node:crypto';
import type {
  CaseCategory,
  CaseKind,
  CaseRating,
  CaseSource,
  CaseState,
  TimelineKind,
} from '../../../../typings/cases';
import type { GeoPoint } from '../../../../typings/org';
import type { SubscribeGrant } from '../../../../typings/signup';
import { requireUser } from '../../caller';
import { BEIJING, dayjs } from '../../clock';
import { checkTexts, PUBLISHED } from '../../content-check';
import { AppError, conflict, forbidden, invalid } from '../../errors';
import { acceptFiles, FILE_RULES } from '../../files';
import type { ActionContext } from '../../function';
import { orgInScope, pathInScope } from '../../scope';
import { audit } from '../../stores/audit';
import {
  type CaseDoc,
  type CaseFields,
  getCase,
  insertCase,
  moveCase,
  type PhotoRecord,
  type TimelineRecord,
  WORKING_STATES,
} from '../../stores/cases';
import { findOrg, type OrgDoc, requireOrg } from '../../stores/orgs';
import { enforceRateLimit } from '../../stores/rate-limits';
import { requireActiveUser } from '../../stores/users';
import { recordAccepted } from '../../subscribe/grants';
import { addWorkingDays, endOfWorkingDay, workingDaysBetween } from '../../workdays';
import { countCase, countMove } from './counters';
import { kindName, organises, requireCase, requireOrganiser, requireRaiser } from './access';
import {
  categoryFits,
  categoryLabel,
  deadlinesFor,
  MAX_EXTENSION_DAYS,
  RAISER_NOTICES,
  RETURN_WITHIN_WORKING_DAYS,
  SUBMITS_PER_HOUR,
  templateIds,
} from './config';
import { deliverAnswered } from './notices';
import { startPhotoChecks } from './photos';
import { deadlinesAt, onCalendar, reopenUntil } from './rules';

const dueText = (at: Date) => dayjs(at).tz(BEIJING).format('M月D日');
const RATING_LABELS: Record<CaseRating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

const STALE = '刚刚有其他人处理了这件事，请刷新后再操作';

function newId(now: Date): string {
  return `c${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`;
}

const orgPathOf = (org: OrgDoc) => [...org.ancestors, org._id];

function entry(
  ctx: ActionContext,
  kind: TimelineKind,
  text: string,
  opts: { by?: TimelineRecord['by']; orgId?: string; orgName?: string; public?: boolean } = {},
): TimelineRecord {
  const by = opts.by ?? 'organiser';
  return {
    at: ctx.now,
    kind,
    text,
    orgId: opts.orgId ?? '',
    orgName: opts.orgName ?? '',
    by,
    actorUserId: by === 'organiser' ? (ctx.caller.user?._id ?? '') : '',
    public: opts.public ?? true,
  };
}

interface Move {
  /** States the action may leave. */
  from: readonly CaseState[];
  to?: CaseState;
  fields?: CaseFields;
  /** Dotted paths set as they are (one notice, not the whole notices record). */
  paths?: Record<string, unknown>;
  entry: TimelineRecord;
  /** The version the organiser saw, when they passed it. */
  version?: number;
  /** What the action is, for the refusal: "答复", "延期"… */
  what: string;
  /** Audited as this action (organisers' transitions). */
  audit?: { action: string; summary: string };
}

const STATE_NAMES: Record<CaseState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  extended: '已延期',
  answered: '已答复',
  closed: '已办结',
  returned: '已退回待重新分派',
  rejected: '不予受理',
  reopened: '重新办理中',
};

/** The one guarded write of a transition; CONFLICT when the case moved since it was read. */
async function transition(ctx: ActionContext, c: CaseDoc, m: Move): Promise<CaseDoc> {
  if (m.version !== undefined && m.version !== c.version) throw conflict(STALE);
  if (!m.from.includes(c.state)) throw conflict(`这件${kindName(c)}${STATE_NAMES[c.state]}，不能${m.what}`);
  const fields: CaseFields = { ...m.fields, ...(m.to ? { state: m.to } : {}) };
  const moved = await moveCase(c._id, { from: [c.state], version: c.version }, fields, m.entry, ctx.now, m.paths);
  if (!moved) throw conflict(STALE);
  await Promise.all([
    countMove(c, moved, fields, ctx.now),
    m.audit && audit(ctx, { ...m.audit, targetType: 'case', targetId: c._id }),
  ]);
  return moved;
}

// ---- submission ---------------------------------------------------------------------------------

export interface SubmitInput {
  kind: CaseKind;
  category: CaseCategory;
  title?: string;
  description?: string;
  photos?: string[];
  location?: GeoPoint;
  address?: string;
  anonymous?: boolean;
  publicOptIn?: boolean;
  orgId?: string;
  grants?: SubscribeGrant[];
}

/**
 * What a new case has not had yet: no answer, closing, extension, return, reopen,
 * rating or flag (a function: each case gets its own flags and notices objects).
 */
const unanswered = () =>
  ({
    answeredAt: null,
    firstAnsweredAt: null,
    closedAt: null,
    closedBy: null,
    answer: null,
    extension: null,
    returned: null,
    reopen: null,
    reopenCount: 0,
    rating: null,
    ratedAt: null,
    ratingComment: '',
    rejectReason: '',
    duplicateOf: null,
    verification: null,
    flags: {},
    notices: {},
  }) satisfies Partial<CaseDoc>;

/** A worker's demand or anyone's 随手拍 report (anonymous reports need no registration and earn nothing). */
export async function submitCase(ctx: ActionContext, input: SubmitInput): Promise<CaseDoc> {
  const { caller, now } = ctx;
  const user = requireUser(caller);
  if (!categoryFits(input.kind, input.category)) throw invalid('输入有误「类别」：请从给出的选项中选择');
  const anonymous = input.kind === 'report' && !!input.anonymous;
  if (!anonymous && !user.worker)
    throw new AppError(
      'NOT_REGISTERED',
      input.kind === 'demand' ? '提交诉求前请先完成新就业群体信息登记' : '实名上报请先完成信息登记，也可以选择匿名上报',
    );
  const orgId = input.orgId ?? user.worker?.orgId;
  if (!orgId) throw invalid('请填写「受理组织」');
  const org = await findOrg(orgId);
  if (!org) throw invalid('输入有误「受理组织」：该组织不存在');
  const photos = input.photos ?? [];
  // Everything that can refuse comes before the first write (the rate limit's counter).
  await checkTexts(
    caller.openid,
    [
      ['标题', input.title],
      ['描述', input.description],
      ['地址', input.address],
    ],
    PUBLISHED,
  );
  await acceptFiles(caller, photos, FILE_RULES.casePhoto);
  const title = input.title?.trim() || `${categoryLabel(input.kind, input.category)}问题随手拍`;
  const deadlines = deadlinesFor(input.kind, input.category);
  const { respondBy, dueAt } = deadlinesAt(now, deadlines);
  await enforceRateLimit({ name: 'case-submit', max: SUBMITS_PER_HOUR, windowSeconds: 3600 }, user._id, now);
  const doc: CaseDoc = {
    _id: newId(now),
    kind: input.kind,
    category: input.category,
    title,
    description: input.description ?? '',
    photos: photos.map((fileId): PhotoRecord => ({ fileId, check: 'pending', traceId: null, checkedAt: null })),
    location: input.location ?? null,
    address: input.address ?? '',
    source: { kind: 'worker' },
    raiser: {
      userId: user._id,
      openid: caller.openid,
      name: anonymous ? '' : (user.worker?.realName ?? ''),
      phone: anonymous ? '' : (user.worker?.phone ?? ''),
    },
    anonymous,
    publicOptIn: !!input.publicOptIn,
    urgent: deadlines.answerDays === 0,
    orgId: org._id,
    orgName: org.name,
    orgPath: orgPathOf(org),
    state: 'submitted',
    version: 0,
    submittedAt: now,
    respondBy,
    dueAt,
    answerDays: deadlines.answerDays,
    assignedAt: null,
    acceptedAt: null,
    firstResponseAt: null,
    lastActivityAt: now,
    ...unanswered(),
    timeline: [
      entry(ctx, 'submitted', `已提交至${org.name}，将于 ${dueText(dueAt)} 前答复`, {
        by: 'raiser',
        orgName: org.name,
      }),
    ],
    createdAt: now,
    updatedAt: now,
  };
  await insertCase(doc);
  await Promise.all([startPhotoChecks(doc, caller.openid), countCase(null, doc, now)]);
  if (input.grants?.length) await recordAccepted(user._id, input.grants, templateIds(RAISER_NOTICES), now);
  return doc;
}

export interface CreateInput {
  category: CaseCategory;
  title: string;
  description: string;
  orgId: string;
  source: Extract<CaseSource, { kind: 'meeting' }>;
  raiserUserId?: string;
}

/**
 * A demand raised at a round table, recorded by an organiser of the org from the
 * minutes: accepted at once by that org. One case per meeting item (recording
 * the same item again answers the case already recorded).
 */
export async function createMeetingCase(
  ctx: ActionContext,
  input: CreateInput,
): Promise<{ doc: CaseDoc; created: boolean }> {
  const { caller, now } = ctx;
  if (!categoryFits('demand', input.category)) throw invalid('输入有误「类别」：请从给出的选项中选择');
  const org = await requireOrg(input.orgId);
  if (!orgInScope(caller, org)) throw forbidden('该组织不在你的管理范围内');
  let raiser: CaseDoc['raiser'] = null;
  if (input.raiserUserId) {
    const u = await requireActiveUser(input.raiserUserId);
    if (!u.worker || !pathInScope(caller, u.worker.orgPath)) throw forbidden('提出人不在你的管理范围内');
    raiser = { userId: u._id, openid: u.openid, name: u.worker.realName, phone: u.worker.phone };
  }
  await checkTexts(
    caller.openid,
    [
      ['标题', input.title],
      ['描述', input.description],
      ['会议纪要条目', input.source.item],
    ],
    PUBLISHED,
  );
  const id = `m${createHash('sha1').update(`${input.source.meetingId}\n${input.source.item}`).digest('hex').slice(0, 24)}`;
  const existing = await getCase(id);
  if (existing) return { doc: existing, created: false };
  const deadlines = deadlinesFor('demand', input.category);
  const { respondBy, dueAt } = deadlinesAt(now, deadlines);
  const doc: CaseDoc = {
    _id: id,
    kind: 'demand',
    category: input.category,
    title: input.title,
    description: input.description,
    photos: [],
    location: null,
    address: '',
    source: input.source,
    raiser,
    anonymous: false,
    publicOptIn: false,
    urgent: deadlines.answerDays === 0,
    orgId: org._id,
    orgName: org.name,
    orgPath: orgPathOf(org),
    state: 'accepted',
    version: 0,
    submittedAt: now,
    respondBy,
    dueAt,
    answerDays: deadlines.answerDays,
    assignedAt: now,
    acceptedAt: now,
    firstResponseAt: now,
    lastActivityAt: now,
    ...unanswered(),
    timeline: [
      entry(ctx, 'created', `小哥圆桌会提出的诉求，${org.name}已受理，将于 ${dueText(dueAt)} 前答复`, {
        orgId: org._id,
        orgName: org.name,
      }),
    ],
    createdAt: now,
    updatedAt: now,
  };
  if (!(await insertCase(doc))) return { doc: (await getCase(id))!, created: false };
  await Promise.all([
    countCase(null, doc, now),
    audit(ctx, {
      action: 'createCase',
      targetType: 'case',
      targetId: id,
      summary: `记录圆桌会诉求：${input.title}（${input.source.meetingId}）`,
    }),
  ]);
  return { doc, created: true };
}

// ---- organisers ---------------------------------------------------------------------------------

/** The case, if the caller organises it; then the texts the action publishes pass the content check. */
async function organisedCase(
  ctx: ActionContext,
  caseId: string,
  texts: [label: string, text: string | undefined][] = [],
): Promise<CaseDoc> {
  const c = await requireCase(caseId);
  requireOrganiser(ctx.caller, c);
  await checkTexts(ctx.caller.openid, texts, PUBLISHED);
  return c;
}

/** An org the caller administers, to own a case. */
async function ownerOrg(ctx: ActionContext, orgId: string): Promise<OrgDoc> {
  const org = await requireOrg(orgId);
  if (!orgInScope(ctx.caller, org)) throw forbidden('只能分派给你管理范围内的组织');
  return org;
}

export interface AcceptInput {
  orgId?: string;
  urgent?: boolean;
  note?: string;
  version?: number;
}

/**
 * Accepts a submitted case (owner org: the case's org or one below it in the
 * caller's scope), or re-assigns a returned one — then the answer clock restarts
 * for the new owner. Urgent: due at the end of today's working day.
 */
export async function acceptCase(ctx: ActionContext, caseId: string, input: AcceptInput): Promise<CaseDoc> {
  const c = await organisedCase(ctx, caseId, [['受理说明', input.note]]);
  const org = await ownerOrg(ctx, input.orgId ?? c.orgId);
  if (!orgPathOf(org).includes(c.orgId)) throw forbidden('只能分派给本组织或下级组织');
  const now = ctx.now;
  const reassign = c.state === 'returned';
  const urgent = input.urgent ?? c.urgent;
  let dueAt = c.dueAt;
  if (urgent && !c.urgent) dueAt = onCalendar(() => endOfWorkingDay(now));
  else if (reassign) dueAt = onCalendar(() => (urgent ? endOfWorkingDay(now) : addWorkingDays(now, c.answerDays)));
  const text = reassign
    ? `重新分派至${org.name}办理，将于 ${dueText(dueAt)} 前答复`
    : `${org.name}已受理，将于 ${dueText(dueAt)} 前答复`;
  return transition(ctx, c, {
    from: ['submitted', 'returned'],
    to: 'accepted',
    what: '受理',
    version: input.version,
    fields: {
      orgId: org._id,
      orgName: org.name,
      orgPath: orgPathOf(org),
      urgent,
      dueAt,
      assignedAt: now,
      acceptedAt: c.acceptedAt ?? now,
      firstResponseAt: c.firstResponseAt ?? now,
      lastActivityAt: now,
    },
    entry: entry(ctx, reassign ? 'reassigned' : 'accepted', input.note ? `${text}。${input.note}` : text, {
      orgId: org._id,
      orgName: org.name,
    }),
    audit: { action: reassign ? 'reassignCase' : 'acceptCase', summary: `${text}：${c.title}` },
  });
}

/** Hands a case being worked on to another org in the caller's scope. */
export async function transferCase(
  ctx: ActionContext,
  caseId: string,
  input: { toOrgId: string; reason: string; version?: number },
): Promise<CaseDoc> {
  const c = await organisedCase(ctx, caseId, [['转交原因', input.reason]]);
  const org = await ownerOrg(ctx, input.toOrgId);
  if (org._id === c.orgId) throw invalid('输入有误「转交组织」：已经由该组织办理');
  return transition(ctx, c, {
    from: ['accepted', 'in_progress', 'extended', 'reopened'],
    what: '转交',
    version: input.version,
    fields: {
      orgId: org._id,
      orgName: org.name,
      orgPath: orgPathOf(org),
      assignedAt: ctx.now,
      lastActivityAt: ctx.now,
    },
    entry: entry(ctx, 'transferred', `由${c.orgName}转交${org.name}办理：${input.reason}`, {
      orgId: org._id,
      orgName: org.name,
    }),
    audit: { action: 'transferCase', summary: `转交${org.name}：${c.title}（${input.reason}）` },
  });
}

/** Wrong routing: back to the parent org, within 2 working days of the assignment, with the reason. */
export async function returnCase(
  ctx: ActionContext,
  caseId: string,
  input: { reason: string; version?: number },
): Promise<CaseDoc> {
  const c = await organisedCase(ctx, caseId, [['退回原因', input.reason]]);
  const parentId = c.orgPath.at(-2);
  if (!parentId) throw conflict('最上级组织受理的事项不能退回，请转交或直接办理');
  const parent = await requireOrg(parentId);
  const since = c.assignedAt ?? c.submittedAt;
  if (onCalendar(() => workingDaysBetween(since, ctx.now)) > RETURN_WITHIN_WORKING_DAYS)
    throw new AppError(
      'CLOSED',
      `分派有误须在分派后 ${RETURN_WITHIN_WORKING_DAYS} 个工作日内退回，现已超过，请转交或办理`,
    );
  return transition(ctx, c, {
    from: ['accepted', 'in_progress'],
    to: 'returned',
    what: '退回',
    version: input.version,
    fields: {
      orgId: parent._id,
      orgName: parent.name,
      orgPath: orgPathOf(parent),
      returned: { fromOrgId: c.orgId, fromOrgName: c.orgName, reason: input.reason, at: ctx.now },
      lastActivityAt: ctx.now,
    },
    entry: entry(ctx, 'returned', `${c.orgName}因分派有误退回${parent.name}重新分派：${input.reason}`, {
      orgId: c.orgId,
      orgName: c.orgName,
    }),
    audit: { action: 'returnCase', summary: `退回${parent.name}：${c.title}（${input.reason}）` },
  });
}

/** A progress update the raiser sees. */
export async function updateCase(
  ctx: ActionContext,
  caseId: string,
  input: { text: string; version?: number },
): Promise<CaseDoc> {
  const c = await organisedCase(ctx, caseId, [['进展说明', input.text]]);
  return transition(ctx, c, {
    from: WORKING_STATES,
    to: c.state === 'extended' ? 'extended' : 'in_progress',
    what: '更新进展',
    version: input.version,
    fields: { lastActivityAt: ctx.now },
    entry: entry(ctx, 'updated', input.text, { orgId: c.orgId, orgName: c.orgName }),
    audit: { action: 'updateCase', summary: `更新进展：${c.title}` },
  });
}

/** The answer; the raiser gets the answered notice. A submitted case is accepted by answering it. */
export async function answerCase(
  ctx: ActionContext,
  caseId: string,
  input: { text: string; templateId?: string; version?: number },
): Promise<CaseDoc> {
  const c = await organisedCase(ctx, caseId, [['答复内容', input.text]]);
  const now = ctx.now;
  const moved = await transition(ctx, c, {
    from: ['submitted', ...WORKING_STATES],
    to: 'answered',
    what: '答复',
    version: input.version,
    fields: {
      answer: { text: input.text, at: now, orgName: c.orgName, templateId: input.templateId ?? null },
      answeredAt: now,
      firstAnsweredAt: c.firstAnsweredAt ?? now,
      acceptedAt: c.acceptedAt ?? now,
      assignedAt: c.assignedAt ?? now,
      firstResponseAt: c.firstResponseAt ?? now,
      lastActivityAt: now,
    },
    paths: { 'notices.answered': { status: 'pending', at: now } },
    entry: entry(ctx, 'answered', input.text, { orgId: c.orgId, orgName: c.orgName }),
    audit: { action: 'answerCase', summary: `答复：${c.title}` },
  });
  await deliverAnswered(moved, now);
  return (await getCase(c._id)) ?? moved;
}

/** Once, by 1–10 working days from the current due date, before it passes; the reason is shown to the raiser. */
export async function extendCase(
  ctx: ActionContext,
  caseId: string,
  input: { workingDays: number; reason: string; version?: number },
): Promise<CaseDoc> {
  const c = await organisedCase(ctx, caseId, [['延期原因', input.reason]]);
  if (c.extension) throw conflict('每件事项只能延期一次');
  if (input.workingDays < 1 || input.workingDays > MAX_EXTENSION_DAYS)
    throw invalid(`输入有误「延期工作日」：应为 1–${MAX_EXTENSION_DAYS} 个工作日`);
  if (ctx.now > c.dueAt) throw new AppError('CLOSED', '已超过办理期限，不能再延期');
  const dueAt = onCalendar(() => addWorkingDays(c.dueAt, input.workingDays));
  return transition(ctx, c, {
    from: ['accepted', 'in_progress'],
    to: 'extended',
    what: '延期',
    version: input.version,
    fields: {
      dueAt,
      extension: { workingDays: input.workingDays, reason: input.reason, at: ctx.now, previousDueAt: c.dueAt },
      lastActivityAt: ctx.now,
    },
    entry: entry(ctx, 'extended', `延期 ${input.workingDays} 个工作日，至 ${dueText(dueAt)} 前答复：${input.reason}`, {
      orgId: c.orgId,
      orgName: c.orgName,
    }),
    audit: { action: 'extendCase', summary: `延期 ${input.workingDays} 个工作日：${c.title}（${input.reason}）` },
  });
}

const REJECTABLE: readonly CaseState[] = ['submitted', 'accepted', 'in_progress', 'returned'];

/** Invalid: not accepted, with the reason the raiser sees. */
export async function rejectCase(
  ctx: ActionContext,
  caseId: string,
  input: { reason: string; version?: number },
): Promise<CaseDoc> {
  const c = await organisedCase(ctx, caseId, [['驳回原因', input.reason]]);
  return transition(ctx, c, {
    from: REJECTABLE,
    to: 'rejected',
    what: '驳回',
    version: input.version,
    fields: { rejectReason: input.reason, firstResponseAt: c.firstResponseAt ?? ctx.now, lastActivityAt: ctx.now },
    entry: entry(ctx, 'rejected', `不予受理：${input.reason}`, { orgId: c.orgId, orgName: c.orgName }),
    audit: { action: 'rejectCase', summary: `驳回：${c.title}（${input.reason}）` },
  });
}

/** The case a duplicate should point to: the original of a chain of duplicates. */
async function rootOf(c: CaseDoc): Promise<CaseDoc> {
  let root = c;
  for (let i = 0; i < 5 && root.duplicateOf; i++) root = (await getCase(root.duplicateOf)) ?? root;
  return root;
}

/** A duplicate: rejected, linked to the original (reported earlier), whose progress the raiser follows. */
export async function markDuplicate(
  ctx: ActionContext,
  caseId: string,
  input: { originalId: string; version?: number },
): Promise<CaseDoc> {
  const c = await organisedCase(ctx, caseId);
  const original = await rootOf(await requireCase(input.originalId));
  if (!organises(ctx.caller, original)) throw forbidden('原事项不在你的管理范围内');
  if (original._id === c._id) throw invalid('输入有误「原事项」：不能标记为与自己重复');
  if (original.kind !== c.kind) throw invalid(`输入有误「原事项」：应为同一类${kindName(c)}`);
  if (original.state === 'rejected' && !original.duplicateOf)
    throw invalid('输入有误「原事项」：原事项已被驳回，不能作为重复的依据');
  if (original.submittedAt > c.submittedAt) throw invalid('输入有误「原事项」：原事项应早于本事项提交');
  if (c.verification?.valid) throw conflict('这条随手拍已核实为首报，不能再标记为重复');
  return transition(ctx, c, {
    from: REJECTABLE,
    to: 'rejected',
    what: '标记重复',
    version: input.version,
    fields: {
      duplicateOf: original._id,
      rejectReason: `与已受理的事项重复`,
      firstResponseAt: c.firstResponseAt ?? ctx.now,
      lastActivityAt: ctx.now,
    },
    entry: entry(ctx, 'duplicate', `与已受理的「${original.title}」重复，请关注该事项的办理进展`, {
      orgId: c.orgId,
      orgName: c.orgName,
    }),
    audit: { action: 'markDuplicate', summary: `标记重复：${c.title} → ${original._id}` },
  });
}

// ---- the raiser ---------------------------------------------------------------------------------

export async function raisedCase(ctx: ActionContext, caseId: string): Promise<CaseDoc> {
  const c = await requireCase(caseId);
  requireRaiser(ctx.caller, c);
  return c;
}

/** The raiser confirms the answer (optionally rating it): closed. */
export async function confirmCase(
  ctx: ActionContext,
  caseId: string,
  input: { rating?: CaseRating; comment?: string },
): Promise<CaseDoc> {
  const c = await raisedCase(ctx, caseId);
  const rated = input.rating ? `，评价：${RATING_LABELS[input.rating]}` : '';
  return transition(ctx, c, {
    from: ['answered'],
    to: 'closed',
    what: '确认办结',
    fields: {
      closedAt: ctx.now,
      closedBy: 'raiser',
      ...(input.rating ? { rating: input.rating, ratedAt: ctx.now, ratingComment: input.comment ?? '' } : {}),
    },
    entry: entry(ctx, 'confirmed', `提出人确认办结${rated}`, { by: 'raiser' }),
  });
}

/** The raiser rates an answered case (closing it) or a closed one, once. */
export async function rateCase(
  ctx: ActionContext,
  caseId: string,
  input: { rating: CaseRating; comment?: string },
): Promise<CaseDoc> {
  const c = await raisedCase(ctx, caseId);
  if (c.rating) throw conflict('已经评价过了');
  const closing = c.state === 'answered';
  return transition(ctx, c, {
    from: ['answered', 'closed'],
    to: 'closed',
    what: '评价',
    fields: {
      rating: input.rating,
      ratedAt: ctx.now,
      ratingComment: input.comment ?? '',
      ...(closing ? { closedAt: ctx.now, closedBy: 'raiser' as const } : {}),
    },
    entry: entry(ctx, 'rated', `评价：${RATING_LABELS[input.rating]}${input.comment ? `（${input.comment}）` : ''}`, {
      by: 'raiser',
    }),
  });
}

/** An unsatisfied raiser reopens the case, once, within 7 days of the answer: it is due again in full. */
export async function reopenCase(ctx: ActionContext, caseId: string, input: { reason: string }): Promise<CaseDoc> {
  const c = await raisedCase(ctx, caseId);
  if (c.reopenCount > 0) throw conflict('每件事项只能重新办理一次');
  if (c.answeredAt && !reopenUntil(c, ctx.now) && (c.state === 'answered' || c.state === 'closed'))
    throw new AppError('CLOSED', '答复已超过 7 天，不能再要求重新办理');
  await checkTexts(ctx.caller.openid, [['不满意的原因', input.reason]], PUBLISHED);
  const dueAt = onCalendar(() => addWorkingDays(ctx.now, c.answerDays || 1));
  return transition(ctx, c, {
    from: ['answered', 'closed'],
    to: 'reopened',
    what: '重新办理',
    fields: {
      reopen: { at: ctx.now, reason: input.reason },
      reopenCount: c.reopenCount + 1,
      rating: null,
      ratedAt: null,
      ratingComment: '',
      closedAt: null,
      closedBy: null,
      dueAt,
      lastActivityAt: ctx.now,
      notices: {},
      flags: {},
    },
    entry: entry(ctx, 'reopened', `提出人不满意，要求重新办理：${input.reason}（${dueText(dueAt)} 前答复）`, {
      by: 'raiser',
    }),
  });
}
