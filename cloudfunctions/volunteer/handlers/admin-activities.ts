// Organisers: their activities, create and edit one (future times only: past
// service is backfilled as honor hours), cancel one (every sign-up cancelled and
// notified), its sign-up list, the rotating check-in and check-out codes, and
// manual check-in / check-out (never credit: a manual pair becomes a pending
// claim). Scoped to the org sub-tree; every write audited.
import * as z from 'zod';
import type { AdminVolunteerActivity, VolunteerTeamApi } from '../../../typings/volunteer-team';
import type { SignUpState } from '../../../typings/signup';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import {
  bookingView,
  bookingViewsOf,
  cancelEvent,
  eventKeyOf,
  issueCode,
  listSignUps,
  manualCheckIn,
  manualCheckOut,
  MAX_CAPACITY,
  openEvent,
  questionsInput,
  updateEvent,
} from '../../_shared/engines/signup';
import type { BookingView } from '../../../typings/signup';
import { conflict, invalid } from '../../_shared/errors';
import type { ActionContext, Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { countCheckedOut } from '../../_shared/stores/signups';
import {
  contactPhone,
  form,
  id,
  inOrder,
  isoDateTime,
  PAGE_LABELS,
  pageFields,
  text,
  withRule,
} from '../../_shared/validation';
import { countCheckIn, settleCheckOut, signUpOf } from '../domain/attendance';
import { randomId } from '../domain/ids';
import { activityPage, keyOf } from '../rules/keys';
import { SERVICE_TYPES } from '../rules/labels';
import { phaseOf, toActivity } from '../rules/views';
import {
  type ActivityDoc,
  type ActivityFields,
  createActivity,
  listForAdmin,
  markCancelled,
  requireActivity,
  updateActivity,
} from '../store/activities';

const MINUTE = 60_000;
/** An activity lasts at most a day; its planned service at most 12 hours (times to the minute). */
const MAX_SPAN_MIN = 24 * 60;
const MAX_PLANNED_MIN = 12 * 60;

const LABELS = {
  id: '活动编号',
  title: '活动名称',
  serviceType: '服务类型',
  description: '活动介绍',
  venue: '地点',
  startAt: '开始时间',
  endAt: '结束时间',
  plannedMinutes: '计划服务时长（分钟）',
  deadline: '报名截止时间',
  capacity: '招募人数',
  waitlist: '满员后可候补',
  contact: '联系人',
  contactPhone: '联系电话',
  orgId: '主办组织',
  questions: '报名问题',
};

const venueInput = form(
  {
    name: text(40, 2),
    address: text(120, 4),
    location: form(
      { lat: z.number().min(3).max(54), lng: z.number().min(73).max(136) },
      { lat: '纬度', lng: '经度' },
    ).optional(),
  },
  { name: '地点名称', address: '详细地址', location: '地图位置' },
);

const saveInput = withRule(
  form(
    {
      id: id().optional(),
      title: text(40, 4),
      serviceType: z.enum(SERVICE_TYPES),
      description: text(2000).optional(),
      venue: venueInput,
      startAt: isoDateTime(),
      endAt: isoDateTime(),
      plannedMinutes: z.number().int().min(10).max(MAX_PLANNED_MIN).optional(),
      deadline: isoDateTime(),
      capacity: z.number().int().min(1).max(MAX_CAPACITY),
      waitlist: z.boolean().optional(),
      contact: text(20).optional(),
      contactPhone: contactPhone().optional(),
      orgId: id(),
      questions: questionsInput().optional(),
    },
    LABELS,
  ),
  (v) => {
    const order = inOrder(['startAt', 'endAt'], LABELS)(v);
    if (order) return order;
    const span = (Date.parse(v.endAt) - Date.parse(v.startAt)) / MINUTE;
    if (span > MAX_SPAN_MIN) return { field: 'endAt', message: '一次活动最长 1 天' };
    if (v.plannedMinutes !== undefined && v.plannedMinutes > span)
      return { field: 'plannedMinutes', message: '不能超过活动开始到结束的时长' };
    if (Date.parse(v.deadline) > Date.parse(v.startAt)) return { field: 'deadline', message: '不能晚于「开始时间」' };
    return null;
  },
);

type SaveInput = z.output<typeof saveInput>;

function fieldsOf(input: SaveInput, org: { _id: string; name: string; ancestors: string[] }): ActivityFields {
  const startAt = new Date(input.startAt);
  const endAt = new Date(input.endAt);
  const span = Math.floor((endAt.getTime() - startAt.getTime()) / MINUTE);
  return {
    title: input.title,
    serviceType: input.serviceType,
    description: input.description ?? '',
    venue: { name: input.venue.name, address: input.venue.address, location: input.venue.location ?? null },
    startAt,
    endAt,
    plannedMinutes: input.plannedMinutes ?? Math.min(span, MAX_PLANNED_MIN),
    deadline: new Date(input.deadline),
    capacity: input.capacity,
    contact: input.contact ?? '',
    contactPhone: input.contactPhone ?? '',
    orgId: org._id,
    orgName: org.name,
    orgPath: [...org.ancestors, org._id],
  };
}

/** Times of an activity being created, or an edit that moves its start: in the future. */
function checkFuture(input: SaveInput, now: Date, existing: ActivityDoc | null): void {
  const startAt = new Date(input.startAt);
  if (existing) {
    if (startAt.getTime() !== existing.startAt.getTime() && startAt <= now)
      throw invalid('输入有误「开始时间」：改期后的开始时间应晚于现在');
    return;
  }
  if (startAt <= now) throw invalid('输入有误「开始时间」：应晚于现在；已经完成的服务请用“补录时数”');
  if (new Date(input.deadline) <= now) throw invalid('输入有误「报名截止时间」：应晚于现在');
}

/** The activity, if the caller organises it (its org or one above). */
async function activityInScope(ctx: ActionContext, activityId: string): Promise<ActivityDoc> {
  const a = await requireActivity(activityId);
  await requireOrgInScope(ctx.caller, a.orgId);
  return a;
}

async function toAdmin(a: ActivityDoc, now: Date, booking: BookingView | undefined): Promise<AdminVolunteerActivity> {
  const b = booking ?? (await bookingView(keyOf(a)));
  return {
    ...toActivity(a, now),
    counts: b.counts,
    waitlist: b.waitlist,
    checkedOut: await countCheckedOut(eventKeyOf(keyOf(a))),
  };
}

const attendeeInput = form({ activityId: id(), userId: id() }, { activityId: '活动编号', userId: '志愿者' });

const SIGNUP_STATES = [
  'confirmed',
  'waitlisted',
  'cancelled',
  'attended',
  'no_show',
] as const satisfies readonly SignUpState[];

type AdminActivityActions = Pick<
  VolunteerTeamApi,
  | 'adminListActivities'
  | 'saveActivity'
  | 'cancelActivity'
  | 'listActivitySignUps'
  | 'issueCheckInCode'
  | 'manualCheckIn'
  | 'manualCheckOut'
>;

export const adminActivityHandlers = {
  adminListActivities: {
    access: 'admin',
    input: form(
      {
        orgId: id().optional(),
        phase: z.enum(['upcoming', 'ongoing', 'ended', 'cancelled']).optional(),
        keyword: text(30).optional(),
        ...pageFields,
      },
      { orgId: '组织', phase: '状态', keyword: '关键词', ...PAGE_LABELS },
    ),
    async run({ caller, now }, input) {
      if (input.orgId) await requireOrgInScope(caller, input.orgId);
      const orgIds = input.orgId ? [input.orgId] : await orgIdsInScope(caller);
      const page = await listForAdmin({ orgIds, phase: input.phase, keyword: input.keyword }, now, input);
      const bookings = await bookingViewsOf(page.items.map(keyOf));
      const items = await Promise.all(page.items.map((a) => toAdmin(a, now, bookings.get(eventKeyOf(keyOf(a))))));
      return { ...page, items };
    },
  },

  saveActivity: {
    access: 'admin',
    input: saveInput,
    async run(ctx, input) {
      const org = await requireOrgInScope(ctx.caller, input.orgId);
      const existing = input.id ? await activityInScope(ctx, input.id) : null;
      if (existing) {
        if (existing.status === 'cancelled') throw conflict('活动已取消，不能再修改');
        if (existing.orgId !== input.orgId) throw conflict('主办组织创建后不能修改，请新建活动');
        if (phaseOf(existing, ctx.now) !== 'upcoming') throw conflict('活动已经开始，不能再修改');
      }
      checkFuture(input, ctx.now, existing);
      const fields = fieldsOf(input, org);
      const questions = input.questions ?? [];
      const join = (list: string[]) => list.join('、');
      await checkTexts(
        ctx.caller.openid,
        [
          ['活动名称', input.title],
          ['活动介绍', input.description],
          ['地点名称', input.venue.name],
          ['详细地址', input.venue.address],
          ['联系人', input.contact],
          ['问题', join(questions.map((q) => q.label))],
          ['选项', join(questions.flatMap((q) => q.options ?? []))],
        ],
        PUBLISHED,
      );
      const activityId = existing?._id ?? randomId('va');
      const key = keyOf({ _id: activityId });
      const spec = {
        capacity: fields.capacity,
        startAt: fields.startAt,
        endAt: fields.endAt,
        deadline: fields.deadline,
        waitlist: input.waitlist ?? true,
        questions,
        notice: { title: fields.title, place: fields.venue.name, page: activityPage(activityId) },
      };
      let saved: ActivityDoc;
      if (existing) {
        await updateEvent(ctx, key, spec);
        saved = await updateActivity(existing, fields, ctx.now);
      } else {
        // Booking first, then the record: a crash between leaves a booking nobody can find.
        await openEvent(ctx, key, { ...spec, orgId: org._id });
        saved = await createActivity(activityId, fields, ctx.caller.user!._id, ctx.now);
      }
      await audit(ctx, {
        action: 'volunteer.saveActivity',
        targetType: 'volunteer_activity',
        targetId: activityId,
        summary: `${existing ? '修改' : '新建'}志愿活动「${input.title}」`,
      });
      return toAdmin(saved, ctx.now, await bookingView(key));
    },
  },

  cancelActivity: {
    access: 'admin',
    input: form({ activityId: id(), reason: text(60, 2) }, { activityId: '活动编号', reason: '取消原因' }),
    async run(ctx, input) {
      const a = await activityInScope(ctx, input.activityId);
      if (a.status === 'cancelled') throw conflict('这场活动已经取消了');
      if (ctx.now >= a.endAt) throw conflict('活动已经结束，不能取消');
      await checkTexts(ctx.caller.openid, [['取消原因', input.reason]], PUBLISHED);
      const report = await cancelEvent(ctx, keyOf(a), input.reason);
      await markCancelled(a._id, input.reason, ctx.now);
      await audit(ctx, {
        action: 'volunteer.cancelActivity',
        targetType: 'volunteer_activity',
        targetId: a._id,
        summary: `取消志愿活动「${a.title}」：${input.reason}（取消报名 ${report.cancelled} 人）`,
      });
      const cancelled: ActivityDoc = { ...a, status: 'cancelled', cancelReason: input.reason, cancelledAt: ctx.now };
      return { activity: await toAdmin(cancelled, ctx.now, undefined), report };
    },
  },

  listActivitySignUps: {
    access: 'admin',
    input: form(
      {
        activityId: id(),
        states: z.array(z.enum(SIGNUP_STATES)).max(SIGNUP_STATES.length).optional(),
        keyword: text(30).optional(),
        ...pageFields,
      },
      { activityId: '活动编号', states: '报名状态', keyword: '关键词', ...PAGE_LABELS },
    ),
    async run(ctx, input) {
      const a = await activityInScope(ctx, input.activityId);
      const key = keyOf(a);
      const page = await listSignUps(ctx, key, input);
      return { ...page, counts: (await bookingView(key)).counts };
    },
  },

  issueCheckInCode: {
    access: 'admin',
    input: form({ activityId: id(), purpose: z.enum(['in', 'out']) }, { activityId: '活动编号', purpose: '用途' }),
    async run(ctx, input) {
      const a = await activityInScope(ctx, input.activityId);
      if (a.status === 'cancelled') throw conflict('这场活动已取消');
      const key = keyOf(a);
      // The screen refreshes its counts with each code: one call, read side by side.
      const [code, booking, checkedOut] = await Promise.all([
        issueCode(ctx, key, input.purpose),
        bookingView(key),
        countCheckedOut(eventKeyOf(key)),
      ]);
      return { ...code, counts: booking.counts, checkedOut };
    },
  },

  manualCheckIn: {
    access: 'admin',
    input: attendeeInput,
    async run(ctx, input) {
      const a = await activityInScope(ctx, input.activityId);
      const result = await manualCheckIn(ctx, keyOf(a), input.userId);
      if (!result.already) await countCheckIn(input.userId);
      return result;
    },
  },

  manualCheckOut: {
    access: 'admin',
    input: attendeeInput,
    async run(ctx, input) {
      const a = await activityInScope(ctx, input.activityId);
      const result = await manualCheckOut(ctx, keyOf(a), input.userId);
      const s = await signUpOf(a, input.userId);
      // A manual pair earns no credit: it becomes a pending claim (once).
      if (s) await settleCheckOut(a, s, ctx.now);
      return result;
    },
  },
} satisfies Handlers<AdminActivityActions>;
