// The audit_logs collection: every admin write records who, what, which target and when.
import type { AuditEntry } from '../../../typings/user';
import type { ActionContext } from '../function';
import { COLLECTIONS } from '../collections';
import { collection } from '../db';
import { fetchPage, type PageArgs } from '../paging';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
}

interface AuditDoc extends AuditInput {
  _id: string;
  actorUserId: string;
  actorName: string;
  requestId: string;
  createdAt: Date;
}

export async function audit(ctx: ActionContext, entry: AuditInput): Promise<void> {
  const user = ctx.caller.user;
  await collection(COLLECTIONS.auditLogs).add({
    ...entry,
    actorUserId: user?._id ?? '',
    actorName: user?.worker?.realName || user?.nickname || ctx.caller.openid,
    requestId: ctx.requestId,
    createdAt: ctx.now,
  });
}

export function listAuditLogs(targetType: string | undefined, page: PageArgs) {
  return fetchPage(
    collection(COLLECTIONS.auditLogs).where(targetType ? { targetType } : {}),
    [['createdAt', 'desc']],
    page,
    (d: AuditDoc): AuditEntry => ({
      id: d._id,
      actorUserId: d.actorUserId ?? '',
      actorName: d.actorName ?? '',
      action: d.action ?? '',
      targetType: d.targetType ?? '',
      targetId: d.targetId ?? '',
      summary: d.summary ?? '',
      createdAt: new Date(d.createdAt).toISOString(),
    }),
  );
}
