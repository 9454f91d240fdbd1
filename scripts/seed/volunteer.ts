// The demo volunteer team (volunteer-data.ts) as the volunteer function stores it:
// each member's user and team record, the activities with their bookings and
// sign-ups (held ones scanned in and out), the credit hours the scans earned with
// their points in the ledger, the pending claim of the forgotten check-out and a
// self-reported service with its photo. Times are relative to the seed's Beijing
// day (stable within a day); ids are fixed and written with set(), so seeding
// again changes nothing. Members' totals and balances are what their records sum to.
import { beijingDay, beijingDayStart } from '../../cloudfunctions/_shared/clock';
import type { BookingDoc } from '../../cloudfunctions/_shared/stores/signup-events';
import type { SignUpDoc } from '../../cloudfunctions/_shared/stores/signups';
import type { UserDoc } from '../../cloudfunctions/_shared/stores/users';
import { pointsPerHour } from '../../cloudfunctions/volunteer/rules/config';
import { earnsCredit, minutesOf, pointsFor, servedMinutes } from '../../cloudfunctions/volunteer/rules/hours';
import { activityPage, scanHoursId } from '../../cloudfunctions/volunteer/rules/keys';
import { monthOf } from '../../cloudfunctions/volunteer/rules/months';
import type { ActivityDoc } from '../../cloudfunctions/volunteer/store/activities';
import type { ClaimDoc } from '../../cloudfunctions/volunteer/store/claims';
import { pointsKeyOf } from '../../cloudfunctions/volunteer/store/credit';
import type { HoursDoc } from '../../cloudfunctions/volunteer/store/hours';
import type { MemberDoc } from '../../cloudfunctions/volunteer/store/members';
import type { SignUpState } from '../../typings/signup';
import type { SeedModule } from './index';
import { solidPng } from './png';
import {
  type DemoActivity,
  DEMO_ACTIVITIES,
  DEMO_SERVICE_REPORT,
  DEMO_VOLUNTEERS,
  type DemoVolunteer,
  VOLUNTEER_ORGS,
} from './volunteer-data';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const orgOf = (v: { orgId: keyof typeof VOLUNTEER_ORGS }) => VOLUNTEER_ORGS[v.orgId];

interface Totals {
  credit: number;
  honor: number;
  points: number;
  attended: number;
}

export const volunteerSeed: SeedModule = {
  name: 'volunteer',
  async run(db, now, app) {
    const today = beijingDayStart(beijingDay(now)).getTime();
    const totals = new Map<string, Totals>(
      DEMO_VOLUNTEERS.map((v) => [v.id, { credit: 0, honor: 0, points: 0, attended: 0 }]),
    );
    let n = 0;
    for (const a of DEMO_ACTIVITIES) n += await seedActivity(db, a, today, now, totals);

    const r = DEMO_SERVICE_REPORT;
    const reporter = DEMO_VOLUNTEERS[r.who]!;
    const photo = await app.uploadFile({
      cloudPath: `volunteer/${reporter.id}/road-help.png`,
      fileContent: solidPng(64, 48, [226, 132, 52]),
    });
    const startAt = new Date(today - r.daysAgo * DAY + r.hour * HOUR);
    const endAt = new Date(startAt.getTime() + r.minutes * MINUTE);
    const claim: Omit<ClaimDoc, '_id'> = {
      ...claimBase(reporter, startAt, endAt),
      kind: 'service',
      activityId: null,
      title: `路遇帮扶：${Array.from(r.text).slice(0, 16).join('')}`,
      serviceType: r.serviceType,
      text: r.text,
      maxMinutes: minutesOf({ startAt, endAt }),
      photos: [photo.fileID],
    };
    await db.collection('volunteer_claims').doc(r.id).set(claim);
    n++;

    for (const v of DEMO_VOLUNTEERS) {
      const t = totals.get(v.id)!;
      await db
        .collection('users')
        .doc(v.id)
        .set(userOf(v, t.points, today));
      await db
        .collection('volunteer_members')
        .doc(v.id)
        .set(memberOf(v, t, today));
      n += 2;
    }
    return n;
  },
};

function userOf(v: DemoVolunteer, points: number, today: number): Omit<UserDoc, '_id'> {
  const org = orgOf(v);
  const at = new Date(today - (v.appliedDaysAgo + 3) * DAY);
  return {
    openid: v.openid,
    nickname: `${v.realName.slice(0, 1)}师傅（示例）`,
    avatarFileId: '',
    status: 'active',
    worker: {
      realName: v.realName,
      phone: v.phone,
      occupation: v.occupation,
      platform: v.platform,
      orgId: v.orgId,
      orgName: org.name,
      isPartyMember: false,
      branchName: '',
      consentVersion: '2026-11',
      consentAt: at,
      orgPath: [...org.path],
    },
    memberStatus: 'none',
    memberRejectReason: '',
    adminOrgIds: [],
    points: { balance: points, earned: points, spent: 0 },
    createdAt: at,
    updatedAt: at,
  };
}

function memberOf(v: DemoVolunteer, t: Totals, today: number): Omit<MemberDoc, '_id'> {
  const org = orgOf(v);
  const appliedAt = new Date(today - v.appliedDaysAgo * DAY + 9 * HOUR);
  const reviewedAt = v.status === 'pending' ? null : new Date(appliedAt.getTime() + DAY);
  return {
    realName: v.realName,
    phone: v.phone,
    occupation: v.occupation,
    platform: v.platform,
    orgId: v.orgId,
    orgName: org.name,
    orgPath: [...org.path],
    status: v.status,
    statusReason: v.statusReason,
    appliedAt,
    reviewedAt,
    reviewedBy: null,
    onLeaderboard: v.onLeaderboard,
    creditMinutes: t.credit,
    honorMinutes: t.honor,
    totalMinutes: t.credit + t.honor,
    hoursPoints: t.points,
    attended: t.attended,
    createdAt: appliedAt,
    updatedAt: reviewedAt ?? appliedAt,
  };
}

function claimBase(v: DemoVolunteer, startAt: Date, endAt: Date) {
  const org = orgOf(v);
  return {
    state: 'pending' as const,
    userId: v.id,
    startAt,
    endAt,
    orgId: v.orgId,
    orgName: org.name,
    orgPath: [...org.path],
    grantedMinutes: 0,
    reviewReason: '',
    reviewedBy: null,
    reviewedAt: null,
    createdAt: endAt,
    updatedAt: endAt,
  };
}

async function seedActivity(
  db: Parameters<SeedModule['run']>[0],
  d: DemoActivity,
  today: number,
  now: Date,
  totals: Map<string, Totals>,
): Promise<number> {
  const org = orgOf(d);
  const startAt = new Date(today + d.day * DAY + d.hour * HOUR);
  const endAt = new Date(startAt.getTime() + d.minutes * MINUTE);
  const deadline = new Date(startAt.getTime() - HOUR);
  const createdAt = new Date(startAt.getTime() - 7 * DAY);
  const activity: Omit<ActivityDoc, '_id'> = {
    title: d.title,
    serviceType: d.serviceType,
    description: d.description,
    venue: { ...d.venue, location: null },
    startAt,
    endAt,
    plannedMinutes: d.minutes,
    deadline,
    capacity: d.capacity,
    contact: '志愿服务队联络员（示例）',
    contactPhone: '0571-00001234',
    orgId: d.orgId,
    orgName: org.name,
    orgPath: [...org.path],
    status: 'published',
    cancelReason: null,
    cancelledAt: null,
    // Held ones were closed by the scheduler: their forgotten check-outs are claims already.
    closed: endAt.getTime() + 30 * MINUTE <= now.getTime(),
    createdBy: '',
    createdAt,
    updatedAt: createdAt,
  };
  await db.collection('volunteer_activities').doc(d.id).set(activity);
  let n = 1;
  const eventKey = `volunteer:${d.id}`;
  for (const [i, p] of d.people.entries()) {
    const v = DEMO_VOLUNTEERS[p.who]!;
    const queuedAt = new Date(createdAt.getTime() + (i + 1) * 11 * MINUTE);
    const inAt = p.inAt === undefined ? null : new Date(startAt.getTime() + p.inAt * MINUTE);
    const outAt = p.outAt === undefined ? null : new Date(startAt.getTime() + p.outAt * MINUTE);
    const state: SignUpState = inAt ? 'attended' : 'confirmed';
    const signUp: Omit<SignUpDoc, '_id'> = {
      eventKey,
      domain: 'volunteer',
      eventId: d.id,
      userId: v.id,
      openid: v.openid,
      state,
      answers: [],
      note: '',
      queuedAt,
      confirmedAt: queuedAt,
      cancelledAt: null,
      cancelledBy: null,
      checkIn: inAt ? { at: inAt, method: 'code', by: null } : null,
      checkOut: outAt ? { at: outAt, method: 'code', by: null } : null,
      notices: {},
      rev: 0,
      createdAt: queuedAt,
      updatedAt: outAt ?? inAt ?? queuedAt,
    };
    await db.collection('signups').doc(`${eventKey}:${v.id}`).set(signUp);
    n++;
    if (!inAt) continue;
    const t = totals.get(v.id)!;
    t.attended++;
    if (!outAt) {
      const claim: Omit<ClaimDoc, '_id'> = {
        ...claimBase(v, inAt, endAt),
        kind: 'missed_checkout',
        activityId: d.id,
        title: d.title,
        serviceType: null,
        text: '',
        maxMinutes: Math.min(d.minutes, minutesOf({ startAt: inAt, endAt })),
        photos: [],
      };
      await db.collection('volunteer_claims').doc(`mc-${d.id}-${v.id}`).set(claim);
      n++;
      continue;
    }
    const served = servedMinutes(inAt, outAt, { startAt, endAt }, d.minutes);
    if (!earnsCredit(served, d.minutes)) continue;
    const id = scanHoursId(d.id, v.id);
    const points = pointsFor(served, pointsPerHour());
    const hours: Omit<HoursDoc, '_id'> = {
      userId: v.id,
      kind: 'credit',
      source: 'scan',
      minutes: served,
      activityId: d.id,
      title: d.title,
      startAt: new Date(Math.max(inAt.getTime(), startAt.getTime())),
      endAt: new Date(Math.min(outAt.getTime(), endAt.getTime())),
      month: monthOf(startAt),
      reason: '',
      orgId: d.orgId,
      orgName: org.name,
      orgPath: [...org.path],
      points,
      evidence: [],
      grantedBy: null,
      createdAt: outAt,
    };
    await db.collection('volunteer_hours').doc(id).set(hours);
    t.credit += served;
    t.points += points;
    n++;
    if (points > 0) {
      await db
        .collection('points_ledger')
        .doc(pointsKeyOf(id))
        .set({
          userId: v.id,
          amount: points,
          reason: 'volunteer_hours',
          title: `志愿服务：${d.title}`,
          sourceId: id,
          day: beijingDay(outAt),
          createdAt: outAt,
        });
      n++;
    }
  }
  n += await seedBooking(db, d, eventKey, { startAt, endAt, deadline, createdAt }, org.path);
  return n;
}

async function seedBooking(
  db: Parameters<SeedModule['run']>[0],
  d: DemoActivity,
  eventKey: string,
  times: { startAt: Date; endAt: Date; deadline: Date; createdAt: Date },
  path: readonly string[],
): Promise<number> {
  // The counters, from every record of the event (the seeded ones and any made since).
  const { data } = await db.collection('signups').where({ eventKey }).limit(1000).get();
  const count = (states: SignUpState[]) => (data as SignUpDoc[]).filter((s) => states.includes(s.state)).length;
  const seatsTaken = count(['confirmed', 'attended', 'no_show']);
  const booking: Omit<BookingDoc, '_id'> = {
    domain: 'volunteer',
    eventId: d.id,
    orgId: d.orgId,
    orgAncestors: path.slice(0, -1),
    status: 'open',
    cancelled: null,
    capacity: d.capacity,
    free: d.capacity - seatsTaken,
    seatsTaken,
    waitlisted: count(['waitlisted']),
    attended: count(['attended']),
    waitlist: true,
    ...times,
    questions: [],
    notice: { title: d.title, place: d.venue.name, page: activityPage(d.id) },
    updatedAt: times.createdAt,
  };
  await db.collection('signup_events').doc(eventKey).set(booking);
  return 1;
}
