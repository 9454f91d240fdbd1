// How stored meetings are shown (pure): the phase from the time, the record, a
// list row, the brief of "my sign-ups", and the organisers' view.
import type { BookingView, SignUpCounts } from '../../../typings/signup';
import type {
  AdminMeeting,
  Meeting,
  MeetingBrief,
  MeetingPhase,
  MeetingSummary,
  Minutes,
} from '../../../typings/roundtable';
import type { MeetingDoc, StoredMinutes } from '../store/meetings';

/** Held is derived from the time: upcoming before the start, ongoing until the end, then ended. */
export function phaseOf(m: Pick<MeetingDoc, 'status' | 'startAt' | 'endAt'>, now: Date): MeetingPhase {
  if (m.status === 'cancelled') return 'cancelled';
  if (now < m.startAt) return 'upcoming';
  return now < m.endAt ? 'ongoing' : 'ended';
}

export function toMinutes(m: StoredMinutes): Minutes {
  const items = (list: StoredMinutes['raised']) =>
    list.map((i) => ({ text: i.text, ...(i.department ? { department: i.department } : {}) }));
  return {
    raised: items(m.raised),
    answered: items(m.answered),
    takenAway: items(m.takenAway),
    publishedAt: m.publishedAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

const venueOf = (d: MeetingDoc) => ({
  stationId: d.venue.stationId,
  name: d.venue.name,
  address: d.venue.address,
  location: { lat: d.venue.location.lat, lng: d.venue.location.lng },
});

export function toMeeting(d: MeetingDoc, now: Date): Meeting {
  return {
    id: d._id,
    kind: d.kind,
    title: d.title,
    topic: d.topic,
    description: d.description,
    venue: venueOf(d),
    startAt: d.startAt.toISOString(),
    endAt: d.endAt.toISOString(),
    deadline: d.deadline.toISOString(),
    capacity: d.capacity,
    occupations: [...d.occupations],
    guests: d.guests.map((g) => ({ department: g.department, name: g.name, title: g.title })),
    orgId: d.orgId,
    orgName: d.orgName,
    status: d.status,
    phase: phaseOf(d, now),
    cancelReason: d.cancelReason,
    cancelledAt: d.cancelledAt ? d.cancelledAt.toISOString() : null,
    training: d.training ? { ...d.training } : null,
    activityType: d.activityType,
    minutes: d.minutes ? toMinutes(d.minutes) : null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** Counters of a meeting whose booking could not be read (never expected): its capacity, nobody in it. */
export const emptyCounts = (capacity: number): SignUpCounts => ({
  capacity,
  seatsTaken: 0,
  seatsLeft: capacity,
  waitlisted: 0,
  attended: 0,
});

export function toSummary(
  d: MeetingDoc,
  now: Date,
  counts: SignUpCounts | undefined,
  distanceM: number | null,
): MeetingSummary {
  return {
    id: d._id,
    kind: d.kind,
    title: d.title,
    topic: d.topic,
    venue: venueOf(d),
    startAt: d.startAt.toISOString(),
    endAt: d.endAt.toISOString(),
    deadline: d.deadline.toISOString(),
    occupations: [...d.occupations],
    orgName: d.orgName,
    status: d.status,
    phase: phaseOf(d, now),
    training: d.training ? { ...d.training } : null,
    activityType: d.activityType,
    counts: counts ?? emptyCounts(d.capacity),
    distanceM: distanceM === null ? null : Math.round(distanceM),
    hasMinutes: !!d.minutes,
  };
}

export function toBrief(d: MeetingDoc, now: Date): MeetingBrief {
  return {
    id: d._id,
    kind: d.kind,
    title: d.title,
    venue: venueOf(d),
    startAt: d.startAt.toISOString(),
    endAt: d.endAt.toISOString(),
    status: d.status,
    phase: phaseOf(d, now),
    training: d.training ? { ...d.training } : null,
    activityType: d.activityType,
  };
}

export function toAdminMeeting(d: MeetingDoc, now: Date, booking: BookingView | undefined): AdminMeeting {
  return {
    ...toMeeting(d, now),
    counts: booking?.counts ?? emptyCounts(d.capacity),
    questions: booking?.questions ?? [],
    waitlist: booking?.waitlist ?? true,
  };
}
