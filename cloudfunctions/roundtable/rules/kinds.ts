// The closed lists a meeting is described with (the contract's unions as values
// for the input schemas; the type checks keep both in step), each kind's domain in
// the sign-up engine, and the Chinese words pages and sheets show.
import type { SignUpDomain } from '../../../typings/signup';
import type { ActivityType, DomainOfKind, MeetingKind, MeetingPhase } from '../../../typings/roundtable';
import type { Occupation } from '../../../typings/user';

export const MEETING_KINDS = ['roundtable', 'training', 'activity'] as const satisfies readonly MeetingKind[];

export const ACTIVITY_TYPES = [
  'safety_talk',
  'free_clinic',
  'family',
  'legal_advice',
  'counselling',
  'other',
] as const satisfies readonly ActivityType[];

export const OCCUPATIONS = [
  'courier',
  'food_delivery',
  'ride_hailing',
  'truck_driver',
  'streamer',
  'other',
] as const satisfies readonly Occupation[];

export const PHASES = ['upcoming', 'ongoing', 'ended', 'cancelled'] as const satisfies readonly MeetingPhase[];

/** The engine's domain of each kind: an activity belongs to the stations' domain. */
export const DOMAIN_OF: DomainOfKind = { roundtable: 'roundtable', training: 'training', activity: 'station' };

/** The engine domains this function's meetings use (for "my sign-ups" across kinds). */
export const MEETING_DOMAINS: SignUpDomain[] = MEETING_KINDS.map((k) => DOMAIN_OF[k]);

export const KIND_OF_DOMAIN: Partial<Record<SignUpDomain, MeetingKind>> = {
  roundtable: 'roundtable',
  training: 'training',
  station: 'activity',
};

export const KIND_LABELS: Record<MeetingKind, string> = {
  roundtable: '小哥圆桌会',
  training: '技能培训',
  activity: '驿站活动',
};

export const ACTIVITY_LABELS: Record<ActivityType, string> = {
  safety_talk: '安全宣讲',
  free_clinic: '爱心义诊',
  family: '亲子体验',
  legal_advice: '法律咨询',
  counselling: '心理咨询',
  other: '其他',
};

export const OCCUPATION_LABELS: Record<Occupation, string> = {
  courier: '快递员',
  food_delivery: '外卖骑手',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  streamer: '网络主播',
  other: '其他',
};

/** The sign-up engine's key of a meeting. */
export const keyOf = (m: { _id: string; kind: MeetingKind }) => ({ domain: DOMAIN_OF[m.kind], eventId: m._id });

/** The page a subscribe message opens (the worker's meeting page). */
export const meetingPage = (id: string) => `packages/roundtable/pages/meeting/index?id=${id}`;

// Every member of the unions is listed (a new one in typings/ fails the build here).
type Missing<U, L extends readonly unknown[]> = Exclude<U, L[number]>;
const complete: [
  Missing<MeetingKind, typeof MEETING_KINDS>,
  Missing<ActivityType, typeof ACTIVITY_TYPES>,
  Missing<Occupation, typeof OCCUPATIONS>,
  Missing<MeetingPhase, typeof PHASES>,
] extends [never, never, never, never]
  ? true
  : false = true;
void complete;
