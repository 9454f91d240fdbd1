// Reading sign-ups: an organiser's list of an event (names and phones of the
// people in it, their answers, waitlist positions), and a worker's own.
import type { Page } from '../../../../typings/common';
import type { MySignUp, SignUpDomain, SignUpRow, SignUpState } from '../../../../typings/signup';
import type { ActionContext } from '../../function';
import type { PageArgs } from '../../paging';
import { getSignUp, pageOfEvent, pageOfUser, type SignUpDoc, signUpId, waitlistedAhead } from '../../stores/signups';
import { usersByIds } from '../../stores/users';
import { type EventKey, eventKeyOf, requireBooking, requireOrganiser, userIdOf } from './access';
import { toMySignUp, toRow } from './views';

/** Waitlist positions of a page's rows (they come in queue order): one count for the page. */
async function positionsOf(rows: SignUpDoc[]): Promise<Map<string, number>> {
  const waiting = rows.filter((r) => r.state === 'waitlisted');
  const positions = new Map<string, number>();
  if (!waiting.length) return positions;
  let next = (await waitlistedAhead(waiting[0]!)) + 1;
  for (const r of waiting) positions.set(r._id, next++);
  return positions;
}

/** An event's sign-ups in queue order, for an organiser of its org. */
export async function listSignUps(
  ctx: ActionContext,
  key: EventKey,
  filter: { states?: SignUpState[] } & PageArgs,
): Promise<Page<SignUpRow>> {
  const booking = await requireBooking(key);
  requireOrganiser(ctx.caller, booking);
  const page = await pageOfEvent(booking._id, filter.states, filter);
  const [positions, users] = await Promise.all([positionsOf(page.items), usersByIds(page.items.map((s) => s.userId))]);
  return { ...page, items: page.items.map((s) => toRow(s, positions.get(s._id) ?? null, users.get(s.userId))) };
}

/** The caller's sign-ups in one domain, newest first. */
export async function mySignUps(ctx: ActionContext, domain: SignUpDomain, page: PageArgs): Promise<Page<MySignUp>> {
  const rows = await pageOfUser(userIdOf(ctx.caller), domain, page);
  const items = await Promise.all(
    rows.items.map(async (s) => toMySignUp(s, s.state === 'waitlisted' ? (await waitlistedAhead(s)) + 1 : null)),
  );
  return { ...rows, items };
}

/** The caller's sign-up for one event, or null. */
export async function mySignUp(ctx: ActionContext, key: EventKey): Promise<MySignUp | null> {
  const s = await getSignUp(signUpId(eventKeyOf(key), userIdOf(ctx.caller)));
  if (!s) return null;
  return toMySignUp(s, s.state === 'waitlisted' ? (await waitlistedAhead(s)) + 1 : null);
}
