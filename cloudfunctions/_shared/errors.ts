// The one application error. Its code is stable English (typings/errors.ts); its
// message is Chinese and tells the user what to do.
import type { ErrorCode } from '../../typings/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (message: string) => new AppError('INVALID_ARGUMENT', message);
export const forbidden = (message = '没有权限执行此操作') => new AppError('FORBIDDEN', message);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或已删除`);
export const conflict = (message: string) => new AppError('CONFLICT', message);

/** A database duplicate-key error (unique index), from the emulator or CloudBase. */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (
    !!e && (e.code === 'DATABASE_DUPLICATE_WRITE' || (typeof e.message === 'string' && e.message.includes('E11000')))
  );
}
