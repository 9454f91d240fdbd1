// Anyone: the meetings coming up (nearest first from a point, else soonest
// first), and one meeting's page — its booking, who is coming as counts and a few
// avatars (never names or phones), the caller's own sign-up and the form's
// prefill when they are signed in, and the minutes once published.
import * as z from 'zod';
import type { RoundtableApi } from '../../../typings/roundtable';
import {
  bookingView,
  bookingViewsOf,
  checkInOpen,
  eventKeyOf,
  mySignUp,
  prefillAnswers,
  seatedAvatars,
  subscribeOffer,
} from '../../_shared/engines/signup';
import { meetingCases } from '../../_shared/engines/cases';
import { downloadUrls } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { findUserByOpenid } from '../../_shared/stores/users';
import { pageWindow } from '../../_shared/paging';
import { form, id, PAGE_LABELS, pageFields, withRule } from '../../_shared/validation';
import { requireMeeting, upcomingByTime, upcomingNear } from '../store/meetings';
import { keyOf, MEETING_KINDS, OCCUPATIONS } from '../rules/kinds';
import { toMeeting, toSummary } from '../rules/views';

/** Faces shown of who is coming. */
const AVATARS = 8;

const listInput = withRule(
  form(
    {
      kind: z.enum(MEETING_KINDS).optional(),
      occupation: z.enum(OCCUPATIONS).optional(),
      stationId: id().optional(),
      orgId: id().optional(),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
      ...pageFields,
    },
    {
      kind: '类型',
      occupation: '职业',
      stationId: '驿站',
      orgId: '组织',
      lat: '纬度',
      lng: '经度',
      ...PAGE_LABELS,
    },
  ),
  (v) =>
    (v.lat === undefined) === (v.lng === undefined)
      ? null
      : { field: v.lat === undefined ? 'lat' : 'lng', message: '经纬度需要同时提供' },
);

type PublicActions = Pick<RoundtableApi, 'listMeetings' | 'getMeeting'>;

export const publicHandlers = {
  listMeetings: {
    access: 'public',
    input: listInput,
    async run({ now }, input) {
      const filter = {
        kind: input.kind,
        occupation: input.occupation,
        stationId: input.stationId,
        orgId: input.orgId,
      };
      const located = input.lat !== undefined && input.lng !== undefined;
      const { page, pageSize } = pageWindow(input);
      const found = located
        ? await upcomingNear({ lat: input.lat!, lng: input.lng! }, filter, now, { page, pageSize })
        : await upcomingByTime(filter, now, { page, pageSize }).then((p) => ({
            items: p.items.map((doc) => ({ doc, distanceM: null as number | null })),
            hasMore: p.hasMore,
          }));
      const bookings = await bookingViewsOf(found.items.map((f) => keyOf(f.doc)));
      return {
        items: found.items.map((f) =>
          toSummary(f.doc, now, bookings.get(eventKeyOf(keyOf(f.doc)))?.counts, f.distanceM),
        ),
        page,
        pageSize,
        hasMore: found.hasMore,
        located,
      };
    },
  },

  getMeeting: {
    access: 'public',
    input: form({ id: id() }, { id: '活动编号' }),
    async run({ caller, now, requestId, log }, input) {
      const m = await requireMeeting(input.id);
      const key = keyOf(m);
      // A public action has no user resolved: the caller's own sign-up needs theirs.
      const [booking, user, avatars, cases] = await Promise.all([
        bookingView(key),
        caller.openid ? findUserByOpenid(caller.openid) : Promise.resolve(null),
        seatedAvatars(key, AVATARS).then(downloadUrls),
        meetingCases(m._id, now),
      ]);
      const me = user && user.status === 'active' ? user : null;
      const mine = me ? await mySignUp({ caller: { ...caller, user: me }, now, requestId, log }, key) : null;
      const open = booking.open && m.status === 'published' && now < new Date(booking.deadline);
      return {
        ...toMeeting(m, now),
        booking,
        coming: {
          seated: booking.counts.seatsTaken,
          waitlisted: booking.counts.waitlisted,
          checkedIn: booking.counts.attended,
          avatars,
        },
        mine,
        prefill: prefillAnswers(booking.questions, me),
        subscribe: subscribeOffer(),
        checkInOpen: m.status === 'published' && checkInOpen(m, now),
        canSignUp: open && now < m.startAt,
        cases: cases.map(({ id, title, categoryLabel, state, orgName, answeredAt }) => ({
          id,
          title,
          categoryLabel,
          state,
          orgName,
          answeredAt,
        })),
      };
    },
  },
} satisfies Handlers<PublicActions>;
