// An approved member scans the organiser's rotating code: check-in (one of the
// day's three in/out pairs, taken only when the sign-up really checks in) and
// check-out (credit hours when both were scanned and 60 % of the planned duration
// was served; see domain/attendance.ts).
import type { VolunteerTeamApi } from '../../../typings/volunteer-team';
import { beijingDay } from '../../_shared/clock';
import { checkInWithCode, checkOutWithCode, codeInput } from '../../_shared/engines/signup';
import { AppError } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { form, id } from '../../_shared/validation';
import { countCheckIn, pairGate, settleCheckOut, signUpOf } from '../domain/attendance';
import { requireApproved } from '../domain/membership';
import { keyOf } from '../rules/keys';
import { toHours } from '../rules/views';
import { type ActivityDoc, requireActivity } from '../store/activities';
import { pairsOn } from '../store/day-pairs';

const scanInput = (label: string) =>
  form({ activityId: id(), code: codeInput() }, { activityId: '活动编号', code: label });

async function openActivity(activityId: string): Promise<ActivityDoc> {
  const a = await requireActivity(activityId);
  if (a.status === 'cancelled') throw new AppError('CLOSED', '这场活动已取消，无需签到签退');
  return a;
}

type ScanActions = Pick<VolunteerTeamApi, 'checkIn' | 'checkOut'>;

export const scanHandlers = {
  checkIn: {
    access: 'worker',
    input: scanInput('签到码'),
    async run(ctx, input) {
      const member = await requireApproved(ctx);
      const a = await openActivity(input.activityId);
      const result = await checkInWithCode(ctx, keyOf(a), input.code, pairGate(member._id, ctx.now));
      if (!result.already) await countCheckIn(member._id);
      return { ...result, pairsToday: await pairsOn(member._id, beijingDay(ctx.now)) };
    },
  },

  checkOut: {
    access: 'worker',
    input: scanInput('签退码'),
    async run(ctx, input) {
      const member = await requireApproved(ctx);
      const a = await openActivity(input.activityId);
      const result = await checkOutWithCode(ctx, keyOf(a), input.code);
      const s = await signUpOf(a, member._id);
      // Settled again on a repeat scan too (idempotent): a crash after the check-out loses no hours.
      const earned = s ? await settleCheckOut(a, s, ctx.now) : { hours: null, servedMinutes: 0 };
      const hours = earned.hours && !result.already ? toHours(earned.hours) : null;
      return { ...result, hours, servedMinutes: earned.servedMinutes };
    },
  },
} satisfies Handlers<ScanActions>;
