// One volunteer activity: what, when and where (导航), planned hours, seats; the
// rider's own part — 报名 (approved members; the organiser's questions prefilled,
// the reminders asked for in the tap itself), 取消报名, 扫码签到 and 扫码签退 while
// the window is open — and afterwards the hours it gave, or why none.
import type { SubscribeGrant } from '../../../../../typings/signup';
import type { VolunteerActivityDetail } from '../../../../../typings/volunteer-team';
import {
  answersOf,
  askSubscribe,
  checkAnswers,
  type QuestionView,
  questionViews,
} from '../../../../components/signup-questions/form';
import { loadByIdHandlers, openedId, reloadHandlers } from '../../../../components/list-state/reload';
import { ROUTES } from '../../../../config/routes';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { callPhone, navigateToStation } from '../../../../utils/station';
import { volunteerApi } from '../../services/volunteer';
import { activityUrl, durationText, hoursOf } from '../../utils/labels';
import { type ActivityView, joinHint, mineView, type MineView, toView } from './view';

type Status = 'loading' | 'ready' | 'missing' | 'error';
type Purpose = 'in' | 'out';
/** What a scan's answer tells the rider: a toast, or a modal when the hours need explaining. */
type Said = { toast?: string; icon?: 'success' | 'none'; modal?: string };

/** The scanned string; null when the camera was closed (nothing to say) or failed (a toast). */
function scanned(): Promise<string | null> {
  return new Promise((resolve) =>
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(res.result),
      fail: (err) => {
        if (!/cancel/i.test(err?.errMsg ?? '')) wx.showToast({ title: '扫码失败，请重试', icon: 'none' });
        resolve(null);
      },
    }),
  );
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    activity: null as ActivityView | null,
    mine: null as MineView | null,
    canSignUp: false,
    /** Not a member (or not yet approved) while the activity takes sign-ups: what to do first. */
    joinHint: '',
    checkInOpen: false,
    subscribeIds: [] as string[],
    questions: [] as QuestionView[],
    formError: '',
    busy: false,
  },
  methods: {
    ...reloadHandlers(),
    ...loadByIdHandlers(),
    async load(quiet = false): Promise<string | null> {
      if (!quiet || !this.data.activity) this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin().catch(() => null);
        this.show(await volunteerApi('getActivity', { activityId: openedId(this) }));
        return null;
      } catch (err) {
        const missing = errorCode(err) === 'NOT_FOUND' || errorCode(err) === 'INVALID_ARGUMENT';
        const error = missing ? '找不到这个活动，可能已被删除' : errorMessage(err, '加载失败，请稍后再试');
        if (!quiet || !this.data.activity) this.setData({ status: missing ? 'missing' : 'error', error });
        return error;
      }
    },
    show(a: VolunteerActivityDetail) {
      wx.setNavigationBarTitle({ title: a.title });
      const mine = mineView(a);
      const open = a.status === 'published' && a.phase === 'upcoming' && a.booking.open;
      const needsJoin = !a.canSignUp && open && !mine?.active && a.memberStatus !== 'approved';
      this.setData({
        status: 'ready',
        activity: toView(a),
        mine,
        canSignUp: a.canSignUp && !mine?.active && mine?.step !== 'in' && mine?.step !== 'done',
        joinHint: needsJoin ? joinHint(a.memberStatus) : '',
        checkInOpen: a.checkInOpen,
        subscribeIds: a.subscribe.templateIds,
        // A fresh form each time (kept while the rider edits it: show() runs after actions only).
        questions: questionViews(a),
        formError: '',
      });
    },

    onQuestions(e: DetailEvent<{ questions: QuestionView[] }>) {
      this.setData({ questions: e.detail.questions, formError: '' });
    },
    // WeChat's subscribe dialog (the reminders) must be asked for in the tap itself.
    onSignUp() {
      if (this.data.busy || !this.data.canSignUp) return;
      const problem = checkAnswers(this.data.questions);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      this.setData({ busy: true, formError: '' });
      askSubscribe(this.data.subscribeIds, (grants) => this.submit(grants));
    },
    async submit(grants: SubscribeGrant[]) {
      try {
        const { signUp } = await volunteerApi('signUp', {
          activityId: openedId(this),
          answers: answersOf(this.data.questions),
          grants,
        });
        const waitlisted = signUp.state === 'waitlisted';
        wx.showToast({
          title: waitlisted ? `名额已满，已候补第 ${signUp.position} 位` : '报名成功',
          icon: waitlisted ? 'none' : 'success',
          duration: 2500,
        });
        await this.load(true);
      } catch (err) {
        wx.showModal({ title: '报名未成功', content: errorMessage(err, '报名失败，请稍后再试'), showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },
    async onCancel() {
      if (this.data.busy || !this.data.mine?.active) return;
      const { confirm } = await wx.showModal({
        title: '取消报名',
        content: this.data.mine.step === 'signed' ? '确定取消吗？名额会让给候补的第一位。' : '确定退出候补吗？',
        confirmText: '取消报名',
        cancelText: '再想想',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      this.setData({ busy: true });
      try {
        await volunteerApi('cancelSignUp', { activityId: openedId(this) });
        wx.showToast({ title: '已取消报名', icon: 'success' });
        await this.load(true);
      } catch (err) {
        wx.showModal({ title: '无法取消', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },

    // --- 扫码签到 / 扫码签退: the organiser's screen shows a code of each purpose
    async onScan(e: TapEvent<{ purpose: Purpose }>) {
      if (this.data.busy) return;
      const purpose = e.currentTarget.dataset.purpose;
      const code = await scanned();
      if (code === null) return;
      this.setData({ busy: true });
      try {
        const done = purpose === 'in' ? await this.checkIn(code) : await this.checkOut(code);
        if (done.toast) wx.showToast({ title: done.toast, icon: done.icon ?? 'success' });
        if (done.modal) wx.showModal({ title: '已签退', content: done.modal, showCancel: false });
        await this.load(true);
      } catch (err) {
        const what = purpose === 'in' ? '签到' : '签退';
        wx.showModal({ title: `${what}未成功`, content: errorMessage(err, `${what}失败，请重试`), showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },
    async checkIn(code: string): Promise<Said> {
      const { already } = await volunteerApi('checkIn', { activityId: openedId(this), code });
      return { toast: already ? '你已经签到过了' : '签到成功' };
    },
    async checkOut(code: string): Promise<Said> {
      const r = await volunteerApi('checkOut', { activityId: openedId(this), code });
      if (r.already) return { toast: '你已经签退过了', icon: 'none' };
      if (r.hours) return { toast: `签退成功，+${hoursOf(r.hours.minutes)} 小时` };
      return { modal: `本次计入 ${durationText(r.servedMinutes)}，不足计划时长的 60%，不计信用时数。` };
    },

    onNavigate() {
      const v = this.data.activity?.venue;
      if (v?.location) navigateToStation({ name: v.name, address: v.address, location: v.location });
    },
    onCall() {
      const phone = this.data.activity?.contactPhone;
      if (phone) callPhone(phone);
    },
    onJoin() {
      wx.navigateTo({ url: ROUTES.volunteer });
    },
    onAll() {
      wx.redirectTo({ url: ROUTES.volActivities });
    },
    onShareAppMessage() {
      const a = this.data.activity;
      return { title: a ? a.title : '先锋骑士志愿活动', path: a ? activityUrl(a.id) : ROUTES.volActivities };
    },
  },
});
