// Published micro lectures: filter by series (also opened with `?series=`, from a
// training class), search, page; each row shows the kind, length and the user's
// progress. Coming back from a lecture refreshes it.
import type { LectureSummary } from '../../../../../typings/study';
import { ROUTES } from '../../../../config/routes';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { studyApi } from '../../../../services/study';
import { ensureLogin } from '../../../../utils/session';
import { lectureUrl } from '../../utils/labels';
import { type LectureRow, toLectureRow } from '../../utils/lecture-row';

const lists = listRegistry<LectureSummary, LectureRow>();

/** A query value as sent (encodeURIComponent), whether or not WeChat decoded it already. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

Component({
  data: {
    keyword: '',
    /** '' = all series. */
    series: '',
    seriesList: [] as string[],
    list: initialList<LectureRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { keyword, series } = this.data;
          const res = await studyApi('listLectures', {
            page,
            pageSize,
            ...(keyword ? { keyword } : {}),
            ...(series ? { series } : {}),
          });
          if (res.series.join('\n') !== this.data.seriesList.join('\n')) this.setData({ seriesList: res.series });
          return res;
        },
        toView: toLectureRow,
      });
      lists.of(this).reload();
    },
  },
  // Back from a lecture: its progress changed.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    /** `?series=` (a training class's online part): that series only. */
    onLoad(query: { series?: string }) {
      const series = safeDecode(query.series ?? '');
      if (!series || series === this.data.series) return;
      this.setData({ series });
      lists.of(this).reload();
    },
    onSeries(e: TapEvent<{ value: string }>) {
      const series = e.currentTarget.dataset.value;
      if (series === this.data.series) return;
      this.setData({ series });
      lists.of(this).reload();
    },
    onOpen(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: lectureUrl(e.currentTarget.dataset.id) });
    },
    onMyStudy() {
      wx.navigateTo({ url: ROUTES.myStudy });
    },
  },
});
