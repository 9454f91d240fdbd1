// The sign-up engine: the booking side of any domain's events (round tables,
// training classes, station activities, volunteer activities). The domain keeps
// its own event record (title, venue, times …) in its own collection and calls
// these functions from its handlers; the engine keeps seats, the waitlist,
// sign-up questions and answers, check-in and reminders in its own collections
// (signup_events, signups, subscribe_grants). Every function takes the action's
// context (caller, `now`) and the event's key { domain, eventId }; refusals are
// AppErrors with stable codes (CLOSED, FULL, CONFLICT, NOT_FOUND, FORBIDDEN,
// INVALID_ARGUMENT, UNAVAILABLE) and Chinese messages a rider can act on.
//
// Who may call what is the domain's action's access level plus, for organiser
// functions, the event's org (the caller administers it or an org above it).
//
// The domain's side of an event's life: openEvent when it creates its event,
// updateEvent when it is edited, cancelEvent when it is called off (every
// sign-up cancelled and notified); bookingView / bookingViewsOf / seatedAvatars for
// its pages, stateCounts for its statistics.
export { type EventKey, eventKeyOf } from './access';
export {
  bookingView,
  bookingViewsOf,
  type BookingSpec,
  counts,
  type EventChange,
  MAX_CAPACITY,
  openEvent,
  type OpenEventInput,
  stateCounts,
  updateEvent,
} from './bookings';
export { cancelEvent } from './cancellation';
export { checkInOpen, type CheckInGate, checkInWithCode, codeInput, issueCode } from './checkin';
export { checkOutWithCode } from './checkout';
export { parseCode } from './code';
export { listSignUps, mySignUp, mySignUps, mySignUpsOf, seatedAvatars, type SignUpFilter } from './lists';
export { manualCheckIn, manualCheckOut, markAttendance, type OrganiserResult, removeByOrganiser } from './organiser';
export { answersInput, checkAnswers, prefillAnswers, questionInput, questionsInput } from './questions';
export { grantsInput, recordGrants, subscribeOffer } from './reminders';
export { cancel, type CancelReceipt, MAX_NOTE, signUp, type SignUpInput } from './signup';
export type { BookingNotice } from '../../stores/signup-events';
