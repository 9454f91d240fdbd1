// Organisers: their meetings, create and edit one (the booking opened or changed
// through the sign-up engine), cancel one (every sign-up cancelled and notified),
// and publish or edit its minutes after it ended. Scoped to the org sub-tree;
// every text others will read is content-checked; every write audited.
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import type { RoundtableApi } from '../../../typings/roundtable';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import {
  bookingView,
  bookingViewsOf,
  cancelEvent,
  eventKeyOf,
  MAX_CAPACITY,
  openEvent,
  questionsInput,
  updateEvent,
} from '../../_shared/engines/signup';
import { AppError, conflict, invalid, notFound } from '../../_shared/errors';
import type { ActionContext, Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import type { OrgDoc } from '../../_shared/stores/orgs';
import { form, id, inOrder, isoDateTime, PAGE_LABELS, pageFields, text, withRule } from '../../_shared/validation';
import { findStation } from '../../station/store/stations';
import { publishedSeries } from '../../study/store/lectures';
import {
  createMeeting,
  listForAdmin,
  markCancelled,
  type MeetingDoc,
  type MeetingFields,
  requireMeeting,
  saveMinutes,
  updateMeeting,
} from '../store/meetings';
import { ACTIVITY_TYPES, keyOf, KIND_LABELS, MEETING_KINDS, meetingPage, OCCUPATIONS, PHASES } from '../rules/kinds';
import { toAdminMeeting, toMinutes } from '../rules/views';

/** A meeting (or a multi-day class) lasts at most this long. */
const MAX_DAYS = 31;

// China, gcj02.
const location = () =>
  form({ lat: z.number().min(3).max(54), lng: z.number().min(73).max(136) }, { lat: '纬度', lng: '经度' });

const venueInput = withRule(
  form(
    {
      stationId: id().optional(),
      name: text(40, 2).optional(),
      address: text(120, 4).optional(),
      location: location().optional(),
    },
    { stationId: '驿站', name: '地点名称', address: '地址', location: '位置' },
  ),
  (v) => {
    if (v.stationId)
      return v.name || v.address || v.location
        ? { field: 'stationId', message: '选择了驿站就不需要再填写地点名称、地址和位置' }
        : null;
    if (!v.name) return { field: 'name', message: '请选择驿站，或填写地点名称' };
    if (!v.address) return { field: 'address', message: '请填写地址' };
    if (!v.location) return { field: 'location', message: '请在地图上选择位置' };
    return null;
  },
);

const guestInput = form(
  { department: text(30, 2), name: text(20).optional(), title: text(20).optional() },
  { department: '部门或单位', name: '姓名', title: '职务' },
);

const trainingInput = form(
  {
    course: text(40, 2),
    outline: text(500).optional(),
    classHours: z.number().min(0.5).max(200).multipleOf(0.5),
    series: text(30, 1).optional(),
  },
  { course: '课程名称', outline: '课程简介', classHours: '学时', series: '线上学习系列' },
);

const LABELS = {
  id: '活动编号',
  kind: '活动类型',
  title: '标题',
  topic: '议题',
  description: '详细介绍',
  venue: '地点',
  startAt: '开始时间',
  endAt: '结束时间',
  deadline: '报名截止时间',
  capacity: '名额',
  waitlist: '满员后可候补',
  occupations: '邀请对象',
  guests: '出席部门',
  orgId: '主办组织',
  questions: '报名问题',
  training: '培训信息',
  activityType: '活动内容',
};

const saveInput = withRule(
  form(
    {
      id: id().optional(),
      kind: z.enum(MEETING_KINDS),
      title: text(40, 4),
      topic: text(60, 2),
      description: text(2000).optional(),
      venue: venueInput,
      startAt: isoDateTime(),
      endAt: isoDateTime(),
      deadline: isoDateTime(),
      capacity: z.number().int().min(1).max(MAX_CAPACITY),
      waitlist: z.boolean().optional(),
      occupations: z.array(z.enum(OCCUPATIONS)).max(OCCUPATIONS.length),
      guests: z.array(guestInput).max(20),
      orgId: id(),
      questions: questionsInput().optional(),
      training: trainingInput.optional(),
      activityType: z.enum(ACTIVITY_TYPES).optional(),
    },
    LABELS,
  ),
  (v) => {
    const order = inOrder(['startAt', 'endAt'], LABELS)(v);
    if (order) return order;
    if (Date.parse(v.deadline) > Date.parse(v.startAt)) return { field: 'deadline', message: '不能晚于「开始时间」' };
    if (Date.parse(v.endAt) - Date.parse(v.startAt) > MAX_DAYS * 86_400_000)
      return { field: 'endAt', message: `活动最长 ${MAX_DAYS} 天` };
    if (new Set(v.occupations).size !== v.occupations.length) return { field: 'occupations', message: '不能重复' };
    if (v.kind === 'training' && !v.training) return { field: 'training', message: '培训班请填写课程名称和学时' };
    if (v.kind !== 'training' && v.training) return { field: 'training', message: '只有培训班需要填写' };
    if (v.kind === 'activity' && !v.activityType) return { field: 'activityType', message: '驿站活动请选择活动内容' };
    if (v.kind !== 'activity' && v.activityType) return { field: 'activityType', message: '只有驿站活动需要选择' };
    return null;
  },
);

type SaveInput = z.output<typeof saveInput>;

async function venueOf(input: SaveInput): Promise<MeetingDoc['venue']> {
  const v = input.venue;
  if (v.stationId) {
    const s = await findStation(v.stationId);
    if (!s) throw notFound('驿站');
    return { stationId: s._id, name: s.name, address: s.address, location: s.location };
  }
  return { stationId: null, name: v.name!, address: v.address!, location: v.location! };
}

function fieldsOf(input: SaveInput, org: OrgDoc, venue: MeetingDoc['venue']): MeetingFields {
  return {
    kind: input.kind,
    title: input.title,
    topic: input.topic,
    description: input.description ?? '',
    venue,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    deadline: new Date(input.deadline),
    capacity: input.capacity,
    occupations: input.occupations,
    guests: input.guests.map((g) => ({ department: g.department, name: g.name ?? '', title: g.title ?? '' })),
    orgId: org._id,
    orgName: org.name,
    orgPath: [...org.ancestors, org._id],
    training: input.training
      ? {
          course: input.training.course,
          outline: input.training.outline ?? '',
          classHours: input.training.classHours,
          series: input.training.series ?? null,
        }
      : null,
    activityType: input.activityType ?? null,
  };
}

/** What workers will read, checked like any published text (fail closed), each named by its field. */
function checkPublished(ctx: ActionContext, input: SaveInput) {
  const join = (list: (string | undefined)[]) => list.filter(Boolean).join('、');
  const questions = input.questions ?? [];
  return checkTexts(
    ctx.caller.openid,
    [
      ['标题', input.title],
      ['议题', input.topic],
      ['详细介绍', input.description],
      ['地点名称', input.venue.name],
      ['地址', input.venue.address],
      ['部门或单位', join(input.guests.map((g) => g.department))],
      ['姓名', join(input.guests.map((g) => g.name))],
      ['职务', join(input.guests.map((g) => g.title))],
      ['课程名称', input.training?.course],
      ['课程简介', input.training?.outline],
      ['问题', join(questions.map((q) => q.label))],
      ['选项', join(questions.flatMap((q) => q.options ?? []))],
    ],
    PUBLISHED,
  );
}

/** Times of a meeting being created, or an edit that moves its start: in the future. */
function checkFuture(input: SaveInput, now: Date, existing: MeetingDoc | null): void {
  const startAt = new Date(input.startAt);
  if (existing) {
    if (startAt.getTime() !== existing.startAt.getTime() && startAt <= now)
      throw invalid('输入有误「开始时间」：改期后的开始时间应晚于现在');
    return;
  }
  if (startAt <= now) throw invalid('输入有误「开始时间」：应晚于现在');
  if (new Date(input.deadline) <= now) throw invalid('输入有误「报名截止时间」：应晚于现在');
}

async function checkSeries(series: string | undefined): Promise<void> {
  if (!series) return;
  if (!(await publishedSeries()).includes(series))
    throw invalid(`输入有误「线上学习系列」：没有已发布的“${series}”系列微党课`);
}

/** The meeting, if the caller organises it (its org or one above). */
async function meetingInScope(ctx: ActionContext, meetingId: string): Promise<MeetingDoc> {
  const m = await requireMeeting(meetingId);
  await requireOrgInScope(ctx.caller, m.orgId);
  return m;
}

const itemInput = form({ text: text(300, 2), department: text(30).optional() }, { text: '内容', department: '部门' });

type AdminMeetingActions = Pick<
  RoundtableApi,
  'adminListMeetings' | 'saveMeeting' | 'cancelMeeting' | 'publishMinutes'
>;

export const adminMeetingHandlers = {
  adminListMeetings: {
    access: 'admin',
    input: form(
      {
        orgId: id().optional(),
        kind: z.enum(MEETING_KINDS).optional(),
        phase: z.enum(PHASES).optional(),
        keyword: text(30).optional(),
        ...pageFields,
      },
      { orgId: '组织', kind: '活动类型', phase: '状态', keyword: '关键词', ...PAGE_LABELS },
    ),
    async run({ caller, now }, input) {
      if (input.orgId) await requireOrgInScope(caller, input.orgId);
      const orgIds = input.orgId ? [input.orgId] : await orgIdsInScope(caller);
      const page = await listForAdmin(
        { orgIds, kind: input.kind, phase: input.phase, keyword: input.keyword },
        now,
        input,
      );
      const bookings = await bookingViewsOf(page.items.map(keyOf));
      return { ...page, items: page.items.map((m) => toAdminMeeting(m, now, bookings.get(eventKeyOf(keyOf(m))))) };
    },
  },

  saveMeeting: {
    access: 'admin',
    input: saveInput,
    async run(ctx, input) {
      const org = await requireOrgInScope(ctx.caller, input.orgId);
      const existing = input.id ? await meetingInScope(ctx, input.id) : null;
      if (existing) {
        if (existing.status === 'cancelled') throw conflict('活动已取消，不能再修改');
        if (existing.kind !== input.kind) throw conflict('活动类型创建后不能修改，请新建活动');
        if (existing.orgId !== input.orgId) throw conflict('主办组织创建后不能修改，请新建活动');
        if (ctx.now >= existing.endAt) throw conflict('活动已经结束，不能再修改；纪要请在“会议纪要”中编辑');
      }
      checkFuture(input, ctx.now, existing);
      await checkSeries(input.training?.series);
      const fields = fieldsOf(input, org, await venueOf(input));
      await checkPublished(ctx, input);
      const meetingId = existing?._id ?? `mt${randomBytes(6).toString('hex')}`;
      const key = keyOf({ _id: meetingId, kind: input.kind });
      const spec = {
        capacity: fields.capacity,
        startAt: fields.startAt,
        endAt: fields.endAt,
        deadline: fields.deadline,
        waitlist: input.waitlist ?? true,
        questions: input.questions ?? [],
        notice: { title: fields.title, place: fields.venue.name, page: meetingPage(meetingId) },
      };
      let saved: MeetingDoc;
      if (existing) {
        // The booking first: a capacity below the seats already taken is refused there, before anything changes.
        await updateEvent(ctx, key, spec);
        saved = await updateMeeting(existing, fields, ctx.now);
      } else {
        // Booking first, then the record: a crash between leaves a booking nobody can find, never a
        // meeting nobody can book.
        await openEvent(ctx, key, { ...spec, orgId: org._id });
        saved = await createMeeting(meetingId, fields, ctx.caller.user!._id, ctx.now);
      }
      await audit(ctx, {
        action: 'saveMeeting',
        targetType: 'meeting',
        targetId: meetingId,
        summary: `${existing ? '修改' : '新建'}${KIND_LABELS[input.kind]}「${input.title}」`,
      });
      return toAdminMeeting(saved, ctx.now, await bookingView(key));
    },
  },

  cancelMeeting: {
    access: 'admin',
    input: form({ id: id(), reason: text(60, 2) }, { id: '活动编号', reason: '取消原因' }),
    async run(ctx, input) {
      const m = await meetingInScope(ctx, input.id);
      if (m.status === 'cancelled') throw conflict('这场活动已经取消了');
      if (ctx.now >= m.endAt) throw conflict('活动已经结束，不能取消');
      await checkTexts(ctx.caller.openid, [['取消原因', input.reason]], PUBLISHED);
      const key = keyOf(m);
      // The booking first (final: no seat or promotion after it), every sign-up cancelled and notified, then the record.
      const report = await cancelEvent(ctx, key, input.reason);
      await markCancelled(m._id, input.reason, ctx.now);
      await audit(ctx, {
        action: 'cancelMeeting',
        targetType: 'meeting',
        targetId: m._id,
        summary: `取消${KIND_LABELS[m.kind]}「${m.title}」：${input.reason}（取消报名 ${report.cancelled} 人，通知送达 ${report.notices.sent} 人）`,
      });
      const cancelled: MeetingDoc = {
        ...m,
        status: 'cancelled',
        cancelReason: input.reason,
        cancelledAt: ctx.now,
        updatedAt: ctx.now,
      };
      return { meeting: toAdminMeeting(cancelled, ctx.now, await bookingView(key)), report };
    },
  },

  publishMinutes: {
    access: 'admin',
    input: withRule(
      form(
        {
          meetingId: id(),
          raised: z.array(itemInput).max(50),
          answered: z.array(itemInput).max(50),
          takenAway: z.array(itemInput).max(50),
        },
        { meetingId: '活动编号', raised: '提出的问题', answered: '现场答复', takenAway: '会后办理' },
      ),
      (v) =>
        v.raised.length + v.answered.length + v.takenAway.length === 0
          ? { field: 'raised', message: '纪要至少要有一条内容' }
          : null,
    ),
    async run(ctx, input) {
      const m = await meetingInScope(ctx, input.meetingId);
      if (m.status === 'cancelled') throw conflict('活动已取消，没有纪要');
      if (ctx.now < m.endAt) throw new AppError('CLOSED', '活动结束后才能发布纪要');
      const clean = (list: typeof input.raised) =>
        list.map((i) => ({ text: i.text, ...(i.department ? { department: i.department } : {}) }));
      const sections = {
        raised: clean(input.raised),
        answered: clean(input.answered),
        takenAway: clean(input.takenAway),
      };
      const SECTION = { raised: '提出的问题', answered: '现场答复', takenAway: '会后办理' } as const;
      await checkTexts(
        ctx.caller.openid,
        (Object.keys(SECTION) as (keyof typeof SECTION)[]).flatMap((k): [string, string][] => [
          [`${SECTION[k]}的内容`, sections[k].map((i) => i.text).join('\n')],
          [`${SECTION[k]}的部门`, sections[k].flatMap((i) => (i.department ? [i.department] : [])).join('、')],
        ]),
        PUBLISHED,
      );
      const minutes = {
        ...sections,
        publishedAt: m.minutes?.publishedAt ?? ctx.now,
        updatedAt: ctx.now,
        updatedBy: ctx.caller.user!._id,
      };
      await saveMinutes(m._id, minutes, ctx.now);
      await audit(ctx, {
        action: 'publishMinutes',
        targetType: 'meeting',
        targetId: m._id,
        summary: `${m.minutes ? '修改' : '发布'}「${m.title}」的纪要`,
      });
      return toMinutes(minutes);
    },
  },
} satisfies Handlers<AdminMeetingActions>;
