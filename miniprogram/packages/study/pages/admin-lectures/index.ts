// Lectures for admins: search, who studies each (views, learners, completions,
// minutes), publish / unpublish, and the way to create or edit one.
import type { LectureAdminView } from '../../../../../typings/study';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { studyApi } from '../../../../services/study';
import { toastError } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { formatDuration, LECTURE_KIND_LABELS, LECTURE_KIND_THEMES } from '../../utils/labels';

interface LectureRow {
  id: string;
  title: string;
  speaker: string;
  kindLabel: string;
  kindTheme: TagTheme;
  durationText: string;
  series: string;
  quizCount: number;
  published: boolean;
  /** "浏览 12 · 学习 5 人 · 学完 3 · 共 40 分钟" */
  statsLine: string;
}

const toRow = (l: LectureAdminView): LectureRow => ({
  id: l.id,
  title: l.title,
  speaker: l.speaker,
  kindLabel: LECTURE_KIND_LABELS[l.kind],
  kindTheme: LECTURE_KIND_THEMES[l.kind],
  durationText: formatDuration(l.durationSec),
  series: l.series,
  quizCount: l.quiz.length,
  published: l.published,
  statsLine: `浏览 ${l.stats.views} · 学习 ${l.stats.learners} 人 · 学完 ${l.stats.completions} · 共 ${l.stats.minutes} 分钟`,
});

const lists = listRegistry<LectureAdminView, LectureRow>();

Component({
  data: {
    keyword: '',
    list: initialList<LectureRow>(),
    /** The lecture a publish toggle is running for. */
    acting: '',
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { keyword } = this.data;
          return studyApi('adminListLectures', { page, pageSize, ...(keyword ? { keyword } : {}) });
        },
        toView: toRow,
      });
      lists.of(this).reload();
    },
  },
  // Back from the editor: show what was saved.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    onAdd() {
      wx.navigateTo({ url: ROUTES.adminLectureEdit });
    },
    onEdit(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.adminLectureEdit}?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
    },
    async onPublish(e: DetailEvent<{ value: boolean }, { index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.list.items[index];
      if (!row || this.data.acting) return;
      const published = e.detail.value;
      if (!published) {
        const { confirm } = await wx.showModal({
          title: '下架课程',
          content: `下架后学员将看不到《${row.title}》，学习记录会保留。`,
          confirmText: '下架',
        });
        if (!confirm) return;
      }
      this.setData({ acting: row.id });
      try {
        const view = await studyApi('setLecturePublished', { id: row.id, published });
        lists.of(this).replace(index, toRow(view));
        wx.showToast({ title: published ? '已发布' : '已下架', icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ acting: '' });
      }
    },
  },
});
