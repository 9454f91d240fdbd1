// What the user reads when something fails: the server's Chinese message as
// returned, or a generic one for anything that is not an ApiError.
import { ApiError } from '../services/errors';

export function errorMessage(err: unknown, fallback = '操作失败，请稍后再试'): string {
  return err instanceof ApiError && err.message ? err.message : fallback;
}

export function errorCode(err: unknown): string {
  return err instanceof ApiError ? err.code : '';
}

/** A toast with the message (toasts without an icon show two lines). */
export function toastError(err: unknown, fallback?: string): void {
  wx.showToast({ title: errorMessage(err, fallback), icon: 'none', duration: 2500 });
}

/** Why a record's page could not load: `missing` when there is no such record, else the server's words. */
export function loadError(err: unknown, missing: string): string {
  return errorCode(err) === 'NOT_FOUND' ? missing : errorMessage(err, '加载失败，请稍后再试');
}
