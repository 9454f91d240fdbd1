// What clients see of the team's records (pure).
import type { SignUpCounts } from '../../../typings/signup';
import type {
  AdminVolunteerClaim,
  AdminVolunteerMember,
  ClaimPhoto,
  HoursRecord,
  VolunteerActivity,
  VolunteerActivityPhase,
  VolunteerActivitySummary,
  VolunteerClaim,
  VolunteerMember,
  VolunteerSignUp,
} from '../../../typings/volunteer-team';
import type { ActivityDoc } from '../store/activities';
import type { ClaimDoc } from '../store/claims';
import type { HoursDoc } from '../store/hours';
import type { MemberDoc } from '../store/members';
import { summaryOf } from './hours';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toMember(m: MemberDoc): VolunteerMember {
  return {
    userId: m._id,
    realName: m.realName,
    phone: m.phone,
    occupation: m.occupation,
    platform: m.platform,
    orgId: m.orgId,
    orgName: m.orgName,
    status: m.status,
    statusReason: m.statusReason,
    appliedAt: m.appliedAt.toISOString(),
    reviewedAt: iso(m.reviewedAt),
    onLeaderboard: m.onLeaderboard,
    hours: summaryOf(m.creditMinutes, m.honorMinutes),
  };
}

export function toAdminMember(m: MemberDoc, pointsBalance: number): AdminVolunteerMember {
  return { ...toMember(m), hoursPoints: m.hoursPoints, pointsBalance, attended: m.attended };
}

export function phaseOf(a: Pick<ActivityDoc, 'status' | 'startAt' | 'endAt'>, now: Date): VolunteerActivityPhase {
  if (a.status === 'cancelled') return 'cancelled';
  if (now < a.startAt) return 'upcoming';
  return now < a.endAt ? 'ongoing' : 'ended';
}

export function toActivity(a: ActivityDoc, now: Date): VolunteerActivity {
  return {
    id: a._id,
    title: a.title,
    serviceType: a.serviceType,
    description: a.description,
    venue: { ...a.venue, location: a.venue.location ? { ...a.venue.location } : null },
    startAt: a.startAt.toISOString(),
    endAt: a.endAt.toISOString(),
    plannedMinutes: a.plannedMinutes,
    deadline: a.deadline.toISOString(),
    capacity: a.capacity,
    contact: a.contact,
    contactPhone: a.contactPhone,
    orgId: a.orgId,
    orgName: a.orgName,
    status: a.status,
    phase: phaseOf(a, now),
    cancelReason: a.cancelReason,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

const NO_COUNTS = (capacity: number): SignUpCounts => ({
  capacity,
  seatsTaken: 0,
  seatsLeft: capacity,
  waitlisted: 0,
  attended: 0,
});

export function toSummary(
  a: ActivityDoc,
  now: Date,
  counts: SignUpCounts | undefined,
  mine: VolunteerSignUp | null,
): VolunteerActivitySummary {
  const v = toActivity(a, now);
  return {
    id: v.id,
    title: v.title,
    serviceType: v.serviceType,
    venue: v.venue,
    startAt: v.startAt,
    endAt: v.endAt,
    plannedMinutes: v.plannedMinutes,
    deadline: v.deadline,
    orgName: v.orgName,
    status: v.status,
    phase: v.phase,
    counts: counts ?? NO_COUNTS(a.capacity),
    mine,
  };
}

export function toHours(h: HoursDoc): HoursRecord {
  return {
    id: h._id,
    kind: h.kind,
    source: h.source,
    minutes: h.minutes,
    activityId: h.activityId,
    title: h.title,
    startAt: h.startAt.toISOString(),
    endAt: h.endAt.toISOString(),
    reason: h.reason,
    orgName: h.orgName,
    points: h.points,
    createdAt: h.createdAt.toISOString(),
  };
}

/** `urls`: temporary links by file id (photos that cannot be resolved are left out). */
export function toClaim(c: ClaimDoc, urls: Map<string, string>): VolunteerClaim {
  const photos: ClaimPhoto[] = c.photos.flatMap((fileId) => {
    const url = urls.get(fileId);
    return url ? [{ fileId, url }] : [];
  });
  return {
    id: c._id,
    kind: c.kind,
    state: c.state,
    userId: c.userId,
    activityId: c.activityId,
    title: c.title,
    serviceType: c.serviceType,
    text: c.text,
    startAt: c.startAt.toISOString(),
    endAt: c.endAt.toISOString(),
    maxMinutes: c.maxMinutes,
    photos,
    orgId: c.orgId,
    orgName: c.orgName,
    grantedMinutes: c.grantedMinutes,
    reviewReason: c.reviewReason,
    createdAt: c.createdAt.toISOString(),
    reviewedAt: iso(c.reviewedAt),
  };
}

export function toAdminClaim(c: ClaimDoc, urls: Map<string, string>, m: MemberDoc | undefined): AdminVolunteerClaim {
  return { ...toClaim(c, urls), name: m?.realName ?? '', phone: m?.phone ?? '' };
}
