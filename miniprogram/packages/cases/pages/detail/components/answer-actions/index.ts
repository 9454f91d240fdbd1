// What the raiser does with an answer: 确认解决 with a rating (满意 / 基本满意 /
// 不满意) and a comment; rate a case that closed on its own; or 不满意，重新办理
// (once, within 7 days of the answer — when it is not allowed, why). Reopening
// asks for the answered notice again. Each reply arrives as `changed` with the case.
import type { CaseRating, MyCase } from '../../../../../../../typings/cases';
import type { ChipsChange } from '../../../../../../components/choice-chips/index';
import { errorMessage } from '../../../../../../utils/errors';
import { casesApi } from '../../../../services/cases';
import { RATING_LABELS, RATINGS } from '../../../../utils/labels';
import { askNotices } from '../../../../utils/options';

export const REASON_MIN = 5;

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    caseId: { type: String, value: '' },
    canConfirm: { type: Boolean, value: false },
    canRate: { type: Boolean, value: false },
    canReopen: { type: Boolean, value: false },
    reopenRefusal: { type: String, value: '' },
    reopenUntil: { type: String, value: '' },
    /** The answered notice's template ids, requested on the reopen tap. */
    templateIds: { type: Array, value: [] as string[] },
  },
  data: {
    ratings: RATINGS.map((value) => ({ value, label: RATING_LABELS[value] })),
    rating: '' as CaseRating | '',
    comment: '',
    reopening: false,
    reason: '',
    busy: false,
    error: '',
  },
  methods: {
    onRating(e: DetailEvent<ChipsChange>) {
      if ('value' in e.detail) this.setData({ rating: e.detail.value as CaseRating, error: '' });
    },
    onComment(e: DetailEvent<{ value: string }>) {
      this.setData({ comment: e.detail.value });
    },
    onReason(e: DetailEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, error: '' });
    },
    /** 确认解决 (answered) or 提交评价 (closed without a rating). */
    async onConfirm() {
      const { rating, comment, busy, caseId } = this.data;
      if (busy) return;
      if (!rating) {
        this.setData({ error: '请先选择满意程度' });
        return;
      }
      const extra = comment.trim() ? { comment: comment.trim() } : {};
      await this.run(
        this.data.canConfirm
          ? casesApi('confirmCase', { caseId, rating, ...extra })
          : casesApi('rateCase', { caseId, rating, ...extra }),
        this.data.canConfirm ? '已确认解决，感谢评价' : '感谢评价',
      );
    },
    onOpenReopen() {
      this.setData({ reopening: true, error: '' });
    },
    onCancelReopen() {
      this.setData({ reopening: false, reason: '', error: '' });
    },
    onReopen() {
      const { reason, busy, caseId, templateIds } = this.data;
      if (busy) return;
      if (reason.trim().length < REASON_MIN) {
        this.setData({ error: `请说明不满意的原因（至少 ${REASON_MIN} 个字）` });
        return;
      }
      // Synchronously within the tap: the next answer is notified again if the raiser agrees.
      const asking = askNotices(templateIds as string[]);
      return this.run(
        asking.then(async (grants) => {
          const c = await casesApi('reopenCase', { caseId, reason: reason.trim() });
          if (grants.length) await casesApi('subscribeCaseNotices', { grants }).catch(() => undefined);
          return c;
        }),
        '已要求重新办理',
      );
    },
    async run(call: Promise<MyCase>, done: string) {
      this.setData({ busy: true, error: '' });
      try {
        const c = await call;
        wx.showToast({ title: done, icon: 'success' });
        this.setData({ reopening: false, reason: '', rating: '', comment: '' });
        this.triggerEvent('changed', c);
      } catch (err) {
        // CONFLICT (already rated, reopened once), CLOSED (past 7 days): the server says which.
        this.setData({ error: errorMessage(err, '操作失败，请稍后再试') });
        this.triggerEvent('failed');
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
