// Which orgs a new station may hang under: those this organiser administers whose
// type takes stations (district, industry committee, street) — the server's
// scope and parent/child rules, used here only to offer the right choices.
import type { MyProfile } from '../../../../../typings/user';
import { CHILD_ORG_TYPES } from '../../../../config/labels';
import { listOrgRows, type OrgChoice, orgChoices } from '../../../../services/user';
import { administers } from '../../../../utils/session';

export type ParentChoice = OrgChoice;

export async function stationParents(profile: MyProfile): Promise<ParentChoice[]> {
  const rows = (await listOrgRows()).filter(
    (o) => CHILD_ORG_TYPES[o.type].includes('station') && administers(profile, o),
  );
  return orgChoices(rows);
}
