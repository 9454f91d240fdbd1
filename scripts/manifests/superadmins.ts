// ADMIN_OPENIDS: the function environment variable naming superadmins, a
// comma-separated list of openids. The deploy and `npm start` both read it.

export const ADMIN_OPENIDS = 'ADMIN_OPENIDS';

/** Splits ADMIN_OPENIDS as the functions do (cloudfunctions/_shared/users.ts). */
export function parseAdminOpenids(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
