// The signed-in user, shared by pages: logged in once on launch, refreshed after
// changes, and observable so pages re-render when it changes.
import type { MyProfile } from '../../typings/user';
import { userApi } from '../services/user';

type Listener = (profile: MyProfile | null) => void;

let profile: MyProfile | null = null;
let pending: Promise<MyProfile> | null = null;
const listeners = new Set<Listener>();

function publish(next: MyProfile | null) {
  profile = next;
  listeners.forEach((l) => l(next));
}

/** Logs in once (concurrent callers share the request); a failure can be retried. */
export function ensureLogin(): Promise<MyProfile> {
  if (profile) return Promise.resolve(profile);
  pending ??= userApi('login', {})
    .then((r) => {
      publish(r.profile);
      return r.profile;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

export function currentProfile(): MyProfile | null {
  return profile;
}

/** Replaces the cached profile after an action returned a fresh one. */
export function updateProfile(next: MyProfile): void {
  publish(next);
}

export async function refreshProfile(): Promise<MyProfile> {
  const next = await userApi('getProfile', {});
  publish(next);
  return next;
}

export function onProfileChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isAdmin(p: MyProfile | null): boolean {
  return !!p && (p.roles.includes('admin') || p.roles.includes('superadmin'));
}

export function isSuperadmin(p: MyProfile | null): boolean {
  return !!p && p.roles.includes('superadmin');
}

/**
 * Whether `p` administers `org`: a superadmin, or an admin of the org or of one of
 * its ancestors — the server's scope rule, used here only to decide what to offer.
 */
export function administers(p: MyProfile | null, org: { id: string; ancestors: string[] }): boolean {
  if (!p) return false;
  return isSuperadmin(p) || p.adminOrgIds.some((id) => id === org.id || org.ancestors.includes(id));
}

/**
 * The signed-in user if they are an organiser, null if they are signed in and are
 * not; rejects when signing in failed (offline). What an organiser page checks
 * before loading (the server checks again on every action).
 */
export async function signedInOrganiser(): Promise<MyProfile | null> {
  const p = await ensureLogin();
  return isAdmin(p) ? p : null;
}

/**
 * What an organiser list page shows first: 'denied' to someone signed in who is
 * no organiser (not the server's refusal with 重试), else 'ready' — offline too:
 * the list then says why and offers 重试, which signs in first.
 */
export async function organiserAccess(): Promise<'ready' | 'denied'> {
  return (await signedInOrganiser().catch(() => undefined)) === null ? 'denied' : 'ready';
}

/** For tests and account deletion: forget the signed-in user. */
export function clearSession(): void {
  pending = null;
  publish(null);
}
