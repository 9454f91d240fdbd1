import type { OrgNode } from '../../../../../typings/org';
import { OCCUPATION_LABELS, OCCUPATIONS } from '../../../../config/labels';
import { PRIVACY_NOTICE_VERSION } from '../../../../config/privacy';
import { ROUTES } from '../../../../config/routes';
import { userApi } from '../../../../services/user';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin, updateProfile } from '../../../../utils/session';
import { checkForm, emptyForm, formFromProfile, toRequest, type WorkerForm } from './form';

type TextField = 'realName' | 'phone' | 'platform' | 'branchName';

Component({
  data: {
    ready: false,
    loadError: '',
    editing: false,
    form: emptyForm(),
    occupations: OCCUPATIONS.map((value) => ({ value, label: OCCUPATION_LABELS[value] })),
    orgs: [] as OrgNode[],
    orgPickerVisible: false,
    consent: false,
    submitting: false,
    /** The last problem, client-side or from the server, shown above the button. */
    error: '',
  },
  lifetimes: {
    attached() {
      this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loadError: '' });
      try {
        const [profile, orgs] = await Promise.all([ensureLogin(), userApi('listOrgs', {})]);
        this.setData({
          ready: true,
          editing: profile.registered,
          form: formFromProfile(profile),
          // Consent given to the notice in force carries over when editing.
          consent: profile.worker?.consentVersion === PRIVACY_NOTICE_VERSION,
          orgs,
        });
      } catch (err) {
        this.setData({ loadError: errorMessage(err, '加载失败，请稍后重试') });
      }
    },

    onText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, error: '' });
    },
    onOccupation(e: TapEvent<{ value: WorkerForm['occupation'] }>) {
      this.setData({ 'form.occupation': e.currentTarget.dataset.value, error: '' });
    },
    onPartyMember(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.isPartyMember': e.detail.value, error: '' });
    },
    /** A tap anywhere on the row toggles, so the target is the row's height, not the switch's. */
    onPartyMemberRow() {
      this.setData({ 'form.isPartyMember': !this.data.form.isPartyMember, error: '' });
    },
    /** The switch handles its own taps (bind:change); they must not reach the row too. */
    onSwitchTap() {},
    openOrgPicker() {
      this.setData({ orgPickerVisible: true });
    },
    closeOrgPicker() {
      this.setData({ orgPickerVisible: false });
    },
    onOrgSelect(e: DetailEvent<{ id: string; name: string }>) {
      this.setData({ 'form.orgId': e.detail.id, 'form.orgName': e.detail.name, error: '' });
    },
    onConsent(e: DetailEvent<{ checked: boolean }>) {
      this.setData({ consent: e.detail.checked });
    },
    openPrivacy() {
      wx.navigateTo({ url: ROUTES.privacy });
    },

    async onSubmit() {
      if (!this.data.consent || this.data.submitting) return;
      const problem = checkForm(this.data.form);
      if (problem) {
        this.showProblem(problem);
        return;
      }
      this.setData({ submitting: true, error: '' });
      try {
        const profile = await userApi('registerWorker', toRequest(this.data.form));
        updateProfile(profile);
        wx.showToast({ title: this.data.editing ? '已保存' : '登记成功', icon: 'success' });
        wx.navigateBack({ fail: () => wx.switchTab({ url: ROUTES.me }) });
      } catch (err) {
        this.showProblem(errorMessage(err, '提交失败，请稍后再试'));
      } finally {
        this.setData({ submitting: false });
      }
    },
    showProblem(message: string) {
      this.setData({ error: message });
      wx.showToast({ title: message, icon: 'none', duration: 2500 });
    },
  },
});
