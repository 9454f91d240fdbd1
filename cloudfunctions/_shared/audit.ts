// The audit log: every admin write records who, what, which target and when.
import type { ActionContext } from './function';
import { COLLECTIONS } from './collections';
import { db } from './sdk';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
}

export async function audit(ctx: ActionContext, entry: AuditInput): Promise<void> {
  const user = ctx.caller.user;
  await db()
    .collection(COLLECTIONS.auditLogs)
    .add({
      ...entry,
      actorUserId: user?._id ?? '',
      actorName: user?.worker?.realName || user?.nickname || ctx.caller.openid,
      requestId: ctx.requestId,
      createdAt: ctx.now,
    });
}
