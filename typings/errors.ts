/**
 * Stable error codes every function replies with. The message beside a code is
 * Chinese and tells the user what to do; clients branch on the code only.
 */
export type ErrorCode =
  /** Input failed validation; nothing was written. */
  | 'INVALID_ARGUMENT'
  /** The action does not exist on this function. */
  | 'UNKNOWN_ACTION'
  /** No caller identity, or the caller has not logged in yet. */
  | 'UNAUTHENTICATED'
  /** The action needs a registered new-employment worker. */
  | 'NOT_REGISTERED'
  /** The caller lacks the role, or the target is outside the admin's scope. */
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  /** The state does not allow it (duplicate, already done, wrong phase…). */
  | 'CONFLICT'
  /** No places left. */
  | 'FULL'
  /** A per-user or per-day limit is used up. */
  | 'LIMIT_REACHED'
  /** Outside the window in which the action is open. */
  | 'CLOSED'
  /** WeChat content security rejected the text. */
  | 'CONTENT_REJECTED'
  /** Too many requests in a short time. */
  | 'RATE_LIMITED'
  /** A dependency (content check, storage) is temporarily unavailable. */
  | 'UNAVAILABLE'
  /** A bug or timeout on our side; the reply carries a request id that is also logged. */
  | 'INTERNAL';

export interface OkReply<T> {
  ok: true;
  data: T;
}

export interface ErrorReply {
  ok: false;
  code: ErrorCode;
  message: string;
  /** Present on INTERNAL, to quote when reporting the problem. */
  requestId?: string;
}

/** Every reply of every cloud function. */
export type Reply<T> = OkReply<T> | ErrorReply;

/** Every request to every cloud function. */
export interface Envelope<A extends string = string, D = unknown> {
  action: A;
  data?: D;
}
