// Anyone: the activities coming up (with the caller's own sign-up state) and one
// activity's page (its booking and sign-up form, and for a signed-in caller their
// sign-up, prefill, membership, hours and pending claim). An approved member: sign
// up (with the form's answers and the subscribe grants the tap gave, so the
// reminders reach them) and cancel. The sign-up engine does the booking.
import * as z from 'zod';
import type { VolunteerSignUp, VolunteerTeamApi } from '../../../typings/volunteer-team';
import type { UserDoc } from '../../_shared/stores/users';
import {
  answersInput,
  bookingView,
  bookingViewsOf,
  cancel,
  checkInOpen,
  eventKeyOf,
  grantsInput,
  mySignUp,
  mySignUpsOf,
  prefillAnswers,
  recordGrants,
  signUp,
  subscribeOffer,
} from '../../_shared/engines/signup';
import { AppError } from '../../_shared/errors';
import { downloadUrlsById } from '../../_shared/files';
import type { ActionContext, Handlers } from '../../_shared/function';
import { findUserByOpenid } from '../../_shared/stores/users';
import { pageWindow } from '../../_shared/paging';
import { form, id, PAGE_LABELS, pageFields } from '../../_shared/validation';
import { requireApproved } from '../domain/membership';
import { keyOf } from '../rules/keys';
import { SERVICE_TYPES } from '../rules/labels';
import { toActivity, toClaim, toHours, toSummary } from '../rules/views';
import { type ActivityDoc, requireActivity, upcoming } from '../store/activities';
import { pendingOfActivity } from '../store/claims';
import { ofUserActivity } from '../store/hours';
import { getMember } from '../store/members';

const activityInput = form({ activityId: id() }, { activityId: '活动编号' });

/** The activity a member acts on; a cancelled one is refused in words that say so. */
async function openActivity(activityId: string): Promise<ActivityDoc> {
  const a = await requireActivity(activityId);
  if (a.status === 'cancelled')
    throw new AppError('CLOSED', `这场活动已取消${a.cancelReason ? `：${a.cancelReason}` : ''}`);
  return a;
}

/** The signed-in caller as an active user (a public action resolves none), or null. */
async function activeCaller(ctx: ActionContext): Promise<ActionContext | null> {
  const user: UserDoc | null = ctx.caller.openid ? await findUserByOpenid(ctx.caller.openid) : null;
  return user && user.status === 'active' ? { ...ctx, caller: { ...ctx.caller, user } } : null;
}

type ActivityActions = Pick<VolunteerTeamApi, 'listActivities' | 'getActivity' | 'signUp' | 'cancelSignUp'>;

export const activityHandlers = {
  listActivities: {
    access: 'public',
    input: form(
      { orgId: id().optional(), serviceType: z.enum(SERVICE_TYPES).optional(), ...pageFields },
      { orgId: '组织', serviceType: '服务类型', ...PAGE_LABELS },
    ),
    async run(ctx, input) {
      const { now } = ctx;
      const { page, pageSize } = pageWindow(input);
      const [found, me] = await Promise.all([
        upcoming({ orgIds: input.orgId ? [input.orgId] : null, serviceType: input.serviceType }, now, {
          page,
          pageSize,
        }),
        activeCaller(ctx),
      ]);
      const keys = found.items.map(keyOf);
      const [bookings, mine] = await Promise.all([
        bookingViewsOf(keys),
        me ? mySignUpsOf(me, keys) : Promise.resolve(new Map<string, VolunteerSignUp>()),
      ]);
      return {
        ...found,
        items: found.items.map((a) => {
          const key = eventKeyOf(keyOf(a));
          return toSummary(a, now, bookings.get(key)?.counts, mine.get(key) ?? null);
        }),
      };
    },
  },

  getActivity: {
    access: 'public',
    input: activityInput,
    async run(ctx, input) {
      const { now } = ctx;
      const a = await requireActivity(input.activityId);
      const key = keyOf(a);
      const [booking, meCtx] = await Promise.all([bookingView(key), activeCaller(ctx)]);
      const me = meCtx?.caller.user ?? null;
      const [mine, member, hours, claim] =
        meCtx && me
          ? await Promise.all([
              mySignUp(meCtx, key),
              getMember(me._id),
              ofUserActivity(me._id, a._id),
              pendingOfActivity(me._id, a._id),
            ])
          : [null, null, null, null];
      const open = booking.open && a.status === 'published' && now < new Date(booking.deadline) && now < a.startAt;
      return {
        ...toActivity(a, now),
        booking,
        mine,
        prefill: prefillAnswers(booking.questions, me),
        subscribe: subscribeOffer(),
        memberStatus: member?.status ?? null,
        canSignUp: open && member?.status === 'approved',
        checkInOpen: a.status === 'published' && checkInOpen(a, now),
        myHours: hours ? toHours(hours) : null,
        myClaim: claim ? toClaim(claim, await downloadUrlsById(claim.photos)) : null,
      };
    },
  },

  signUp: {
    access: 'worker',
    input: form(
      { activityId: id(), answers: answersInput().optional(), grants: grantsInput().optional() },
      { activityId: '活动编号', answers: '报名问题的回答', grants: '订阅消息授权' },
    ),
    async run(ctx, input) {
      await requireApproved(ctx);
      const a = await openActivity(input.activityId);
      // As the round table does: the grants are WeChat's to count whatever becomes of the
      // sign-up (one send per accept), so they are recorded beside it, not after it.
      const [receipt, grants] = await Promise.allSettled([
        signUp(ctx, keyOf(a), { answers: input.answers ?? [] }),
        input.grants?.length ? recordGrants(ctx, input.grants) : Promise.resolve({ granted: [] as string[] }),
      ]);
      if (receipt.status === 'rejected') throw receipt.reason;
      if (grants.status === 'fulfilled') return { ...receipt.value, granted: grants.value.granted };
      // The sign-up stands; a grant not counted costs at most a reminder (WeChat still holds it).
      console.error(JSON.stringify({ message: 'subscribe grants not recorded', error: String(grants.reason) }));
      return { ...receipt.value, granted: [] };
    },
  },

  cancelSignUp: {
    access: 'worker',
    input: activityInput,
    async run(ctx, input) {
      const a = await requireActivity(input.activityId);
      const { signUp: s, already } = await cancel(ctx, keyOf(a));
      return { signUp: s, already };
    },
  },
} satisfies Handlers<ActivityActions>;
