// Pages that show the signed-in user follow the session: they render the cached
// profile at once and again whenever it changes, and stop when detached.
import type { MyProfile } from '../../typings/user';
import { currentProfile, onProfileChange } from './session';

const subscriptions = new WeakMap<object, () => void>();

export function watchProfile(page: object, render: (profile: MyProfile | null) => void): void {
  subscriptions.get(page)?.();
  subscriptions.set(page, onProfileChange(render));
  render(currentProfile());
}

export function unwatchProfile(page: object): void {
  subscriptions.get(page)?.();
  subscriptions.delete(page);
}
