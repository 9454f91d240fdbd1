// The minutes (纪要) of a meeting that was held: what was raised, what was
// answered at the table, what was taken away to be handled (the demands feature
// turns those into tracked cases). Published once the meeting ended, edited
// afterwards; the topics riders wrote when signing up can be brought in as what
// was raised. Everything published is content-checked by the server.
import type { MinutesItem } from '../../../../../typings/roundtable';
import { loadByIdHandlers, openedId } from '../../../../components/list-state/reload';
import { errorCode, errorMessage, toastError } from '../../../../utils/errors';
import { formatDateTime } from '../../../../utils/format';
import { signedInOrganiser } from '../../../../utils/session';
import { roundtableApi } from '../../services/roundtable';
import { meetingTime } from '../../utils/labels';
import { type ItemForm, MAX_ITEMS, newItem } from './items';

type Status = 'loading' | 'ready' | 'error' | 'denied';
type Section = 'raised' | 'answered' | 'takenAway';

const SECTIONS: { key: Section; title: string; placeholder: string }[] = [
  { key: 'raised', title: '提出的问题', placeholder: '骑手提出的问题，如：商圈晚高峰没有临时停车点' },
  { key: 'answered', title: '现场答复', placeholder: '当场答复的内容，如：城管局将在两个商圈试点临时停车位' },
  { key: 'takenAway', title: '会后带走办理', placeholder: '带回去办的事，会转为诉求跟踪办理' },
];

const toForm = (list: MinutesItem[]) => list.map((i) => newItem(i.text, i.department ?? ''));
const toItems = (list: ItemForm[]): MinutesItem[] =>
  list
    .filter((i) => i.text.trim())
    .map((i) => ({ text: i.text.trim(), ...(i.department.trim() ? { department: i.department.trim() } : {}) }));

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    title: '',
    timeText: '',
    ended: false,
    /** "已发布 · 更新于 …", or '' before publishing. */
    publishedText: '',
    sections: SECTIONS,
    raised: [] as ItemForm[],
    answered: [] as ItemForm[],
    takenAway: [] as ItemForm[],
    importing: false,
    saving: false,
    formError: '',
  },
  methods: {
    ...loadByIdHandlers(),
    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        if (!(await signedInOrganiser())) return void this.setData({ status: 'denied' });
        const m = await roundtableApi('getMeeting', { id: openedId(this) });
        const minutes = m.minutes;
        this.setData({
          status: 'ready',
          title: m.title,
          timeText: meetingTime(m.startAt, m.endAt),
          ended: m.phase === 'ended',
          publishedText: minutes ? `已发布 · 更新于 ${formatDateTime(minutes.updatedAt)}` : '',
          raised: minutes ? toForm(minutes.raised) : [newItem()],
          answered: minutes ? toForm(minutes.answered) : [newItem()],
          takenAway: minutes ? toForm(minutes.takenAway) : [newItem()],
        });
      } catch (err) {
        const error = errorCode(err) === 'NOT_FOUND' ? '找不到这场活动' : errorMessage(err, '加载失败，请稍后再试');
        this.setData({ status: 'error', error });
      }
    },
    onRetry() {
      this.load();
    },
    onItems(e: DetailEvent<{ items: ItemForm[] }, { section: Section }>) {
      this.setData({ [e.currentTarget.dataset.section]: e.detail.items, formError: '' });
    },
    /** The topics riders wrote when signing up, added to 提出的问题 (each once). */
    async onImportTopics() {
      if (this.data.importing) return;
      this.setData({ importing: true });
      try {
        const page = await roundtableApi('listSignUps', {
          meetingId: openedId(this),
          states: ['attended', 'confirmed', 'no_show'],
          pageSize: 50,
        });
        const have = new Set(this.data.raised.map((i) => i.text.trim()));
        const topics = [...new Set(page.items.map((s) => s.note.trim()))].filter((t) => t && !have.has(t));
        const kept = this.data.raised.filter((i) => i.text.trim());
        this.setData({ raised: [...kept, ...topics.map((t) => newItem(t))].slice(0, MAX_ITEMS) });
        wx.showToast({ title: topics.length ? `已加入 ${topics.length} 条` : '没有新的报名话题', icon: 'none' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ importing: false });
      }
    },
    async onPublish() {
      if (this.data.saving) return;
      const body = {
        raised: toItems(this.data.raised),
        answered: toItems(this.data.answered),
        takenAway: toItems(this.data.takenAway),
      };
      if (!body.raised.length && !body.answered.length && !body.takenAway.length) {
        this.setData({ formError: '纪要至少要有一条内容' });
        return;
      }
      this.setData({ saving: true, formError: '' });
      try {
        const saved = await roundtableApi('publishMinutes', { meetingId: openedId(this), ...body });
        wx.showToast({ title: this.data.publishedText ? '纪要已更新' : '纪要已发布', icon: 'success' });
        this.setData({ publishedText: `已发布 · 更新于 ${formatDateTime(saved.updatedAt)}` });
      } catch (err) {
        this.setData({ formError: errorMessage(err, '发布失败，请稍后再试') });
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
