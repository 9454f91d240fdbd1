// Organisers of a meeting's org: its sign-up list (names and phones are theirs to
// see), the rotating check-in code to show, attendance marks (a manual check-in,
// a no-show, a removal) — each audited by the sign-up engine, which also refuses
// anyone who does not organise the meeting.
import * as z from 'zod';
import type { RoundtableApi } from '../../../typings/roundtable';
import type { SignUpState } from '../../../typings/signup';
import {
  counts,
  issueCode,
  listSignUps,
  manualCheckIn,
  markAttendance,
  removeByOrganiser,
} from '../../_shared/engines/signup';
import type { Handlers } from '../../_shared/function';
import { form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { requireMeeting } from '../store/meetings';
import { keyOf } from '../rules/kinds';

const STATES = [
  'confirmed',
  'waitlisted',
  'cancelled',
  'attended',
  'no_show',
] as const satisfies readonly SignUpState[];

type AdminSignUpActions = Pick<RoundtableApi, 'listSignUps' | 'issueCheckInCode' | 'markAttendance' | 'manualCheckIn'>;

export const adminSignUpHandlers = {
  listSignUps: {
    access: 'admin',
    input: form(
      {
        meetingId: id(),
        states: z.array(z.enum(STATES)).max(STATES.length).optional(),
        keyword: text(20).optional(),
        ...pageFields,
      },
      { meetingId: '活动编号', states: '报名状态', keyword: '姓名或手机号', ...PAGE_LABELS },
    ),
    async run(ctx, input) {
      const key = keyOf(await requireMeeting(input.meetingId));
      const page = await listSignUps(ctx, key, {
        states: input.states,
        keyword: input.keyword,
        page: input.page,
        pageSize: input.pageSize,
      });
      return { ...page, counts: await counts(key) };
    },
  },

  issueCheckInCode: {
    access: 'admin',
    input: form({ meetingId: id() }, { meetingId: '活动编号' }),
    async run(ctx, input) {
      return issueCode(ctx, keyOf(await requireMeeting(input.meetingId)));
    },
  },

  markAttendance: {
    access: 'admin',
    input: form(
      {
        meetingId: id(),
        userId: id(),
        mark: z.enum(['attended', 'no_show', 'remove']),
        reason: text(60).optional(),
      },
      { meetingId: '活动编号', userId: '报名人', mark: '登记为', reason: '原因' },
    ),
    async run(ctx, input) {
      const key = keyOf(await requireMeeting(input.meetingId));
      if (input.mark === 'remove') return removeByOrganiser(ctx, key, input.userId, input.reason ?? '');
      return markAttendance(ctx, key, input.userId, input.mark);
    },
  },

  manualCheckIn: {
    access: 'admin',
    input: form({ meetingId: id(), userId: id() }, { meetingId: '活动编号', userId: '报名人' }),
    async run(ctx, input) {
      return manualCheckIn(ctx, keyOf(await requireMeeting(input.meetingId)), input.userId);
    },
  },
} satisfies Handlers<AdminSignUpActions>;
