import type { MyProfile } from '../../../../../typings/user';
import { ROUTES } from '../../../../config/routes';
import { displayUrl, uploadFile } from '../../../../services/files';
import { userApi } from '../../../../services/user';
import { toastError } from '../../../../utils/errors';
import { clearSession, ensureLogin, updateProfile } from '../../../../utils/session';

const NICKNAME_MAX = 20;

Component({
  data: {
    ready: false,
    userId: '',
    avatarUrl: '',
    nickname: '',
    nicknameMax: NICKNAME_MAX,
    uploading: false,
    saving: false,
    deleting: false,
  },
  lifetimes: {
    attached() {
      ensureLogin()
        .then((p) => this.show(p))
        .catch((err: unknown) => toastError(err, '登录失败，请返回重试'));
    },
  },
  methods: {
    show(p: MyProfile) {
      this.setData({ ready: true, userId: p.userId, avatarUrl: displayUrl(p.avatarFileId), nickname: p.nickname });
    },

    /** <button open-type="chooseAvatar">: WeChat hands over a temp file of the chosen picture. */
    async onChooseAvatar(e: DetailEvent<{ avatarUrl: string }>) {
      const tempPath = e.detail.avatarUrl;
      if (!tempPath || this.data.uploading || !this.data.userId) return;
      this.setData({ uploading: true });
      try {
        const fileId = await uploadFile(`avatars/${this.data.userId}/${Date.now()}.png`, tempPath);
        const profile = await userApi('updateProfile', { avatarFileId: fileId });
        updateProfile(profile);
        this.setData({ avatarUrl: displayUrl(profile.avatarFileId) });
        wx.showToast({ title: '头像已更新', icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ uploading: false });
      }
    },

    onNicknameChange(e: DetailEvent<{ value: string }>) {
      this.setData({ nickname: e.detail.value });
    },

    async onSave() {
      const nickname = this.data.nickname.trim();
      if (this.data.saving) return;
      if (!nickname) {
        wx.showToast({ title: '请输入昵称', icon: 'none' });
        return;
      }
      this.setData({ saving: true });
      try {
        const profile = await userApi('updateProfile', { nickname });
        updateProfile(profile);
        this.setData({ nickname: profile.nickname });
        wx.showToast({ title: '已保存', icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ saving: false });
      }
    },

    async onDeleteAccount() {
      if (this.data.deleting) return;
      const { confirm } = await wx.showModal({
        title: '注销账号',
        content: '注销后，你的昵称、头像、姓名、手机号和登记信息将被清除且无法恢复，积分也将作废。确定注销吗？',
        confirmText: '确认注销',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      this.setData({ deleting: true });
      try {
        await userApi('deleteAccount', { confirm: true });
        clearSession();
        wx.showToast({ title: '账号已注销', icon: 'success' });
        wx.reLaunch({ url: ROUTES.home });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ deleting: false });
      }
    },
  },
});
