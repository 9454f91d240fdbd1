// What clients see of bookings and sign-ups (no openids: notices are the only
// use of a sign-up's openid, and they stay on the server).
import type { BookingView, MySignUp, SignUpCounts, SignUpRow } from '../../../../typings/signup';
import type { BookingDoc } from '../../stores/signup-events';
import type { SignUpDoc } from '../../stores/signups';
import type { UserDoc } from '../../stores/users';

export function toCounts(b: BookingDoc): SignUpCounts {
  return {
    capacity: b.capacity,
    seatsTaken: b.seatsTaken,
    seatsLeft: Math.max(0, b.free),
    waitlisted: Math.max(0, b.waitlisted),
    attended: Math.max(0, b.attended),
  };
}

export function toBookingView(b: BookingDoc): BookingView {
  return {
    counts: toCounts(b),
    questions: b.questions.map((q) => ({ ...q, ...(q.options ? { options: [...q.options] } : {}) })),
    open: b.status === 'open',
    cancelled: b.status === 'cancelled',
    waitlist: b.waitlist,
    deadline: b.deadline.toISOString(),
    startAt: b.startAt.toISOString(),
    endAt: b.endAt.toISOString(),
  };
}

/** `position`: 1-based place on the waitlist, for a waitlisted sign-up only. */
export function toMySignUp(s: SignUpDoc, position: number | null): MySignUp {
  return {
    domain: s.domain,
    eventId: s.eventId,
    state: s.state,
    position: s.state === 'waitlisted' ? position : null,
    answers: s.answers.map((a) => ({ key: a.key, label: a.label, values: [...a.values] })),
    signedUpAt: s.queuedAt.toISOString(),
    checkedInAt: s.checkIn ? s.checkIn.at.toISOString() : null,
    checkedOutAt: s.checkOut ? s.checkOut.at.toISOString() : null,
    cancelledBy: s.state === 'cancelled' ? s.cancelledBy : null,
    note: s.note ?? '',
  };
}

export function toRow(s: SignUpDoc, position: number | null, user: UserDoc | undefined): SignUpRow {
  return {
    ...toMySignUp(s, position),
    signUpId: s._id,
    userId: s.userId,
    name: user?.worker?.realName || user?.nickname || '未登记用户',
    phone: user?.worker?.phone ?? '',
    checkInMethod: s.checkIn?.method ?? null,
    checkOutMethod: s.checkOut?.method ?? null,
  };
}
