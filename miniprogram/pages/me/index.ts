import type { MemberStatus, MyProfile } from '../../../typings/user';
import { MEMBER_STATUS_LABELS, MEMBER_STATUS_THEMES, OCCUPATION_LABELS, type TagTheme } from '../../config/labels';
import { PRIVACY_NOTICE_VERSION } from '../../config/privacy';
import { ROUTES } from '../../config/routes';
import { displayUrl } from '../../services/files';
import { errorMessage } from '../../utils/errors';
import { formatDate } from '../../utils/format';
import { unwatchProfile, watchProfile } from '../../utils/profile-watch';
import { currentProfile, ensureLogin, isAdmin, refreshProfile } from '../../utils/session';

type Status = 'loading' | 'error' | 'ready';

interface MeView {
  nickname: string;
  avatarUrl: string;
  registered: boolean;
  /** e.g. "快递员 · 快递流动党支部" */
  workerLine: string;
  isPartyMember: boolean;
  memberStatus: MemberStatus;
  memberLabel: string;
  memberTheme: TagTheme;
  rejectReason: string;
  balance: number;
  isAdmin: boolean;
  /** Whether the consent given at registration is to the notice in force. */
  privacyNote: string;
}

function privacyNote(p: MyProfile): string {
  const w = p.worker;
  if (!w) return '';
  return w.consentVersion === PRIVACY_NOTICE_VERSION ? `已同意 ${formatDate(w.consentAt)}` : '有更新，请查看';
}

function toView(p: MyProfile): MeView {
  const w = p.worker;
  return {
    nickname: p.nickname,
    avatarUrl: displayUrl(p.avatarFileId),
    registered: p.registered,
    workerLine: w ? `${OCCUPATION_LABELS[w.occupation]} · ${w.orgName}` : '',
    isPartyMember: !!w?.isPartyMember,
    memberStatus: p.memberStatus,
    memberLabel: MEMBER_STATUS_LABELS[p.memberStatus],
    memberTheme: MEMBER_STATUS_THEMES[p.memberStatus],
    rejectReason: p.memberStatus === 'rejected' ? p.memberRejectReason : '',
    balance: p.points.balance,
    isAdmin: isAdmin(p),
    privacyNote: privacyNote(p),
  };
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    me: null as MeView | null,
    version: '',
  },
  lifetimes: {
    attached() {
      const info = wx.getAccountInfoSync();
      this.setData({ version: info.miniProgram.version || '开发版' });
      watchProfile(this, (p) => {
        if (p) this.setData({ status: 'ready', error: '', me: toView(p) });
      });
      if (!currentProfile()) this.login();
    },
    detached() {
      unwatchProfile(this);
    },
  },
  pageLifetimes: {
    show() {
      // Points and membership change elsewhere (other features, an admin's review).
      if (currentProfile()) refreshProfile().catch(() => undefined);
    },
  },
  methods: {
    login() {
      this.setData({ status: 'loading', error: '' });
      ensureLogin().catch((err: unknown) => {
        this.setData({ status: 'error', error: errorMessage(err, '登录失败，请稍后重试') });
      });
    },
    onRetry() {
      this.login();
    },
    go(e: TapEvent<{ route: keyof typeof ROUTES }>) {
      wx.navigateTo({ url: ROUTES[e.currentTarget.dataset.route] });
    },
  },
});
