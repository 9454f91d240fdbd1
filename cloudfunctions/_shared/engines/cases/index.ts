// The case engine: demands (诉求) and 随手拍 reports, one life cycle with
// working-day deadlines (Beijing time, China's official calendar), flags and
// escalation, photos checked by WeChat before anyone but organisers sees them,
// and 蜂力值 for verified reports through the ledger. Domain-neutral: the `cases`
// function is its first user; a round table records demands from its minutes
// with createMeetingCase (a case's `source` names the meeting and the item).
//
// Every function takes the action's context (caller, `now`); refusals are
// AppErrors with stable codes (FORBIDDEN, NOT_FOUND, CONFLICT, CLOSED,
// INVALID_ARGUMENT, NOT_REGISTERED, UNAVAILABLE) and Chinese messages. Who may act:
// the raiser on their own case; the admins of the case's org (or of an org above
// it) and superadmins as its organisers.
export { organises, requireCase } from './access';
export {
  ALL_CATEGORIES,
  categoryInfos,
  categoryLabel as categoryLabelOf,
  DEMAND_CATEGORIES,
  MAX_EXTENSION_DAYS,
  MAX_PHOTOS,
  ORGANISER_NOTICES,
  RAISER_NOTICES,
  REPORT_CATEGORIES,
  reportPoints,
  templateIds,
} from './config';
export {
  acceptCase,
  answerCase,
  confirmCase,
  createMeetingCase,
  extendCase,
  markDuplicate,
  rateCase,
  rejectCase,
  reopenCase,
  returnCase,
  submitCase,
  transferCase,
  updateCase,
  type SubmitInput,
} from './lifecycle';
export { adminCase, board, meetingCases, myCase, myCases, organiserView, queue, raiserView } from './lists';
export { applyVerdict } from './photos';
export { verifyReport } from './points';
export { caseContributions, overdueDay } from './contributions';
export { caseStats, caseStatsSource } from './stats';
export { runCaseUpkeep } from './upkeep';
