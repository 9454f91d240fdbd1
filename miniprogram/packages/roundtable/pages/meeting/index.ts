// One meeting (the page subscribe messages open): what it is about, when and where
// (导航), who sits at the table, who is invited, seats left and the waitlist, who
// is coming as counts and faces; the rider's own sign-up — 报名 (asking for the
// reminders in the tap itself), 候补第 n 位, 取消报名, 扫码签到 — and the minutes
// once published.
import type { MeetingDetail, MeetingKind } from '../../../../../typings/roundtable';
import { loadByIdHandlers, openedId, reloadHandlers } from '../../../../components/list-state/reload';
import { ROUTES } from '../../../../config/routes';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { currentProfile, ensureLogin } from '../../../../utils/session';
import { navigateToStation } from '../../../../utils/station';
import { roundtableApi } from '../../services/roundtable';
import { meetingUrl } from '../../utils/labels';
import {
  answersOf,
  askSubscribe,
  type QuestionView,
  questionViews,
} from '../../../../components/signup-questions/form';
import type { SubscribeGrant } from '../../../../../typings/signup';
import { checkForm, MAX_TOPIC } from './form';
import { type MeetingView, mineView, type MineView, toView } from './view';

type Status = 'loading' | 'ready' | 'missing' | 'error';

const TOPIC_LABELS: Record<MeetingKind, string> = {
  roundtable: '想在会上提的问题',
  training: '想了解的内容',
  activity: '想咨询的问题',
};

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    meeting: null as MeetingView | null,
    mine: null as MineView | null,
    canSignUp: false,
    checkInOpen: false,
    subscribeIds: [] as string[],
    topicLabel: TOPIC_LABELS.roundtable,
    maxTopic: MAX_TOPIC,
    topic: '',
    questions: [] as QuestionView[],
    formError: '',
    busy: false,
  },
  methods: {
    ...reloadHandlers(),
    ...loadByIdHandlers(),
    async load(quiet = false): Promise<string | null> {
      if (!quiet || !this.data.meeting) this.setData({ status: 'loading', error: '' });
      try {
        // Signed in first, so the page shows the rider's own sign-up and prefill.
        await ensureLogin().catch(() => null);
        const m = await roundtableApi('getMeeting', { id: openedId(this) });
        this.show(m);
        return null;
      } catch (err) {
        const missing = errorCode(err) === 'NOT_FOUND' || errorCode(err) === 'INVALID_ARGUMENT';
        const error = missing ? '找不到这场活动，可能已被删除' : errorMessage(err, '加载失败，请稍后再试');
        if (!quiet || !this.data.meeting) this.setData({ status: missing ? 'missing' : 'error', error });
        return error;
      }
    },
    show(m: MeetingDetail) {
      wx.setNavigationBarTitle({ title: m.title });
      const mine = mineView(m.mine);
      this.setData({
        status: 'ready',
        meeting: toView(m),
        mine,
        canSignUp: m.canSignUp && !mine?.active && !mine?.attended,
        checkInOpen: m.checkInOpen,
        subscribeIds: m.subscribe.templateIds.slice(0, 3),
        topicLabel: TOPIC_LABELS[m.kind],
        // A fresh form each time (kept while the rider edits it: show() runs after actions only).
        questions: questionViews(m),
        formError: '',
      });
    },

    // --- the form
    onTopic(e: DetailEvent<{ value: string }>) {
      this.setData({ topic: e.detail.value, formError: '' });
    },
    onQuestions(e: DetailEvent<{ questions: QuestionView[] }>) {
      this.setData({ questions: e.detail.questions, formError: '' });
    },

    // --- 报名: WeChat's subscribe dialog must be asked for in the tap itself
    onSignUp() {
      if (this.data.busy || !this.data.canSignUp) return;
      const problem = checkForm(this.data.topic, this.data.questions);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      const profile = currentProfile();
      if (profile && !profile.registered) {
        this.askToRegister('报名前请先完成新就业群体信息登记，只需一次。');
        return;
      }
      this.setData({ busy: true, formError: '' });
      askSubscribe(this.data.subscribeIds, (grants) => this.submit(grants));
    },
    async submit(grants: SubscribeGrant[]) {
      const topic = this.data.topic.trim();
      try {
        await ensureLogin();
        const receipt = await roundtableApi('signUp', {
          meetingId: openedId(this),
          ...(topic ? { topic } : {}),
          answers: answersOf(this.data.questions),
          grants,
        });
        const s = receipt.signUp;
        wx.showToast({
          title: s.state === 'waitlisted' ? `名额已满，已候补第 ${s.position} 位` : '报名成功',
          icon: s.state === 'waitlisted' ? 'none' : 'success',
          duration: 2500,
        });
        this.setData({ topic: '' });
        await this.load(true);
      } catch (err) {
        if (errorCode(err) === 'NOT_REGISTERED') this.askToRegister(errorMessage(err));
        else this.setData({ formError: errorMessage(err, '报名失败，请稍后再试') });
      } finally {
        this.setData({ busy: false });
      }
    },
    async askToRegister(content: string) {
      const { confirm } = await wx.showModal({ title: '先登记再报名', content, confirmText: '去登记' });
      if (confirm) wx.navigateTo({ url: ROUTES.register });
    },

    // --- 取消报名
    async onCancel() {
      if (this.data.busy || !this.data.mine?.active) return;
      const { confirm } = await wx.showModal({
        title: '取消报名',
        content: this.data.mine.confirmed ? '确定取消吗？你的名额会让给候补的第一位。' : '确定退出候补吗？',
        confirmText: '取消报名',
        cancelText: '再想想',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      this.setData({ busy: true });
      try {
        await roundtableApi('cancelSignUp', { meetingId: openedId(this) });
        wx.showToast({ title: '已取消报名', icon: 'success' });
        await this.load(true);
      } catch (err) {
        // After the deadline: the server says why and whom to tell.
        wx.showModal({ title: '无法取消', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },

    // --- 扫码签到
    onScan() {
      if (this.data.busy) return;
      wx.scanCode({
        onlyFromCamera: true,
        scanType: ['qrCode'],
        success: (res) => this.checkIn(res.result),
        fail: (err) => {
          if (!/cancel/i.test(err?.errMsg ?? '')) wx.showToast({ title: '扫码失败，请重试', icon: 'none' });
        },
      });
    },
    async checkIn(code: string) {
      this.setData({ busy: true });
      try {
        const { already } = await roundtableApi('checkIn', { meetingId: openedId(this), code });
        wx.showToast({ title: already ? '你已经签到过了' : '签到成功', icon: 'success' });
        await this.load(true);
      } catch (err) {
        wx.showModal({ title: '签到未成功', content: errorMessage(err, '签到失败，请重试'), showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },

    onNavigate() {
      const m = this.data.meeting;
      if (m) navigateToStation(m.venue);
    },
    onLectures() {
      const series = this.data.meeting?.training?.series;
      if (series) wx.navigateTo({ url: `${ROUTES.lectures}?series=${encodeURIComponent(series)}` });
    },
    onAllMeetings() {
      wx.redirectTo({ url: ROUTES.meetings });
    },
    onShareAppMessage() {
      const m = this.data.meeting;
      return { title: m ? m.title : '小哥圆桌会', path: m ? meetingUrl(m.id) : ROUTES.meetings };
    },
  },
});
