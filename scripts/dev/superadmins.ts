// Who is superadmin in the functions `npm start` runs: the ADMIN_OPENIDS they see
// (the shell's, else cloudbaserc.json's), and how to become one when nobody is.
import { OPENID_HEADER } from '../../emulator/constants';
import type { CloudbaseConfig } from '../manifests/cloudbaserc';
import { ADMIN_OPENIDS, parseAdminOpenids } from '../manifests/superadmins';

export function superadminLines(config: CloudbaseConfig, overrides: Record<string, string>): string[] {
  const declared = config.functions.map((f) => f.envVariables[ADMIN_OPENIDS]).find((v) => v !== undefined);
  const openids = parseAdminOpenids(overrides[ADMIN_OPENIDS] ?? declared);
  if (openids.length > 0) {
    return [
      `Superadmins (${ADMIN_OPENIDS}): ${openids.join(', ')} — call as ${OPENID_HEADER}: ${openids[0]} for admin rights`,
    ];
  }
  return [
    `Superadmins: nobody (${ADMIN_OPENIDS} is not set), so no one can grant admin roles.`,
    `  To be one locally: ${ADMIN_OPENIDS}=dev-admin npm start, then call as ${OPENID_HEADER}: dev-admin`,
  ];
}
