// Reading sign-ups: an organiser's list of an event (names and phones of the
// people in it, their answers, waitlist positions), a worker's own, and the few
// faces an event's page shows of who is coming (avatars only).
import type { Page } from '../../../../typings/common';
import type { MySignUp, SignUpDomain, SignUpRow, SignUpState } from '../../../../typings/signup';
import type { ActionContext } from '../../function';
import { pageWindow, type PageArgs } from '../../paging';
import {
  allOfEvent,
  getSignUp,
  pageOfEvent,
  pageOfUser,
  type SignUpDoc,
  signUpId,
  signUpsByIds,
  waitlistedAhead,
} from '../../stores/signups';
import { type UserDoc, usersByIds } from '../../stores/users';
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

/** Whether a person matches an organiser's keyword: part of the name or nickname, or of a phone (4+ digits). */
function matches(user: UserDoc | undefined, keyword: string): boolean {
  if (!user) return false;
  const k = keyword.toLowerCase();
  const names = [user.worker?.realName ?? '', user.nickname].map((n) => n.toLowerCase());
  if (names.some((n) => n.includes(k))) return true;
  return /^\d{4,}$/.test(keyword) && (user.worker?.phone ?? '').includes(keyword);
}

export interface SignUpFilter extends PageArgs {
  states?: SignUpState[];
  /** Part of a name or nickname, or 4+ digits of a phone. */
  keyword?: string;
}

/** An event's sign-ups in queue order, for an organiser of its org. */
export async function listSignUps(ctx: ActionContext, key: EventKey, filter: SignUpFilter): Promise<Page<SignUpRow>> {
  const booking = await requireBooking(key);
  requireOrganiser(ctx.caller, booking);
  const keyword = filter.keyword?.trim();
  if (keyword) return searchSignUps(booking._id, { ...filter, keyword });
  const page = await pageOfEvent(booking._id, filter.states, filter);
  const [positions, users] = await Promise.all([positionsOf(page.items), usersByIds(page.items.map((s) => s.userId))]);
  return { ...page, items: page.items.map((s) => toRow(s, positions.get(s._id) ?? null, users.get(s.userId))) };
}

/**
 * A keyword search over an event's sign-ups: names live with the users, so every
 * sign-up of the event (in the states asked for) is read with its person, 1,000 a
 * read, and matched here — exact, for an organiser's list of at most a few
 * thousand. Positions come from the whole waitlist read alongside.
 */
async function searchSignUps(
  eventKey: string,
  filter: SignUpFilter & { keyword: string },
): Promise<Page<SignUpRow> & { total: number }> {
  const rows = await allOfEvent(eventKey, filter.states);
  const users = new Map<string, UserDoc>();
  for (let i = 0; i < rows.length; i += 1000) {
    for (const [id, u] of await usersByIds(rows.slice(i, i + 1000).map((s) => s.userId))) users.set(id, u);
  }
  const waiting = filter.states?.length && !filter.states.includes('waitlisted') ? [] : rows;
  const positions = new Map<string, number>();
  let next = 1;
  for (const r of waiting) if (r.state === 'waitlisted') positions.set(r._id, next++);
  const hits = rows.filter((s) => matches(users.get(s.userId), filter.keyword));
  const { page, pageSize, skip } = pageWindow(filter);
  return {
    items: hits.slice(skip, skip + pageSize).map((s) => toRow(s, positions.get(s._id) ?? null, users.get(s.userId))),
    page,
    pageSize,
    hasMore: hits.length > skip + pageSize,
    total: hits.length,
  };
}

/** The caller's sign-ups in one or more domains, newest first. */
export async function mySignUps(
  ctx: ActionContext,
  domains: SignUpDomain | SignUpDomain[],
  page: PageArgs,
): Promise<Page<MySignUp>> {
  const rows = await pageOfUser(userIdOf(ctx.caller), Array.isArray(domains) ? domains : [domains], page);
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

/** The caller's sign-ups for a list's events (one read; a count more per waitlisted one), by event key. */
export async function mySignUpsOf(ctx: ActionContext, keys: EventKey[]): Promise<Map<string, MySignUp>> {
  const userId = userIdOf(ctx.caller);
  const found = await signUpsByIds(keys.map((k) => signUpId(eventKeyOf(k), userId)));
  const out = new Map<string, MySignUp>();
  await Promise.all(
    [...found.values()].map(async (s) =>
      out.set(s.eventKey, toMySignUp(s, s.state === 'waitlisted' ? (await waitlistedAhead(s)) + 1 : null)),
    ),
  );
  return out;
}

/**
 * Who is coming, as anyone may see it: the avatar file ids of the first `limit`
 * seated people who set one, in sign-up order — no names, phones or ids. Two reads.
 */
export async function seatedAvatars(key: EventKey, limit: number): Promise<string[]> {
  const page = await pageOfEvent(eventKeyOf(key), ['confirmed', 'attended', 'no_show'], {
    page: 1,
    pageSize: Math.min(50, limit * 2),
  });
  if (!page.items.length) return [];
  const users = await usersByIds(page.items.map((s) => s.userId));
  return page.items
    .map((s) => users.get(s.userId))
    .filter((u): u is UserDoc => !!u && u.status === 'active' && !!u.avatarFileId)
    .map((u) => u.avatarFileId)
    .slice(0, limit);
}
