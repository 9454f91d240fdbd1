// Collection names, in one place. Each must be declared in database.json (a test
// checks), or the emulator — like CloudBase — refuses to use it.
export const COLLECTIONS = {
  users: 'users',
  orgs: 'orgs',
  pointsLedger: 'points_ledger',
  pointsDaily: 'points_daily',
  auditLogs: 'audit_logs',
  rateLimits: 'rate_limits',
  quotes: 'quotes',
  quoteSchedule: 'quote_schedule',
  quoteCheckins: 'quote_checkins',
  quoteFavorites: 'quote_favorites',
  studyUsers: 'study_users',
  lectures: 'lectures',
  lectureProgress: 'lecture_progress',
  campaigns: 'campaigns',
  nominations: 'nominations',
  candidates: 'candidates',
  ballots: 'ballots',
  voteRecounts: 'vote_recounts',
  signupEvents: 'signup_events',
  signups: 'signups',
  subscribeGrants: 'subscribe_grants',
  stations: 'stations',
  meetings: 'meetings',
  cases: 'cases',
  caseReplyTemplates: 'case_reply_templates',
  // The volunteer team (cloudfunctions/volunteer/store/).
  volunteerMembers: 'volunteer_members',
  volunteerActivities: 'volunteer_activities',
  volunteerHours: 'volunteer_hours',
  volunteerClaims: 'volunteer_claims',
  volunteerDayPairs: 'volunteer_day_pairs',
  volunteerCertificates: 'volunteer_certificates',
  // The points shop (volunteer function).
  shopGoods: 'shop_goods',
  shopOrders: 'shop_orders',
  shopPickupCodes: 'shop_pickup_codes',
  shopQuotas: 'shop_quotas',
  // The dashboard's daily counters (_shared/stores/daily-stats.ts) and study days (study).
  dailyStats: 'daily_stats',
  studyDays: 'study_days',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
