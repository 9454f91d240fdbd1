// Errors in the production shape: HTTP 200 with { code, message, requestId }, so
// the SDK surfaces `code` and `message` exactly as CloudBase would.

export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

/** A feature the emulator does not implement: fail loudly, never silently wrong. */
export const unsupported = (feature: string) =>
  new EmulatorError('EMULATOR_UNSUPPORTED', `The local CloudBase emulator does not support ${feature}`);

export const invalidParam = (message: string) => new EmulatorError('INVALID_PARAM', message);

/** CloudBase's answer to a request body over its limit. */
export const payloadTooLarge = (message: string) => new EmulatorError('EXCEED_MAX_PAYLOAD_SIZE', message);

export function toErrorBody(err: unknown, requestId: string): { code: string; message: string; requestId: string } {
  if (err instanceof EmulatorError) return { code: err.code, message: err.message, requestId };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'SYS_ERR', message: `emulator internal error: ${message}`, requestId };
}
