// 随手拍 points (蜂力值), only once an organiser verifies a report as valid, through
// the ledger (stores/points.ts) in the same transaction as the verification:
//   - the first reporter of an issue (a report that is not a duplicate) gets the
//     full award (default 10), keyed case-report:<report>:<user>;
//   - a report marked a duplicate of an original gets the duplicate award (1),
//     keyed case-report:<original>:<user> — so one reporter is counted once per
//     issue however many duplicates they file, and the original's own reporter gets
//     nothing more for a duplicate of their own report;
//   - anonymous reports earn nothing;
//   - daily and monthly caps (30 / 300) hold exactly: the ledger reads and writes
//     its totals in the transaction, which retries on conflict.
// A report is verified once (a second verification is CONFLICT), so a double tap
// credits once; the ledger's idempotency key would hold even if it did not.
import { checkTexts, PUBLISHED } from '../../content-check';
import { conflict } from '../../errors';
import type { ActionContext } from '../../function';
import { audit } from '../../stores/audit';
import {
  type CaseDoc,
  type CaseFields,
  getCaseIn,
  inCaseTransaction,
  moveCaseIn,
  type TimelineRecord,
} from '../../stores/cases';
import { awardPointsIn } from '../../stores/points';
import { requireCase, requireOrganiser } from './access';
import { categoryLabel, reportPoints } from './config';
import { countCase } from './counters';

/** Transactions of 20 verifications at once all touch one reporter's balance: retried until they commit. */
const RETRIES = 40;

export interface VerifyInput {
  valid: boolean;
  note?: string;
}

interface Award {
  amount: number;
  key: string;
  title: string;
}

function awardOf(c: CaseDoc, original: CaseDoc | null): Award | null {
  const points = reportPoints();
  if (c.anonymous || !c.raiser) return null;
  const label = categoryLabel(c.kind, c.category);
  if (!original)
    return { amount: points.first, key: `case-report:${c._id}:${c.raiser.userId}`, title: `随手拍：${label}（首报）` };
  if (original.raiser?.userId === c.raiser.userId) return null;
  return {
    amount: points.duplicate,
    key: `case-report:${original._id}:${c.raiser.userId}`,
    title: `随手拍：${label}（重复上报）`,
  };
}

/** Verifies a report: valid credits its reporter; invalid rejects it (if still open). */
export async function verifyReport(ctx: ActionContext, caseId: string, input: VerifyInput): Promise<CaseDoc> {
  const first = await requireCase(caseId);
  requireOrganiser(ctx.caller, first);
  await checkTexts(ctx.caller.openid, [['核实说明', input.note]], PUBLISHED);
  if (first.kind !== 'report') throw conflict('只有随手拍需要核实');
  const points = reportPoints();
  const now = ctx.now;
  // The case as read in the transaction and as written by it, for the counters once it committed.
  let change: { before: CaseDoc; after: CaseDoc } | null = null;
  await inCaseTransaction(async (t) => {
    const c = await getCaseIn(t, caseId);
    if (!c) throw conflict('这条随手拍已不存在');
    if (c.verification) throw conflict('这条随手拍已经核实过了');
    const original = c.duplicateOf ? await getCaseIn(t, c.duplicateOf) : null;
    const award = input.valid ? awardOf(c, original) : null;
    let credited = 0;
    if (award && award.amount > 0) {
      const r = await awardPointsIn(t, {
        userId: c.raiser!.userId,
        amount: award.amount,
        reason: 'case_report',
        title: award.title,
        sourceId: c._id,
        key: award.key,
        now,
        caps: { daily: points.dailyCap, monthly: points.monthlyCap },
      });
      credited = r.awarded;
    }
    const rejects = !input.valid && ['submitted', 'accepted', 'in_progress', 'returned'].includes(c.state);
    const text = input.valid
      ? credited > 0
        ? `核实为有效问题，获得 ${credited} 蜂力值`
        : c.anonymous
          ? '核实为有效问题（匿名上报不计蜂力值）'
          : award
            ? '核实为有效问题（今日或本月蜂力值已达上限）'
            : '核实为有效问题（同一问题已计入蜂力值）'
      : `核实为无效上报${input.note ? `：${input.note}` : ''}`;
    const entry: TimelineRecord = {
      at: now,
      kind: rejects ? 'rejected' : 'verified',
      text,
      orgId: c.orgId,
      orgName: c.orgName,
      by: 'organiser',
      actorUserId: ctx.caller.user?._id ?? '',
      public: true,
    };
    const fields: CaseFields = {
      verification: {
        valid: input.valid,
        at: now,
        by: ctx.caller.user?._id ?? '',
        note: input.note ?? '',
        points: credited,
      },
      ...(rejects
        ? {
            state: 'rejected' as const,
            rejectReason: input.note || '核实为无效上报',
            firstResponseAt: c.firstResponseAt ?? now,
          }
        : {}),
      lastActivityAt: now,
    };
    await moveCaseIn(t, c, fields, entry, now);
    change = { before: c, after: { ...c, ...fields } };
  }, RETRIES);
  const committed = change as { before: CaseDoc; after: CaseDoc } | null;
  await Promise.all([
    committed && countCase(committed.before, committed.after, now),
    audit(ctx, {
      action: 'verifyReport',
      targetType: 'case',
      targetId: caseId,
      summary: `${input.valid ? '核实有效' : '核实无效'}：${first.title}`,
    }),
  ]);
  return requireCase(caseId);
}
