// What a user adds to the dashboard's counters (pure): a verified party member one
// `revealed` (亮身份) under the member's org on the verification's Beijing day, for
// as long as the account is active, verified and registered there.
import { beijingDay } from '../../_shared/clock';
import type { Contribution } from '../../_shared/stats/contributions';
import type { UserDoc } from '../../_shared/stores/users';

export function memberContributions(
  u: Pick<UserDoc, 'status' | 'memberStatus' | 'memberVerifiedAt'> & { worker: { orgId: string } | null },
): Contribution[] {
  if (u.status !== 'active' || u.memberStatus !== 'verified' || !u.memberVerifiedAt || !u.worker) return [];
  const day = beijingDay(new Date(u.memberVerifiedAt));
  return [{ metric: 'revealed', key: '', orgId: u.worker.orgId, day, n: 1 }];
}
