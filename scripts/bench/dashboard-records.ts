// The dashboard bench's raw records: a generator per feature (record i as the
// documents its store would have written, spread over the orgs, the last 30 days
// and the metric keys), inserted straight into the emulator's collections. Every
// record is finished business (closed or rejected cases, ended campaigns, past
// events with their counters equal to their sign-ups), so the scheduler's other
// tasks leave them alone and the recount alone builds the counters.
import type { CaseCategory, CaseRating } from '../../typings/cases';
import type { SignUpDomain } from '../../typings/signup';

export interface Place {
  /** Orgs the records are spread over: the harness's branch and a second district's. */
  orgIds: string[];
  /** Aligned with orgIds: each org's name and path (its ancestors, then itself). */
  orgNames: string[];
  orgPaths: string[][];
  /** Beijing days "YYYY-MM-DD" of the last 30 days, today first. */
  days: string[];
}

/** One feature's raw records: record i as documents of its collections. */
interface RecordGenerator {
  feature: string;
  docs(i: number, p: Place): { collection: string; doc: Record<string, unknown> }[];
}

const STUDY_AND_MEMBERS: RecordGenerator[] = [
  {
    feature: 'study',
    docs(i, p) {
      const day = p.days[i % p.days.length]!;
      const orgId = p.orgIds[i % p.orgIds.length]!;
      const userId = `bench-learner-${i}`;
      const base = { userId, day, orgId, createdAt: bj(day) };
      return [
        {
          collection: 'quote_checkins',
          doc: { _id: `${userId}:${day}`, ...base, quoteId: 'bench-quote', orgPath: [orgId] },
        },
        { collection: 'study_days', doc: { _id: `${userId}:${day}`, ...base } },
        {
          collection: 'lecture_progress',
          doc: {
            _id: `${userId}:bench-lecture`,
            userId,
            lectureId: 'bench-lecture',
            orgId,
            orgPath: [orgId],
            completed: true,
            completedAt: bj(day, 10),
            rev: 0,
          },
        },
      ];
    },
  },
  {
    feature: 'users',
    docs(i, p) {
      const day = p.days[i % p.days.length]!;
      const orgId = p.orgIds[i % p.orgIds.length]!;
      return [
        {
          collection: 'users',
          doc: {
            _id: `bench-member-${i}`,
            openid: `bench-member-openid-${i}`,
            status: 'active',
            worker: { orgId, orgPath: [orgId] },
            memberStatus: 'verified',
            memberVerifiedAt: bj(day),
            adminOrgIds: [],
          },
        },
      ];
    },
  },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const bj = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** Record i's org: its id, name and path. */
const orgOf = (i: number, p: Place) => {
  const k = i % p.orgIds.length;
  return { orgId: p.orgIds[k]!, orgName: p.orgNames[k]!, orgPath: p.orgPaths[k]! };
};

const CATEGORIES: CaseCategory[] = ['rights', 'conditions', 'traffic', 'living', 'skills', 'other'];
/** A case's end: rated, rated unsatisfied, answered late and rated, auto-closed unrated, rejected. */
const ENDS = ['satisfied', 'unsatisfied', 'late', 'auto', 'rejected'] as const;

function caseDoc(i: number, p: Place): Record<string, unknown> {
  // Submitted 10–29 days ago: every step below is in the past.
  const submittedAt = bj(p.days[10 + (i % 20)]!, 9);
  const end = ENDS[i % ENDS.length]!;
  const org = orgOf(i, p);
  const dueAt = later(submittedAt, 7 * DAY);
  const rejected = end === 'rejected';
  const answeredAt = rejected ? null : later(submittedAt, end === 'late' ? 8 * DAY : DAY);
  const closedAt = answeredAt && later(answeredAt, end === 'auto' ? 7 * DAY : 2 * HOUR);
  const rating: CaseRating | null =
    rejected || end === 'auto'
      ? null
      : end === 'unsatisfied'
        ? 'unsatisfied'
        : end === 'late'
          ? 'basically_satisfied'
          : 'satisfied';
  const step = (at: Date, kind: string, text: string) => ({
    at,
    kind,
    text,
    orgId: org.orgId,
    orgName: org.orgName,
    by: kind === 'submitted' || kind === 'rated' ? 'raiser' : 'organiser',
    actorUserId: kind === 'submitted' || kind === 'rated' ? '' : 'bench-organiser',
    public: true,
  });
  return {
    _id: `bench-case-${i}`,
    kind: 'demand',
    category: CATEGORIES[i % CATEGORIES.length],
    title: '驿站夜间充电桩不够用',
    description: '城东驿站晚上十点后只有两个充电桩能用，希望增加充电桩。',
    photos: [],
    location: null,
    address: '',
    source: { kind: 'worker' },
    raiser: { userId: `bench-raiser-${i}`, openid: `bench-raiser-openid-${i}`, name: '压测骑手', phone: '13900000000' },
    anonymous: false,
    publicOptIn: false,
    urgent: false,
    ...org,
    state: rejected ? 'rejected' : 'closed',
    version: rejected ? 1 : 3,
    submittedAt,
    respondBy: later(submittedAt, DAY),
    dueAt,
    answerDays: 5,
    assignedAt: submittedAt,
    acceptedAt: rejected ? null : later(submittedAt, HOUR),
    firstResponseAt: later(submittedAt, HOUR),
    lastActivityAt: closedAt ?? later(submittedAt, HOUR),
    answeredAt,
    firstAnsweredAt: answeredAt,
    closedAt,
    closedBy: closedAt ? (end === 'auto' ? 'auto' : 'raiser') : null,
    answer: answeredAt ? { text: '已协调增加充电桩。', at: answeredAt, orgName: org.orgName, templateId: null } : null,
    extension: null,
    returned: null,
    reopen: null,
    reopenCount: 0,
    rating,
    ratedAt: rating ? closedAt : null,
    ratingComment: '',
    rejectReason: rejected ? '不属于受理范围' : '',
    duplicateOf: null,
    verification: null,
    flags: {},
    notices: {},
    timeline: [
      step(submittedAt, 'submitted', '提交诉求'),
      ...(rejected ? [step(later(submittedAt, HOUR), 'rejected', '不属于受理范围')] : []),
      ...(answeredAt ? [step(answeredAt, 'answered', '已协调增加充电桩。')] : []),
    ],
    createdAt: submittedAt,
    updatedAt: closedAt ?? later(submittedAt, HOUR),
  };
}

/** A campaign per org (record k makes campaign k): voting over the last 30 days, ended 3 days ago. */
function campaignDoc(k: number, p: Place): Record<string, unknown> {
  const votingStart = bj(p.days[p.days.length - 1]!, 0);
  const votingEnd = bj(p.days[3]!, 0);
  const at = later(votingStart, -2 * DAY);
  return {
    _id: `bench-campaign-${k}`,
    title: `最美新就业群体评选（压测 ${k + 1}）`,
    coverFileId: '',
    rules: '每人每天可投 3 票，同一候选人每天最多 1 票。',
    categories: [{ key: 'rider', name: '最美骑手', quota: 3 }],
    phases: {
      nominationStart: at.toISOString(),
      nominationEnd: later(at, DAY).toISOString(),
      votingStart: votingStart.toISOString(),
      votingEnd: votingEnd.toISOString(),
      announcementEnd: later(votingEnd, 10 * DAY).toISOString(),
    },
    voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: true },
    result: { voteWeight: 60, juryWeight: 40 },
    nominationLimit: 3,
    orgId: p.orgIds[k % p.orgIds.length],
    seq: {},
    announced: false,
    announcedAt: null,
    results: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** A voter's ballot of one day: 1–3 votes, every seventh ballot's first vote voided. */
function ballotDoc(i: number, p: Place): Record<string, unknown> {
  const campaignId = `bench-campaign-${i % p.orgIds.length}`;
  const day = p.days[3 + (i % (p.days.length - 3))]!;
  const voterKey = `bench-voter-openid-${i}`;
  const votes = 1 + (i % 3);
  const log = Array.from({ length: votes }, (_, v) => ({
    candidateId: `bench-candidate-${v}`,
    at: bj(day, 10 + v),
    ip: `10.0.${i % 250}.${v}`,
    ...(i % 7 === 0 && v === 0 ? { voided: true, voidReason: '同一设备批量投票' } : {}),
  }));
  return {
    _id: `${campaignId}:${voterKey}:${day}`,
    campaignId,
    voterKey,
    userId: '',
    day,
    total: votes,
    per: Object.fromEntries(log.map((e) => [e.candidateId, 1])),
    log,
    rev: i % 7 === 0 ? 1 : 0,
    firstAt: bj(day, 10),
    lastAt: bj(day, 10 + votes - 1),
  };
}

const DOMAINS: SignUpDomain[] = ['roundtable', 'training', 'station', 'volunteer'];

/** An event's booking and its two sign-ups, one attended and one confirmed or a no-show. */
function bookingDocs(i: number, p: Place): { collection: string; doc: Record<string, unknown> }[] {
  const domain = DOMAINS[i % DOMAINS.length]!;
  const eventId = `bench-event-${i}`;
  const eventKey = `${domain}:${eventId}`;
  const { orgId, orgPath } = orgOf(i, p);
  // Events of 1–29 days ago, 14:00–16:00.
  const startAt = bj(p.days[1 + (i % (p.days.length - 1))]!, 14);
  const endAt = later(startAt, 2 * HOUR);
  const createdAt = later(startAt, -7 * DAY);
  const signup = (k: number, state: 'attended' | 'confirmed' | 'no_show') => {
    const userId = `bench-attendee-${k}`;
    const checkIn = state === 'attended' ? { at: later(startAt, -10 * 60_000), method: 'code', by: null } : null;
    return {
      collection: 'signups',
      doc: {
        _id: `${eventKey}:${userId}`,
        eventKey,
        domain,
        eventId,
        userId,
        openid: `bench-attendee-openid-${k}`,
        state,
        answers: [],
        note: '',
        queuedAt: createdAt,
        confirmedAt: createdAt,
        cancelledAt: null,
        cancelledBy: null,
        checkIn,
        ...(domain === 'volunteer' ? { checkOut: checkIn && { ...checkIn, at: endAt } } : {}),
        notices: {},
        rev: state === 'confirmed' ? 0 : 1,
        createdAt,
        updatedAt: checkIn?.at ?? createdAt,
      },
    };
  };
  return [
    {
      collection: 'signup_events',
      doc: {
        _id: eventKey,
        domain,
        eventId,
        orgId,
        orgAncestors: orgPath.slice(0, -1),
        status: 'closed',
        cancelled: null,
        capacity: 20,
        free: 18,
        seatsTaken: 2,
        waitlisted: 0,
        attended: 1,
        waitlist: true,
        startAt,
        endAt,
        deadline: later(startAt, -HOUR),
        questions: [],
        notice: {
          title: '压测活动',
          place: '基准测试驿站',
          page: `packages/${domain}/pages/detail/index?id=${eventId}`,
        },
        createdAt,
        updatedAt: startAt,
      },
    },
    signup(2 * i, 'attended'),
    signup(2 * i + 1, i % 2 ? 'no_show' : 'confirmed'),
  ];
}

/** A volunteer and one hours record of theirs: credit from a scanned pair or an honor backfill. */
function hoursDocs(i: number, p: Place): { collection: string; doc: Record<string, unknown> }[] {
  const userId = `bench-volunteer-${i}`;
  const org = orgOf(i, p);
  const startAt = bj(p.days[1 + (i % (p.days.length - 1))]!, 9);
  const credit = i % 3 !== 0;
  const minutes = 30 + (i % 4) * 30;
  const appliedAt = later(startAt, -60 * DAY);
  return [
    {
      collection: 'volunteer_members',
      doc: {
        _id: userId,
        realName: '压测志愿者',
        phone: `137${String(10_000_000 + i)}`,
        occupation: 'food_delivery',
        platform: '示例平台',
        ...org,
        status: 'approved',
        statusReason: '',
        appliedAt,
        reviewedAt: appliedAt,
        reviewedBy: 'bench-organiser',
        onLeaderboard: true,
        creditMinutes: credit ? minutes : 0,
        honorMinutes: credit ? 0 : minutes,
        totalMinutes: minutes,
        hoursPoints: 0,
        attended: credit ? 1 : 0,
        createdAt: appliedAt,
        updatedAt: startAt,
      },
    },
    {
      collection: 'volunteer_hours',
      doc: {
        _id: `bench-hours-${i}`,
        userId,
        kind: credit ? 'credit' : 'honor',
        source: credit ? 'scan' : 'backfill',
        minutes,
        activityId: credit ? `bench-activity-${i}` : null,
        title: '路口文明交通劝导',
        startAt,
        endAt: later(startAt, minutes * 60_000),
        month: startAt.toISOString().slice(0, 7),
        reason: credit ? '' : '纸质签到表补录',
        ...org,
        points: 0,
        evidence: [],
        grantedBy: credit ? null : 'bench-organiser',
        createdAt: later(startAt, minutes * 60_000),
      },
    },
  ];
}

export const GENERATORS: RecordGenerator[] = [
  ...STUDY_AND_MEMBERS,
  { feature: 'cases', docs: (i, p) => [{ collection: 'cases', doc: caseDoc(i, p) }] },
  {
    feature: 'votes',
    docs: (i, p) => [
      ...(i < p.orgIds.length ? [{ collection: 'campaigns', doc: campaignDoc(i, p) }] : []),
      { collection: 'ballots', doc: ballotDoc(i, p) },
    ],
  },
  { feature: 'sign-ups', docs: bookingDocs },
  { feature: 'volunteer hours', docs: hoursDocs },
];
