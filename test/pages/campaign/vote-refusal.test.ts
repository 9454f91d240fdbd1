import { ApiError } from '../../../miniprogram/services/errors';
import { voteRefusal } from '../../../miniprogram/packages/campaign/utils/vote';

describe('what a voter reads when a vote is refused', () => {
  it('shows the server’s message as returned, and the code decides what else happens', () => {
    expect(voteRefusal(new ApiError('LIMIT_REACHED', '今天的 3 票已经投完了，明天再来吧'))).toEqual({
      code: 'LIMIT_REACHED',
      message: '今天的 3 票已经投完了，明天再来吧',
      closesVoting: false,
      needsRegistration: false,
      limitReached: true,
    });
    expect(voteRefusal(new ApiError('CLOSED', '投票已经结束'))).toMatchObject({
      message: '投票已经结束',
      closesVoting: true,
      needsRegistration: false,
    });
    expect(
      voteRefusal(new ApiError('NOT_REGISTERED', '本次评选仅限已登记的新就业群体投票，请先完成登记')),
    ).toMatchObject({ closesVoting: true, needsRegistration: true });
    expect(voteRefusal(new ApiError('RATE_LIMITED', '操作太频繁，请 1 分钟后再试'))).toMatchObject({
      message: '操作太频繁，请 1 分钟后再试',
      closesVoting: false,
      limitReached: false,
    });
  });

  it('has a clear message for every refusal code even without one from the server', () => {
    const codes = [
      'CLOSED',
      'LIMIT_REACHED',
      'NOT_REGISTERED',
      'RATE_LIMITED',
      'UNAUTHENTICATED',
      'NOT_FOUND',
      'CONFLICT',
      'NETWORK',
    ] as const;
    const messages = codes.map((code) => voteRefusal(new ApiError(code, '')).message);
    expect(messages).toEqual([
      '现在不在投票时间内',
      '已达到投票上限，明天再来吧',
      '本次评选仅限已登记的新就业群体投票，请先完成登记',
      '操作太频繁了，请稍后再试',
      '无法识别用户身份，请在微信中打开小程序',
      '候选人不存在或已撤下',
      '投票人数较多，请稍后再试',
      '网络不给力，请检查网络后重试',
    ]);
    expect(voteRefusal(new Error('boom')).message).toBe('投票失败，请稍后再试');
  });
});
