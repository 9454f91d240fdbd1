// Who may manage shared content: an admin owns content through an org in their
// scope; district-wide settings (e.g. the quote calendar) need a district admin.
import type { Caller } from './caller';
import { COLLECTIONS } from './collections';
import { forbidden } from './errors';
import type { OrgDoc } from './orgs';
import { db } from './sdk';

export async function requireDistrictAdmin(caller: Caller): Promise<void> {
  if (caller.isSuperadmin) return;
  const ids = caller.user?.adminOrgIds ?? [];
  if (ids.length) {
    const { data } = await db()
      .collection(COLLECTIONS.orgs)
      .where({ _id: db().command.in(ids), type: 'district' })
      .limit(1)
      .get();
    if ((data as OrgDoc[]).length) return;
  }
  throw forbidden('需要区级管理员权限');
}
