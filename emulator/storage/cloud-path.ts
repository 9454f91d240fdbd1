// Which cloud paths the emulator accepts. Paths become URL segments and (hashed)
// file names, so anything that could escape the storage folder or break the
// download URL is refused up front with a message that says why.

/** COS object keys are limited to 850 bytes of UTF-8. */
const MAX_PATH_BYTES = 850;

/** Why `cloudPath` is unacceptable, or null when it is fine. */
export function cloudPathProblem(cloudPath: unknown): string | null {
  if (typeof cloudPath !== 'string' || cloudPath === '') return 'cloudPath must be a non-empty string';
  if (Buffer.byteLength(cloudPath) > MAX_PATH_BYTES) return `cloudPath must be at most ${MAX_PATH_BYTES} bytes`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(cloudPath)) return 'cloudPath must not contain control characters';
  if (cloudPath.includes('\\')) return 'cloudPath must use "/" as separator, not "\\"';
  // The SDK runs encodeURI on the download URL, which leaves ? and # as they are:
  // the GET would lose everything after them.
  if (/[?#]/.test(cloudPath)) return 'cloudPath must not contain "?" or "#" (they break the download URL)';
  if (cloudPath.startsWith('/')) return 'cloudPath must be relative (no leading "/"), e.g. "avatars/a.png"';
  for (const segment of cloudPath.split('/')) {
    if (segment === '') return 'cloudPath must not contain empty segments ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return 'cloudPath must not contain "." or ".." segments';
  }
  return null;
}

/** URL path for a cloud path: each segment percent-encoded, "/" kept. */
export const encodePath = (cloudPath: string) => cloudPath.split('/').map(encodeURIComponent).join('/');
