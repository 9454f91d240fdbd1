// The user's study: check-in streak and total, minutes learned, lectures in
// progress and completed. Refreshed when coming back from a lecture.
import type { MyStudy } from '../../../../../typings/study';
import { ROUTES } from '../../../../config/routes';
import { studyApi } from '../../../../services/study';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { lectureUrl } from '../../utils/labels';
import { type LectureRow, toLectureRow } from '../../utils/lecture-row';
import { reloadHandlers } from '../../../../components/list-state/reload';

type Status = 'loading' | 'ready' | 'error';

interface Summary {
  streak: number;
  totalDays: number;
  checkedInToday: boolean;
  totalMinutes: number;
  completedCount: number;
}

const toSummary = (m: MyStudy): Summary => ({
  streak: m.checkIn.streak,
  totalDays: m.checkIn.totalDays,
  checkedInToday: m.checkIn.checkedInToday,
  totalMinutes: m.totalMinutes,
  completedCount: m.completedCount,
});

const shownBefore = new WeakSet<object>();

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    summary: null as Summary | null,
    inProgress: [] as LectureRow[],
    completed: [] as LectureRow[],
  },
  lifetimes: {
    attached() {
      this.load();
    },
  },
  pageLifetimes: {
    show() {
      if (!shownBefore.has(this)) {
        shownBefore.add(this);
        return;
      }
      if (this.data.status === 'ready') this.load(true);
    },
  },
  methods: {
    ...reloadHandlers(),
    /** Loads everything; `quiet` keeps what is shown while loading and on failure. */
    async load(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin();
        const res = await studyApi('myStudy', {});
        this.setData({
          status: 'ready',
          error: '',
          summary: toSummary(res),
          inProgress: res.inProgress.map(toLectureRow),
          completed: res.completed.map(toLectureRow),
        });
        return null;
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    onOpen(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: lectureUrl(e.currentTarget.dataset.id) });
    },
    onBrowse() {
      wx.navigateTo({ url: ROUTES.lectures });
    },
  },
});
