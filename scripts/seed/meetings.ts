// The demo meetings (meetings-data.ts): each meeting's record, its booking in the
// sign-up engine's shapes, the fictional riders who signed up (as users) and their
// sign-ups. Written with fixed ids and set(), so seeding again changes nothing but
// the times (which move with the seed's clock, like the campaigns' phases). The
// booking's counters are counted from the event's sign-up records after they are
// written — the seeded ones and any made since — so they equal the records
// exactly, as the scheduler's recount would have them.
import { beijingDay, beijingDayStart } from '../../cloudfunctions/_shared/clock';
import type { BookingDoc } from '../../cloudfunctions/_shared/stores/signup-events';
import type { SignUpDoc } from '../../cloudfunctions/_shared/stores/signups';
import type { UserDoc } from '../../cloudfunctions/_shared/stores/users';
import type { MeetingDoc } from '../../cloudfunctions/roundtable/store/meetings';
import { DOMAIN_OF, meetingPage } from '../../cloudfunctions/roundtable/rules/kinds';
import type { SignUpState } from '../../typings/signup';
import { type DemoMeeting, DEMO_MEETINGS, DEMO_RIDERS } from './meetings-data';
import { DEMO_STATIONS } from './stations-data';
import type { SeedDb, SeedModule } from './index';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The start of the meeting: its Beijing day relative to the seed's day, at its hour. */
function startOf(m: DemoMeeting, now: Date): Date {
  const day = beijingDay(new Date(now.getTime() + m.day * DAY));
  return new Date(beijingDayStart(day).getTime() + m.hour * HOUR);
}

async function orgOf(db: SeedDb, orgId: string): Promise<{ name: string; ancestors: string[] }> {
  const { data } = await db.collection('orgs').doc(orgId).get();
  const org = data[0] as { name: string; ancestors: string[] } | undefined;
  if (!org) throw new Error(`demo meeting org ${orgId} is not seeded`);
  return org;
}

function venueOf(stationId: string): MeetingDoc['venue'] {
  const s = DEMO_STATIONS.find((x) => x.id === stationId);
  if (!s) throw new Error(`demo meeting station ${stationId} is not seeded`);
  return { stationId: s.id, name: s.name, address: s.address, location: { lat: s.lat, lng: s.lng } };
}

export const meetingSeed: SeedModule = {
  name: 'meetings',
  async run(db, now) {
    let n = 0;
    for (const r of DEMO_RIDERS) {
      const user: Omit<UserDoc, '_id'> = {
        openid: r.openid,
        nickname: r.nickname,
        avatarFileId: '',
        status: 'active',
        worker: {
          realName: r.realName,
          phone: r.phone,
          occupation: r.occupation,
          platform: r.platform,
          orgId: r.orgId,
          orgName: r.orgName,
          isPartyMember: false,
          branchName: '',
          consentVersion: '2026-11',
          consentAt: now,
          orgPath: r.orgPath,
        },
        memberStatus: 'none',
        memberRejectReason: '',
        adminOrgIds: [],
        points: { balance: 0, earned: 0, spent: 0 },
        createdAt: now,
        updatedAt: now,
      };
      await db.collection('users').doc(r.id).set(user);
      n++;
    }
    for (const m of DEMO_MEETINGS) n += await seedMeeting(db, m, now);
    return n;
  },
};

async function seedMeeting(db: SeedDb, m: DemoMeeting, now: Date): Promise<number> {
  const startAt = startOf(m, now);
  const endAt = new Date(startAt.getTime() + m.hours * HOUR);
  const deadline = new Date(startAt.getTime() - m.closesHoursBefore * HOUR);
  // Made a week before it starts (or now, whichever is earlier); people signed up in the hours after.
  const createdAt = new Date(Math.min(now.getTime(), startAt.getTime() - 7 * DAY));
  const org = await orgOf(db, m.orgId);
  const venue = venueOf(m.stationId);
  const ended = endAt <= now;
  const meeting: Omit<MeetingDoc, '_id'> & { point: unknown } = {
    kind: m.kind,
    title: m.title,
    topic: m.topic,
    description: m.description,
    venue,
    point: new db.Geo.Point(venue.location.lng, venue.location.lat),
    startAt,
    endAt,
    deadline,
    capacity: m.capacity,
    occupations: m.occupations,
    guests: m.guests,
    orgId: m.orgId,
    orgName: org.name,
    orgPath: [...org.ancestors, m.orgId],
    status: 'published',
    cancelReason: null,
    cancelledAt: null,
    training: m.training,
    activityType: m.activityType,
    minutes:
      m.minutes && ended
        ? {
            ...m.minutes,
            publishedAt: new Date(endAt.getTime() + DAY),
            updatedAt: new Date(endAt.getTime() + DAY),
            updatedBy: '',
          }
        : null,
    createdBy: '',
    createdAt,
    updatedAt: createdAt,
  };
  await db.collection('meetings').doc(m.id).set(meeting);

  const domain = DOMAIN_OF[m.kind];
  const eventKey = `${domain}:${m.id}`;
  for (const [i, s] of m.signUps.entries()) {
    const r = DEMO_RIDERS[s.rider]!;
    const queuedAt = new Date(createdAt.getTime() + (i + 1) * 7 * MINUTE);
    const checkedIn =
      s.state === 'attended'
        ? { at: new Date(startAt.getTime() - 10 * MINUTE + i * MINUTE), method: 'manual' as const, by: null }
        : null;
    const doc: Omit<SignUpDoc, '_id'> = {
      eventKey,
      domain,
      eventId: m.id,
      userId: r.id,
      openid: r.openid,
      state: s.state,
      answers: (s.answers ?? []).map((a) => ({
        ...a,
        label: m.questions.find((q) => q.key === a.key)?.label ?? a.key,
      })),
      note: s.note ?? '',
      queuedAt,
      confirmedAt: s.state === 'waitlisted' ? null : queuedAt,
      cancelledAt: null,
      cancelledBy: null,
      checkIn: checkedIn,
      notices: {},
      rev: 0,
      createdAt: queuedAt,
      updatedAt: queuedAt,
    };
    await db.collection('signups').doc(`${eventKey}:${r.id}`).set(doc);
  }

  // The counters, from every record of the event (the seeded ones and any made since).
  const { data } = await db.collection('signups').where({ eventKey }).limit(1000).get();
  const count = (states: SignUpState[]) => (data as SignUpDoc[]).filter((s) => states.includes(s.state)).length;
  const seatsTaken = count(['confirmed', 'attended', 'no_show']);
  const booking: Omit<BookingDoc, '_id'> = {
    domain,
    eventId: m.id,
    orgId: m.orgId,
    orgAncestors: [...org.ancestors],
    status: 'open',
    cancelled: null,
    capacity: m.capacity,
    free: m.capacity - seatsTaken,
    seatsTaken,
    waitlisted: count(['waitlisted']),
    attended: count(['attended']),
    waitlist: true,
    startAt,
    endAt,
    deadline,
    questions: m.questions,
    notice: { title: m.title, place: venue.name, page: meetingPage(m.id) },
    createdAt,
    updatedAt: createdAt,
  };
  await db.collection('signup_events').doc(eventKey).set(booking);
  return 2 + m.signUps.length;
}
