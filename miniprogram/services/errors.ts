// The error every service call rejects with. In its own module so that pages and
// helpers can recognise it without importing the transport (only services may).
import type { ErrorCode } from '../../typings/errors';

/** Server codes, plus NETWORK when the call never got a reply. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}
