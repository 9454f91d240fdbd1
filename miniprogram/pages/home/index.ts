import type { CheckInStatus, DailyQuote } from '../../../typings/study';
import type { MyProfile } from '../../../typings/user';
import { FEATURES } from '../../config/features';
import { ROUTES } from '../../config/routes';
import { studyApi } from '../../services/study';
import { errorMessage, toastError } from '../../utils/errors';
import { unwatchProfile, watchProfile } from '../../utils/profile-watch';
import { ensureLogin, isAdmin } from '../../utils/session';
import { checkInLabels, quotePosterUrl } from '../../utils/study';

type Status = 'loading' | 'ready' | 'error';

interface TodayView {
  status: Status;
  error: string;
  day: string;
  quoteId: string;
  text: string;
  source: string;
  sample: boolean;
  favorite: boolean;
}

interface CheckInView {
  /** null until known (a visitor, or before the first answer). */
  status: CheckInStatus | null;
  done: boolean;
  button: string;
  summary: string;
}

const loadingToday = (): TodayView => ({
  status: 'loading',
  error: '',
  day: '',
  quoteId: '',
  text: '',
  source: '',
  sample: false,
  favorite: false,
});

const checkInView = (status: CheckInStatus | null): CheckInView => ({
  status,
  done: !!status?.checkedInToday,
  ...checkInLabels(status),
});

const todayView = (q: DailyQuote): TodayView => ({
  status: 'ready',
  error: '',
  day: q.day,
  quoteId: q.quote.id,
  text: q.quote.text,
  source: q.quote.source,
  sample: q.quote.sample,
  favorite: q.favorite,
});

Component({
  data: {
    features: FEATURES,
    loggedIn: false,
    greeting: '',
    showAdmin: false,
    today: loadingToday(),
    checkIn: checkInView(null),
    checking: false,
    faving: false,
  },
  lifetimes: {
    attached() {
      watchProfile(this, (p) => this.showProfile(p));
      this.loadToday();
    },
    detached() {
      unwatchProfile(this);
    },
  },
  pageLifetimes: {
    show() {
      // A tab page lives long: a new Beijing day brings a new quote and check-in.
      if (this.data.today.status === 'ready') this.loadToday(true);
    },
  },
  methods: {
    showProfile(profile: MyProfile | null) {
      // Signed in after the quote was loaded as a visitor: fetch this user's check-in state.
      if (profile && !this.data.loggedIn && this.data.today.status === 'ready' && !this.data.checkIn.status) {
        this.loadToday(true);
      }
      this.setData({
        loggedIn: !!profile,
        greeting: profile ? `你好，${profile.nickname || '新朋友'}` : '',
        // Only hides the entry: the server checks the role on every admin action.
        showAdmin: isAdmin(profile),
      });
    },
    /** Today's quote and, once signed in, the user's check-in state. `quiet` keeps what is shown meanwhile. */
    async loadToday(quiet = false) {
      if (!quiet) this.setData({ today: loadingToday() });
      // The launch login is shared; a failure here is shown (with retry) on 我的. Visitors still get the quote.
      await ensureLogin().catch(() => null);
      try {
        const res = await studyApi('todayQuote', {});
        this.setData({ today: todayView(res), checkIn: checkInView(res.checkIn) });
      } catch (err) {
        if (!quiet) this.setData({ 'today.status': 'error', 'today.error': errorMessage(err, '金句加载失败') });
      }
    },
    onRetryQuote() {
      this.loadToday();
    },
    async onCheckIn() {
      if (this.data.checking || this.data.checkIn.done) return;
      this.setData({ checking: true });
      try {
        await ensureLogin();
        const res = await studyApi('checkIn', {});
        this.setData({ checkIn: checkInView(res) });
        let title = '打卡成功';
        if (res.alreadyDone) title = '今天已经打过卡了';
        else if (res.pointsAwarded > 0) title = `打卡成功，积分 +${res.pointsAwarded}`;
        wx.showToast({ title, icon: res.alreadyDone ? 'none' : 'success' });
      } catch (err) {
        toastError(err, '打卡失败，请稍后再试');
      } finally {
        this.setData({ checking: false });
      }
    },
    async onFavorite() {
      const { quoteId, favorite } = this.data.today;
      if (!quoteId || this.data.faving) return;
      this.setData({ faving: true });
      try {
        await ensureLogin();
        const res = await studyApi('favoriteQuote', { quoteId, favorite: !favorite });
        this.setData({ 'today.favorite': res.favorite });
        wx.showToast({ title: res.favorite ? '已收藏' : '已取消收藏', icon: 'none' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ faving: false });
      }
    },
    onPoster() {
      const { day, text, source } = this.data.today;
      if (day) wx.navigateTo({ url: quotePosterUrl(day, { text, source }) });
    },
    onFeatureTap(e: TapEvent<{ key: string }>) {
      const feature = FEATURES.find((f) => f.key === e.currentTarget.dataset.key);
      if (feature) wx.navigateTo({ url: feature.url });
    },
    /** 随手拍, 我要反映, 实事共办. */
    onGo(e: TapEvent<{ route: keyof typeof ROUTES }>) {
      wx.navigateTo({ url: ROUTES[e.currentTarget.dataset.route] });
    },
    onAdminTap() {
      wx.navigateTo({ url: ROUTES.admin });
    },
    onShareAppMessage() {
      const { text } = this.data.today;
      return { title: text || '新就业群体之家：学习、议事、志愿、评选', path: ROUTES.home };
    },
  },
});
