// The sign-up engine's tests run its functions in this process, through the real
// SDK, against an in-memory emulator (database and open-API stand-ins). The
// domains' handlers do not exist here: callers are made by hand as the function
// entry would make them (a worker, an organiser of an org, anyone).
import type { ActionContext } from '../../../../cloudfunctions/_shared/function';
import type { UserDoc } from '../../../../cloudfunctions/_shared/stores/users';
import { type EventKey, openEvent } from '../../../../cloudfunctions/_shared/engines/signup';
import type { OpenEventInput } from '../../../../cloudfunctions/_shared/engines/signup/bookings';
import { DatabaseService } from '../../../../emulator/database';
import { OpenApiService } from '../../../../emulator/openapi';
import type { OutboxMessage } from '../../../../emulator/openapi/state';
import type { RunningEmulator } from '../../../../emulator/registry';
import { loadSchema } from '../../../../scripts/manifests/database';
import { startTestEmulator } from '../../../support/emulator';
import { pointSharedCodeAt } from '../../../support/in-process';
import { sdkFor } from '../../../support/sdk';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 10:00 in Beijing, 1 December 2026. */
export const T0 = new Date('2026-12-01T02:00:00Z');
export const at = (ms: number) => new Date(T0.getTime() + ms);

/** The org tree: a district, a branch below it, and another branch. */
export const ORGS = { district: 'org-d', branch: 'org-b', other: 'org-x' } as const;

export interface World {
  emu: RunningEmulator;
  db: ReturnType<ReturnType<typeof sdkFor>['database']>;
  stop(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const emu = await startTestEmulator([new DatabaseService({ collections: loadSchema() }), new OpenApiService()]);
  pointSharedCodeAt(emu);
  const db = sdkFor(emu).database();
  await seedOrgs(db);
  return { emu, db, stop: () => emu.stop() };
}

export async function seedOrgs(db: World['db']): Promise<void> {
  const org = (id: string, name: string, parentId: string | null, ancestors: string[]) =>
    db.collection('orgs').add({ _id: id, name, type: parentId ? 'branch' : 'district', parentId, ancestors, sort: 0 });
  await org(ORGS.district, '示例区委', null, []);
  await org(ORGS.branch, '城北快递支部', ORGS.district, [ORGS.district]);
  await org(ORGS.other, '城南外卖支部', ORGS.district, [ORGS.district]);
}

function userDoc(userId: string, adminOrgIds: string[]): UserDoc {
  return {
    _id: userId,
    openid: `o-${userId}`,
    nickname: `昵称${userId}`,
    avatarFileId: '',
    status: 'active',
    worker: {
      realName: `骑手${userId}`,
      phone: '13800001234',
      occupation: 'food_delivery',
      platform: '示例外卖平台',
      orgId: ORGS.branch,
      orgName: '城北快递支部',
      isPartyMember: false,
      branchName: '',
      consentVersion: '2026-11',
      consentAt: T0,
      orgPath: [ORGS.district, ORGS.branch],
    },
    memberStatus: 'none',
    memberRejectReason: '',
    adminOrgIds,
    points: { balance: 0, earned: 0, spent: 0 },
    createdAt: T0,
    updatedAt: T0,
  };
}

/** An action context as createFunction builds it, for this user at `now`. */
export function ctxOf(userId: string, now: Date, adminOrgIds: string[] = []): ActionContext {
  const user = userDoc(userId, adminOrgIds);
  return {
    caller: {
      openid: user.openid,
      appid: 'wx0000000000local',
      clientIp: '127.0.0.1',
      isTimer: false,
      user,
      roles: adminOrgIds.length ? ['worker', 'admin'] : ['worker'],
      isSuperadmin: false,
    },
    now,
    requestId: `req-${userId}`,
    log: () => {},
  };
}

/** An admin of the branch that organises the test events. */
export const organiser = (now: Date) => ctxOf('organiser', now, [ORGS.branch]);

let events = 0;

/** A fresh event key (the engine caches bookings per key for a few seconds). */
export const newKey = (): EventKey => ({ domain: 'roundtable', eventId: `ev${++events}-${Date.now().toString(36)}` });

/** Opens an event starting three days after T0 (2 h long, sign-up until 1 h before the start). */
export async function openTestEvent(overrides: Partial<OpenEventInput> = {}, key = newKey()): Promise<EventKey> {
  const startAt = overrides.startAt ?? at(3 * DAY);
  await openEvent(organiser(T0), key, {
    orgId: ORGS.branch,
    capacity: 20,
    startAt,
    endAt: new Date(startAt.getTime() + 2 * HOUR),
    deadline: new Date(startAt.getTime() - HOUR),
    notice: { title: '小哥圆桌会：电动车充电难题', place: '城北党群服务驿站', page: 'pages/index/index' },
    ...overrides,
  });
  return key;
}

export async function outbox(w: World): Promise<OutboxMessage[]> {
  return (await (await fetch(`${w.emu.url}/_emulator/outbox`)).json()) as OutboxMessage[];
}

export async function clearOutbox(w: World): Promise<void> {
  await fetch(`${w.emu.url}/_emulator/outbox`, { method: 'DELETE' });
}

export async function refuseMessages(w: World, openid: string, errcode: 43101 | 20004 = 43101): Promise<void> {
  const res = await fetch(`${w.emu.url}/_emulator/openapi/subscribe-refusals`, {
    method: 'POST',
    body: JSON.stringify({ openid, errcode }),
  });
  if (res.status !== 200) throw new Error(`refusal not set: ${res.status}`);
}

/** /admin requests the emulator has served (database round trips and open-API calls). */
export async function roundTrips(w: World): Promise<number> {
  return ((await (await fetch(`${w.emu.url}/_emulator/stats`)).json()) as { total: number }).total;
}

/** The stored sign-ups of an event. */
export async function records(w: World, key: EventKey): Promise<{ userId: string; state: string }[]> {
  const { data } = await w.db
    .collection('signups')
    .where({ eventKey: `${key.domain}:${key.eventId}` })
    .limit(1000)
    .get();
  return data as { userId: string; state: string }[];
}

/** The stored booking of an event. */
export async function booking(w: World, key: EventKey): Promise<Record<string, unknown>> {
  return (await w.db.collection('signup_events').doc(`${key.domain}:${key.eventId}`).get()).data[0];
}
