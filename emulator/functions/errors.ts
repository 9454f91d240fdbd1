// Why an invocation did not produce a result, and how each reason is answered:
// HTTP statuses for the local client endpoint, one TcbError code for cloud code.
import { EmulatorError } from '../core/errors';

export type FailureKind =
  'bad-request' | 'too-large' | 'not-found' | 'not-written' | 'not-built' | 'failed' | 'timeout';

export class InvocationError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly requestId: string,
  ) {
    super(message);
    this.name = 'InvocationError';
  }
}

/** Status and body for POST /functions/<name> and the on-demand timer endpoint. */
export function httpFailure(err: InvocationError): { status: number; body: Record<string, unknown> } {
  const { message, requestId } = err;
  switch (err.kind) {
    case 'bad-request':
      // CloudBase's invalid-parameter error (wx-server-sdk maps INVALID_PARAM to -501007).
      return { status: 400, body: { code: 'INVALID_PARAM', errCode: -501007, message, requestId } };
    case 'too-large':
      return { status: 413, body: { code: 'EXCEED_MAX_PAYLOAD_SIZE', message, requestId } };
    case 'not-found':
      return { status: 404, body: { code: 'FUNCTION_NOT_FOUND', message, requestId } };
    case 'not-written':
      return { status: 501, body: { code: 'FUNCTION_NOT_WRITTEN', message, requestId } };
    case 'not-built':
      return { status: 503, body: { code: 'FUNCTION_NOT_BUILT', message, requestId } };
    case 'timeout':
      return { status: 504, body: { code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', errCode: -504003, message, requestId } };
    case 'failed':
      return { status: 500, body: { code: 'FUNCTIONS_EXECUTE_FAIL', errCode: -504002, message, requestId } };
  }
}

/**
 * For `app.callFunction` (the functions.invokeFunction admin action): the real
 * service answers every failure, a missing function included, with FUNCTIONS_EXECUTE_FAIL.
 */
export function sdkFailure(err: unknown): unknown {
  return err instanceof InvocationError ? new EmulatorError('FUNCTIONS_EXECUTE_FAIL', err.message) : err;
}
