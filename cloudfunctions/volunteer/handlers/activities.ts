// Anyone: the activities coming up and one activity's page (its booking, and for
// a signed-in caller their sign-up, membership, hours and pending claim). An
// approved member: sign up and cancel. The sign-up engine does the booking.
import * as z from 'zod';
import type { VolunteerTeamApi } from '../../../typings/volunteer-team';
import {
  bookingView,
  bookingViewsOf,
  cancel,
  checkInOpen,
  eventKeyOf,
  mySignUp,
  signUp,
} from '../../_shared/engines/signup';
import { AppError } from '../../_shared/errors';
import { downloadUrlsById } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
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

type ActivityActions = Pick<VolunteerTeamApi, 'listActivities' | 'getActivity' | 'signUp' | 'cancelSignUp'>;

export const activityHandlers = {
  listActivities: {
    access: 'public',
    input: form(
      { orgId: id().optional(), serviceType: z.enum(SERVICE_TYPES).optional(), ...pageFields },
      { orgId: '组织', serviceType: '服务类型', ...PAGE_LABELS },
    ),
    async run({ now }, input) {
      const { page, pageSize } = pageWindow(input);
      const found = await upcoming(
        { orgIds: input.orgId ? [input.orgId] : null, serviceType: input.serviceType },
        now,
        { page, pageSize },
      );
      const bookings = await bookingViewsOf(found.items.map(keyOf));
      return {
        ...found,
        items: found.items.map((a) => toSummary(a, now, bookings.get(eventKeyOf(keyOf(a)))?.counts)),
      };
    },
  },

  getActivity: {
    access: 'public',
    input: activityInput,
    async run({ caller, now, requestId, log }, input) {
      const a = await requireActivity(input.activityId);
      const key = keyOf(a);
      const [booking, user] = await Promise.all([
        bookingView(key),
        caller.openid ? findUserByOpenid(caller.openid) : Promise.resolve(null),
      ]);
      const me = user && user.status === 'active' ? user : null;
      const [mine, member, hours, claim] = me
        ? await Promise.all([
            mySignUp({ caller: { ...caller, user: me }, now, requestId, log }, key),
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
    input: activityInput,
    async run(ctx, input) {
      await requireApproved(ctx);
      const a = await openActivity(input.activityId);
      return signUp(ctx, keyOf(a), { answers: [] });
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
