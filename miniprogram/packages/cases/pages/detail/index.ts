// A raiser's case (opened from 我的诉求, after submitting, and by the answered
// notice: packages/cases/pages/detail/index?id=): the stage as five steps, the
// flags in words, who handles it and by when, the answer, and the timeline; on an
// answer, 确认解决 with a rating or 不满意，重新办理 (components/answer-actions).
import type { MyCase } from '../../../../../typings/cases';
import { loadByIdHandlers, openedId, reloadHandlers } from '../../../../components/list-state/reload';
import { ROUTES } from '../../../../config/routes';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { casesApi } from '../../services/cases';
import { caseOptions } from '../../utils/options';
import { type DetailView, toDetail } from './view';

type Status = 'loading' | 'ready' | 'error';

const byId = loadByIdHandlers();

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    view: null as DetailView | null,
    /** Opened right after submitting: the confirmation on top. */
    submitted: false,
    /** "核实有效后可获 10 蜂力值" for a named report just sent. */
    pointsPromise: '',
    templateIds: [] as string[],
  },
  lifetimes: {
    attached() {
      caseOptions()
        .then((o) =>
          this.setData({
            templateIds: o.raiserTemplates.templateIds,
            pointsPromise: `核实为有效问题后可获 ${o.reportPoints.first} 蜂力值`,
          }),
        )
        .catch(() => undefined);
    },
  },
  methods: {
    ...reloadHandlers(),
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ submitted: query.submitted === '1' });
      byId.onLoad.call(this, query);
    },
    async load(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin();
        const c = await casesApi('getCase', { caseId: openedId(this) });
        this.show(c);
        return null;
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    show(c: MyCase) {
      this.setData({ status: 'ready', error: '', view: toDetail(c) });
    },
    /** The answer-actions' reply: the case as it is now. */
    onChanged(e: DetailEvent<MyCase>) {
      this.setData({ submitted: false });
      this.show(e.detail);
    },
    /** A refused action (already rated, past 7 days…): what the page shows may be stale. */
    onFailed() {
      this.load(true);
    },
    onPreview(e: TapEvent<{ index: number }>) {
      const urls = (this.data.view?.photos ?? []).map((p) => p.url);
      wx.previewImage({ urls, current: urls[e.currentTarget.dataset.index] });
    },
    onAnother() {
      wx.redirectTo({ url: ROUTES.caseReport });
    },
    onMine() {
      wx.redirectTo({ url: `${ROUTES.myCases}?kind=${this.data.view?.isReport ? 'report' : 'demand'}` });
    },
  },
});
