// A meeting's sign-up list for its organisers: by state and by name or phone, each
// with the person's name and phone, the topic they want to raise and their
// answers, where they stand and how they checked in; 签到 (a manual check-in),
// 缺席 and 移除 — each confirmed, refused in the server's words when it cannot be
// (缺席 before the start, …) — and the list as Excel.
import type { SignUpCounts, SignUpRow, SignUpState } from '../../../../../typings/signup';
import type { TagTheme } from '../../../../config/labels';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { loadByIdHandlers, openedId } from '../../../../components/list-state/reload';
import { errorMessage, toastError } from '../../../../utils/errors';
import { formatDateTime } from '../../../../utils/format';
import { organiserAccess } from '../../../../utils/session';
import { callPhone } from '../../../../utils/station';
import { roundtableApi, roundtableOfficeApi } from '../../services/roundtable';
import { meetingTime, STATE_LABELS, STATE_THEMES, STATES, stateText } from '../../utils/labels';

interface Row {
  userId: string;
  name: string;
  phone: string;
  stateText: string;
  stateTheme: TagTheme;
  signedUpText: string;
  note: string;
  answers: { key: string; text: string }[];
  checkInText: string;
  canCheckIn: boolean;
  canNoShow: boolean;
  canRemove: boolean;
}

const toRow = (s: SignUpRow): Row => ({
  userId: s.userId,
  name: s.name || '（未登记姓名）',
  phone: s.phone,
  stateText: stateText(s),
  stateTheme: STATE_THEMES[s.state],
  signedUpText: `报名于 ${formatDateTime(s.signedUpAt)}`,
  note: s.note,
  answers: s.answers.map((a) => ({ key: a.key, text: `${a.label}：${a.values.join('、')}` })),
  checkInText: s.checkedInAt
    ? `${s.checkInMethod === 'manual' ? '手动签到' : '扫码签到'} ${formatDateTime(s.checkedInAt)}`
    : '',
  canCheckIn: s.state === 'confirmed' || s.state === 'no_show',
  canNoShow: s.state === 'confirmed' || s.state === 'attended',
  canRemove: s.state === 'confirmed' || s.state === 'waitlisted',
});

const noCounts = (): SignUpCounts => ({ capacity: 0, seatsTaken: 0, seatsLeft: 0, waitlisted: 0, attended: 0 });

type Mark = 'attended' | 'no_show' | 'remove';

const MARKS: Record<Mark, { title: string; verb: string; done: string }> = {
  attended: { title: '登记签到', verb: '为「{name}」登记签到', done: '已登记签到' },
  no_show: { title: '登记缺席', verb: '将「{name}」登记为缺席', done: '已登记缺席' },
  remove: { title: '移出报名', verb: '将「{name}」移出报名（名额让给候补）', done: '已移出' },
};

const lists = listRegistry<SignUpRow, Row>();

Component({
  data: {
    access: 'loading' as 'loading' | 'ready' | 'denied',
    title: '',
    timeText: '',
    counts: noCounts(),
    states: STATES.map((value) => ({ value, label: STATE_LABELS[value] })),
    state: '' as SignUpState | '',
    keyword: '',
    list: initialList<Row>(),
    acting: '',
    exporting: false,
    exportUrl: '',
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          const { state, keyword } = this.data;
          const res = await roundtableApi('listSignUps', {
            meetingId: openedId(this),
            page,
            pageSize,
            ...(state ? { states: [state] } : {}),
            ...(keyword ? { keyword } : {}),
          });
          this.setData({ counts: res.counts });
          return res;
        },
        toView: toRow,
      });
    },
  },
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    ...loadByIdHandlers(),
    async load() {
      const access = await organiserAccess();
      this.setData({ access });
      if (access !== 'ready') return;
      roundtableApi('getMeeting', { id: openedId(this) })
        .then((m) => this.setData({ title: m.title, timeText: meetingTime(m.startAt, m.endAt) }))
        .catch(() => undefined); // the list says what went wrong
      lists.of(this).reload();
    },
    onState(e: TapEvent<{ value: SignUpState | '' }>) {
      const value = e.currentTarget.dataset.value;
      this.setData({ state: value === this.data.state ? '' : value });
      lists.of(this).reload();
    },
    onCall(e: TapEvent<{ phone: string }>) {
      callPhone(e.currentTarget.dataset.phone);
    },
    async onMark(e: TapEvent<{ index: number; mark: Mark }>) {
      const { index, mark } = e.currentTarget.dataset;
      const row = this.data.list.items[index];
      if (!row || this.data.acting) return;
      const m = MARKS[mark];
      const { confirm, content } = await wx.showModal({
        title: m.title,
        content: mark === 'remove' ? '' : `确定${m.verb.replace('{name}', row.name)}吗？`,
        ...(mark === 'remove'
          ? { editable: true, placeholderText: `确定${m.verb.replace('{name}', row.name)}？可填写原因` }
          : {}),
        confirmText: '确定',
        ...(mark === 'attended' ? {} : { confirmColor: '#C8161D' }),
      });
      if (!confirm) return;
      this.setData({ acting: row.userId });
      const meetingId = openedId(this);
      try {
        if (mark === 'attended') await roundtableApi('manualCheckIn', { meetingId, userId: row.userId });
        else {
          const reason = mark === 'remove' ? (content ?? '').trim() : '';
          await roundtableApi('markAttendance', { meetingId, userId: row.userId, mark, ...(reason ? { reason } : {}) });
        }
        wx.showToast({ title: m.done, icon: 'success' });
        await lists.of(this).reload({ keepRows: true });
      } catch (err) {
        wx.showModal({ title: `无法${m.title}`, content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ acting: '' });
      }
    },
    async onExport() {
      this.setData({ exporting: true });
      try {
        const { url } = await roundtableOfficeApi('exportSignUps', { meetingId: openedId(this) });
        this.setData({ exportUrl: url });
      } catch (err) {
        toastError(err, '导出失败，请稍后再试');
      } finally {
        this.setData({ exporting: false });
      }
    },
  },
});
