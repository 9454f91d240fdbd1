// What the organiser pages share: who may use them, and the orgs they act in.
import type { MyProfile } from '../../../../typings/user';
import { listOrgRows, type OrgChoice, orgChoices } from '../../../services/user';
import { administers, ensureLogin, isAdmin } from '../../../utils/session';

export type Access = 'loading' | 'ready' | 'denied';

/**
 * Someone signed in who is no organiser is told so (管理后台仅对管理员开放), not shown
 * the server's refusal with 重试. Not signed in (offline): 'ready' with no
 * profile, and the page's own load says why and offers 重试.
 */
export async function organiserAccess(): Promise<{ access: Exclude<Access, 'loading'>; profile: MyProfile | null }> {
  const profile = await ensureLogin().catch(() => null);
  return { access: profile && !isAdmin(profile) ? 'denied' : 'ready', profile };
}

/** The orgs the organiser administers and every org below them (a superadmin: all), indented. */
export async function orgsInScope(profile: MyProfile): Promise<OrgChoice[]> {
  return orgChoices((await listOrgRows()).filter((o) => administers(profile, o)));
}

/** Of `orgs`, the org `orgId` and those below it (where a case of that org may be assigned). */
export const orgAndBelow = (orgs: OrgChoice[], orgId: string): OrgChoice[] =>
  orgs.filter((o) => o.id === orgId || o.ancestors.includes(orgId));
