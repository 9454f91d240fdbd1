// Reading cases: the raiser's own list and case, an organiser's queue (by state,
// flag, kind, category, keyword, within the org sub-trees they administer) and
// case, and the public board.
import type { Page } from '../../../../typings/common';
import type {
  BoardCase,
  CaseAdminView,
  CaseCategory,
  CaseFlag,
  CaseKind,
  CaseRow,
  CaseState,
  CaseSummary,
  MyCase,
} from '../../../../typings/cases';
import type { Caller } from '../../caller';
import type { ActionContext } from '../../function';
import type { PageArgs } from '../../paging';
import { requireOrgInScope } from '../../scope';
import { type CaseDoc, casesOfMeeting, getCase, pageOfBoard, pageOfQueue, pageOfRaiser } from '../../stores/cases';
import { requireCase, requireOrganiser, requireRaiser, userIdOf } from './access';
import { photoUrls } from './photos';
import { toAdminView, toBoard, toMyCase, toRow, toSummary } from './views';

async function related(c: CaseDoc) {
  return { duplicateOf: c.duplicateOf ? await getCase(c.duplicateOf) : null };
}

/** The case as its raiser sees it (passed photos only). */
export async function raiserView(c: CaseDoc, now: Date): Promise<MyCase> {
  const urls = await photoUrls(c.photos.filter((p) => p.check === 'pass').map((p) => p.fileId));
  return toMyCase(c, now, urls, await related(c));
}

/** The case as its organisers see it (every photo). */
export async function organiserView(c: CaseDoc, now: Date): Promise<CaseAdminView> {
  const urls = await photoUrls(c.photos.map((p) => p.fileId));
  return toAdminView(c, now, urls, await related(c));
}

export async function myCases(
  ctx: ActionContext,
  filter: { kind?: CaseKind; state?: CaseState } & PageArgs,
): Promise<Page<CaseSummary>> {
  const page = await pageOfRaiser(userIdOf(ctx.caller), filter, filter);
  return { ...page, items: page.items.map((c) => toSummary(c, ctx.now)) };
}

export async function myCase(ctx: ActionContext, caseId: string): Promise<MyCase> {
  const c = await requireCase(caseId);
  requireRaiser(ctx.caller, c);
  return raiserView(c, ctx.now);
}

export async function adminCase(ctx: ActionContext, caseId: string): Promise<CaseAdminView> {
  const c = await requireCase(caseId);
  requireOrganiser(ctx.caller, c);
  return organiserView(c, ctx.now);
}

export interface QueueInput extends PageArgs {
  orgId?: string;
  state?: CaseState;
  open?: boolean;
  flag?: CaseFlag;
  kind?: CaseKind;
  category?: CaseCategory;
  keyword?: string;
}

/** The orgs whose sub-trees an organiser's queue covers (null: all, for a superadmin). */
async function queueRoots(caller: Caller, orgId: string | undefined): Promise<string[] | null> {
  if (orgId) return [(await requireOrgInScope(caller, orgId))._id];
  return caller.isSuperadmin ? null : [...(caller.user?.adminOrgIds ?? [])];
}

export async function queue(ctx: ActionContext, input: QueueInput): Promise<Page<CaseRow>> {
  const underOrgs = await queueRoots(ctx.caller, input.orgId);
  const page = await pageOfQueue({ ...input, underOrgs, now: ctx.now }, input);
  return { ...page, items: page.items.map((c) => toRow(c, ctx.now)) };
}

export async function board(
  filter: { kind?: CaseKind; category?: CaseCategory; orgId?: string } & PageArgs,
): Promise<Page<BoardCase>> {
  const page = await pageOfBoard(filter, filter);
  return { ...page, items: page.items.map(toBoard) };
}

/**
 * The demands recorded from a meeting's minutes, for the meeting's page: each
 * case's progress (state, due date, answer time) without anyone's identity. For
 * the round-table function once it exists (nothing here reads its collections).
 */
export async function meetingCases(meetingId: string, now: Date): Promise<CaseSummary[]> {
  return (await casesOfMeeting(meetingId)).map((c) => toSummary(c, now));
}
