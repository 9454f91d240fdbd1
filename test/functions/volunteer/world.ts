// The world of the volunteer function's tests: the org fixture's two districts
// with an admin each, workers registered through the user function and made team
// members (applied, approved by the district's organiser), activities created at
// a pinned time, and scans made at pinned instants (codes rotate every 10 s, so
// the organiser's screen and the member's scan share the instant).
import type { OutboxMessage } from '../../../emulator/openapi/state';
import type { Reply } from '../../../typings/errors';
import type {
  AdminVolunteerActivity,
  CheckOutResult,
  SaveActivityRequest,
  VolunteerCheckInCode,
  VolunteerCheckInResult,
  VolunteerMember,
} from '../../../typings/volunteer-team';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions } from '../../support/functions';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 09:00 in Beijing, Monday 7 December 2026: activities are created then. */
export const T0 = Date.parse('2026-12-07T01:00:00Z');
export const iso = (ms: number) => new Date(ms).toISOString();

/** An admin of the first district (organises its activities), and one of the other district. */
export const ADMIN = 'o-vol-admin';
export const OTHER_ADMIN = 'o-vol-admin-other';

export interface VolWorld {
  h: FunctionsHarness;
  orgs: OrgFixture;
}

export async function startVolWorld(): Promise<VolWorld> {
  const h = await startFunctions();
  const orgs = await seedOrgs(h);
  await makeAdmin(h, ADMIN, [orgs.district.id]);
  await makeAdmin(h, OTHER_ADMIN, [orgs.otherDistrict.id]);
  return { h, orgs };
}

let phones = 0;

/** Registers a worker in the express branch and applies to the team (pending). */
export async function applicant(w: VolWorld, openid: string, realName = `志愿者${openid.slice(-3)}`) {
  const phone = `1360000${String(++phones).padStart(4, '0')}`;
  const profile = await registerWorker(w.h, openid, w.orgs.expressBranch.id, { realName, phone });
  await w.h.as(openid).ok<VolunteerMember>('volunteer', 'applyMember', {
    realName,
    phone,
    occupation: 'food_delivery',
    platform: '示例外卖平台',
    orgId: w.orgs.expressBranch.id,
  });
  return profile;
}

/** A member approved by the district's organiser; returns their user id. */
export async function member(w: VolWorld, openid: string, realName?: string): Promise<string> {
  const profile = await applicant(w, openid, realName);
  await w.h.as(ADMIN).ok('volunteer', 'reviewMember', { userId: profile.userId, decision: 'approve' });
  return profile.userId;
}

/** An activity of the express branch created at T0: starts at `startAt` (ms), lasts `minutes`. */
export function activity(
  w: VolWorld,
  startAt: number,
  minutes = 120,
  over: Partial<SaveActivityRequest> = {},
): Promise<AdminVolunteerActivity> {
  return w.h
    .as(ADMIN)
    .at(iso(T0))
    .ok<AdminVolunteerActivity>('volunteer', 'saveActivity', {
      title: '路口文明交通劝导',
      serviceType: 'traffic',
      description: '在示例路口协助交警劝导电动车规范通行。',
      venue: { name: '示例路与和平路路口', address: '示例区示例路 88 号' },
      startAt: iso(startAt),
      endAt: iso(startAt + minutes * MINUTE),
      deadline: iso(startAt - HOUR),
      capacity: 20,
      orgId: w.orgs.expressBranch.id,
      ...over,
    });
}

export function code(w: VolWorld, activityId: string, purpose: 'in' | 'out', at: number) {
  return w.h.as(ADMIN).at(iso(at)).ok<VolunteerCheckInCode>('volunteer', 'issueCheckInCode', { activityId, purpose });
}

export async function scanIn(
  w: VolWorld,
  openid: string,
  activityId: string,
  at: number,
): Promise<Reply<VolunteerCheckInResult>> {
  const { code: c } = await code(w, activityId, 'in', at);
  return w.h.as(openid).at(iso(at)).call<VolunteerCheckInResult>('volunteer', 'checkIn', { activityId, code: c });
}

export async function scanOut(
  w: VolWorld,
  openid: string,
  activityId: string,
  at: number,
): Promise<Reply<CheckOutResult>> {
  const { code: c } = await code(w, activityId, 'out', at);
  return w.h.as(openid).at(iso(at)).call<CheckOutResult>('volunteer', 'checkOut', { activityId, code: c });
}

export const signUp = (w: VolWorld, openid: string, activityId: string) =>
  w.h.as(openid).at(iso(T0)).ok('volunteer', 'signUp', { activityId });

/** Fires the scheduler's timer with the clock pinned at `at`. */
export async function upkeepAt(w: VolWorld, at: number): Promise<Record<string, unknown>> {
  const clock = (now: string | null) =>
    fetch(`${w.h.emu.url}/_emulator/clock`, { method: 'PUT', body: JSON.stringify({ now }) });
  await clock(iso(at));
  try {
    const res = await fetch(`${w.h.emu.url}/_emulator/timers/scheduler/every-10-minutes`, { method: 'POST' });
    const reply = (await res.json()) as { ok: boolean; data: Record<string, unknown> };
    if (!reply.ok) throw new Error(`upkeep failed: ${JSON.stringify(reply)}`);
    return reply.data;
  } finally {
    await clock(null);
  }
}

/** The subscribe messages the emulator's WeChat stand-in delivered (clear: forget them). */
export async function outbox(w: VolWorld, clear = false): Promise<OutboxMessage[]> {
  const url = `${w.h.emu.url}/_emulator/outbox`;
  if (clear) await fetch(url, { method: 'DELETE' });
  return clear ? [] : ((await (await fetch(url)).json()) as OutboxMessage[]);
}
