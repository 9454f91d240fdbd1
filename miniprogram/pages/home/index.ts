import type { MyProfile } from '../../../typings/user';
import { FEATURES } from '../../config/features';
import { ROUTES } from '../../config/routes';
import { unwatchProfile, watchProfile } from '../../utils/profile-watch';
import { ensureLogin, isAdmin } from '../../utils/session';

Component({
  data: {
    features: FEATURES,
    loggedIn: false,
    greeting: '',
    showAdmin: false,
  },
  lifetimes: {
    attached() {
      watchProfile(this, (p) => this.showProfile(p));
      // The launch login is shared; a failure here is shown (with retry) on 我的.
      ensureLogin().catch(() => undefined);
    },
    detached() {
      unwatchProfile(this);
    },
  },
  methods: {
    showProfile(profile: MyProfile | null) {
      this.setData({
        loggedIn: !!profile,
        greeting: profile ? `你好，${profile.nickname || '新朋友'}` : '',
        // Only hides the entry: the server checks the role on every admin action.
        showAdmin: isAdmin(profile),
      });
    },
    onFeatureTap(e: TapEvent<{ key: string }>) {
      const feature = FEATURES.find((f) => f.key === e.currentTarget.dataset.key);
      if (!feature) return;
      if (!feature.url) {
        wx.showToast({ title: `${feature.name}即将开放`, icon: 'none' });
        return;
      }
      wx.navigateTo({ url: feature.url });
    },
    onAdminTap() {
      wx.navigateTo({ url: ROUTES.admin });
    },
    onShareAppMessage() {
      return { title: '新就业群体之家：学习、议事、志愿、评选', path: ROUTES.home };
    },
  },
});
