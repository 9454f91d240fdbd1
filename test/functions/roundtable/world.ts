// The world of the roundtable function's tests: the org fixture's two districts
// with an admin each, stations around one point of the first district, workers
// registered through the user function, and helpers for what the emulator records
// (subscribe messages sent, refusals, the pinned clock, the scheduler's timer).
import type { AdminMeeting, MeetingDetail, SaveMeetingRequest } from '../../../typings/roundtable';
import type { SubscribeGrant } from '../../../typings/signup';
import type { StationAdminView } from '../../../typings/station';
import type { UpkeepReport } from '../../../typings/scheduler';
import type { OutboxMessage } from '../../../emulator/openapi/state';
import { meetingInput, stationInput } from '../../support/arrange';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions, SUPERADMIN } from '../../support/functions';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An admin of the first district (organises its meetings), and one of the other district. */
export const ADMIN = 'o-rt-admin';
export const OTHER_ADMIN = 'o-rt-admin-other';

export const HERE = { lat: 29.5, lng: 106.5 };

export interface RtWorld {
  h: FunctionsHarness;
  orgs: OrgFixture;
  /** Stations of the first district: at HERE (the fixture's), ~1.3 km and ~5 km away. */
  stations: { here: string; near: string; far: string };
}

export async function startRtWorld(): Promise<RtWorld> {
  const h = await startFunctions();
  const orgs = await seedOrgs(h);
  await makeAdmin(h, ADMIN, [orgs.district.id]);
  await makeAdmin(h, OTHER_ADMIN, [orgs.otherDistrict.id]);
  const station = (name: string, number: string, location: { lat: number; lng: number }) =>
    h
      .as(SUPERADMIN)
      .ok<StationAdminView>('station', 'saveStation', stationInput(orgs.district.id, { name, number, location }));
  const near = await station('近处驿站', 'RT-02', { lat: 29.51, lng: 106.505 });
  const far = await station('远处驿站', 'RT-03', { lat: 29.54, lng: 106.48 });
  return { h, orgs, stations: { here: orgs.station.id, near: near.id, far: far.id } };
}

/** Registers workers (in parallel, ten at a time) and returns their openids. */
export async function workers(w: RtWorld, prefix: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  for (let i = 0; i < ids.length; i += 10) {
    await Promise.all(
      ids.slice(i, i + 10).map((openid, j) =>
        registerWorker(w.h, openid, w.orgs.expressBranch.id, {
          realName: `骑手${prefix}${i + j}`,
          phone: `139${String(Math.abs(hash(openid)) % 1e8).padStart(8, '0')}`,
        }),
      ),
    );
  }
  return ids;
}

function hash(s: string): number {
  let x = 0;
  for (const c of s) x = (Math.imul(x, 31) + c.charCodeAt(0)) | 0;
  return x;
}

/** A meeting of the first district made by its admin (at the fixture's station unless said). */
export function saveMeeting(
  w: RtWorld,
  over: Partial<SaveMeetingRequest> & { base?: number; startsInH?: number } = {},
) {
  const input = meetingInput(w.orgs.district.id, w.stations.here, over);
  const at = over.base ? new Date(over.base).toISOString() : undefined;
  const admin = at ? w.h.as(ADMIN).at(at) : w.h.as(ADMIN);
  return admin.ok<AdminMeeting>('roundtable', 'saveMeeting', input);
}

/** Accept every template the meeting offers (what the client reports after wx.requestSubscribeMessage). */
export async function acceptAll(w: RtWorld, meetingId: string): Promise<SubscribeGrant[]> {
  const d = await w.h.as('o-anyone').ok<MeetingDetail>('roundtable', 'getMeeting', { id: meetingId });
  return d.subscribe.templateIds.map((templateId) => ({ templateId, result: 'accept' as const }));
}

export async function outbox(w: RtWorld): Promise<OutboxMessage[]> {
  return (await (await fetch(`${w.h.emu.url}/_emulator/outbox`)).json()) as OutboxMessage[];
}

export async function clearOutbox(w: RtWorld): Promise<void> {
  await fetch(`${w.h.emu.url}/_emulator/outbox`, { method: 'DELETE' });
}

export async function refuseMessages(w: RtWorld, openid: string, errcode: 43101 | 20004 = 43101): Promise<void> {
  const res = await fetch(`${w.h.emu.url}/_emulator/openapi/subscribe-refusals`, {
    method: 'POST',
    body: JSON.stringify({ openid, errcode }),
  });
  if (res.status !== 200) throw new Error(`refusal not set: ${res.status}`);
}

/** Fires the scheduler's timer with the clock pinned at `at`, as the platform would every 10 minutes. */
export async function upkeepAt(w: RtWorld, at: Date): Promise<UpkeepReport> {
  const clock = (now: string | null) =>
    fetch(`${w.h.emu.url}/_emulator/clock`, { method: 'PUT', body: JSON.stringify({ now }) });
  await clock(at.toISOString());
  try {
    const res = await fetch(`${w.h.emu.url}/_emulator/timers/scheduler/every-10-minutes`, { method: 'POST' });
    const reply = (await res.json()) as { ok: boolean; data: UpkeepReport };
    if (!reply.ok) throw new Error(`upkeep failed: ${JSON.stringify(reply)}`);
    return reply.data;
  } finally {
    await clock(null);
  }
}

/** /admin requests the emulator has served (database round trips and open-API calls), by action. */
export async function stats(w: RtWorld): Promise<{ total: number; byAction: Record<string, number> }> {
  return (await (await fetch(`${w.h.emu.url}/_emulator/stats`)).json()) as {
    total: number;
    byAction: Record<string, number>;
  };
}

/** The stored sign-ups of a meeting. */
export async function signUpRecords(
  w: RtWorld,
  m: { id: string; kind: AdminMeeting['kind'] },
): Promise<{ _id: string; userId: string; state: string; openid: string }[]> {
  const domain = m.kind === 'activity' ? 'station' : m.kind;
  const { data } = await w.h.db
    .collection('signups')
    .where({ eventKey: `${domain}:${m.id}` })
    .limit(1000)
    .get();
  return data as { _id: string; userId: string; state: string; openid: string }[];
}
