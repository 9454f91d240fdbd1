// Casting a vote from any page, and what the voter reads when it is refused.
// The server's Chinese message is shown as returned; the code decides what else
// the page does (stop offering the button, offer registration).
import type { VoteReceipt } from '../../../../typings/campaign';
import { campaignApi } from '../services/campaign';
import { errorCode, errorMessage } from '../../../utils/errors';

export interface VoteRefusal {
  code: string;
  message: string;
  /** Voting is over (or not open) for this voter: disable the buttons with the message. */
  closesVoting: boolean;
  /** The campaign is for registered workers: offer the registration page. */
  needsRegistration: boolean;
  /** A limit was reached: the page may refresh the voter's counts. */
  limitReached: boolean;
}

/** When the server gave no message (it always does), a clear one per code. */
const FALLBACK: Record<string, string> = {
  CLOSED: '现在不在投票时间内',
  LIMIT_REACHED: '已达到投票上限，明天再来吧',
  NOT_REGISTERED: '本次评选仅限已登记的新就业群体投票，请先完成登记',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  UNAUTHENTICATED: '无法识别用户身份，请在微信中打开小程序',
  NOT_FOUND: '候选人不存在或已撤下',
  CONFLICT: '投票人数较多，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
};

export function voteRefusal(err: unknown): VoteRefusal {
  const code = errorCode(err);
  return {
    code,
    message: errorMessage(err, FALLBACK[code] ?? '投票失败，请稍后再试'),
    closesVoting: code === 'CLOSED' || code === 'NOT_REGISTERED',
    needsRegistration: code === 'NOT_REGISTERED',
    limitReached: code === 'LIMIT_REACHED',
  };
}

export type VoteResult = { ok: true; receipt: VoteReceipt } | { ok: false; refusal: VoteRefusal };

/**
 * The receipts of votes cast since a list last took them, oldest first: a list
 * page shown again (back from a candidate) updates just those rows, keeping the
 * rows and scroll position it had, without a round trip.
 */
const receipts = new Map<string, VoteReceipt>();

export function takeReceipts(): VoteReceipt[] {
  const list = [...receipts.values()];
  receipts.clear();
  return list;
}

export async function castVote(candidateId: string): Promise<VoteResult> {
  try {
    const receipt = await campaignApi('vote', { candidateId });
    receipts.delete(candidateId); // re-inserted last: the newest receipt has the votes left
    receipts.set(candidateId, receipt);
    return { ok: true, receipt };
  } catch (err) {
    return { ok: false, refusal: voteRefusal(err) };
  }
}

/** After the day's last vote, the reason the buttons are disabled. */
export const NO_VOTES_LEFT = '今天的票已经投完了，明天再来吧';
