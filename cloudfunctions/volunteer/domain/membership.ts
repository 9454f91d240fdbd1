// Who may act as a team member: an approved one. Shared by the member's actions.
import { AppError } from '../../_shared/errors';
import type { ActionContext } from '../../_shared/function';
import { getMember, type MemberDoc } from '../store/members';

const WHY: Record<string, string> = {
  none: '请先申请加入志愿者队伍，审核通过后才能参加',
  pending: '你的入队申请正在审核中，审核通过后才能参加',
  rejected: '你的入队申请未通过，可以修改信息后重新申请',
  suspended: '你的志愿者身份已被暂停，请联系所在组织',
};

/** The caller's member record if approved; FORBIDDEN otherwise, saying why. */
export async function requireApproved(ctx: ActionContext): Promise<MemberDoc> {
  const m = await getMember(ctx.caller.user!._id);
  if (m?.status === 'approved') return m;
  throw new AppError('FORBIDDEN', WHY[m?.status ?? 'none']!);
}
