// Creating or editing a selection: title, cover, rules, categories with their
// quotas (the four defaults to start), the five phase times, voting rules,
// result weights (adding up to 100), the nomination limit and the owner org —
// one of the admin's orgs. The server checks all of it again.
import type { CampaignForVoter } from '../../../../../typings/campaign';
import { ROUTES } from '../../../../config/routes';
import { campaignApi } from '../../services/campaign';
import { displayUrl, uploadFile } from '../../../../services/files';
import { listOrgRows } from '../../../../services/user';
import { errorMessage } from '../../../../utils/errors';
import { administers, ensureLogin, isAdmin } from '../../../../utils/session';
import {
  type CampaignForm,
  checkCampaignForm,
  formFromCampaign,
  newCategoryKey,
  newForm,
  PHASE_FIELDS,
  type PhaseKey,
  toSaveRequest,
  weightSum,
} from './form';

type Status = 'loading' | 'ready' | 'error' | 'denied';
type TextField =
  'title' | 'rules' | 'votesPerDay' | 'maxPerCandidatePerDay' | 'voteWeight' | 'juryWeight' | 'nominationLimit';
type SwitchField = 'requireRegistered' | 'showRankingDuringVoting';

interface OrgChoice {
  id: string;
  name: string;
}

const closedPicker = () => ({ visible: false, field: '' as PhaseKey | '', value: '', title: '' });

Component({
  data: {
    /** Empty when creating. */
    campaignId: '',
    status: 'loading' as Status,
    error: '',
    form: newForm(Date.now()),
    phaseFields: PHASE_FIELDS,
    orgChoices: [] as OrgChoice[],
    weightSum: 100 as number | null,
    picker: closedPicker(),
    uploadingCover: false,
    saving: false,
    formError: '',
  },
  methods: {
    onLoad(options: { id?: string }) {
      this.setData({ campaignId: options.id ?? '' });
      this.load();
    },

    async load() {
      const id = this.data.campaignId;
      this.setData({ status: 'loading', error: '' });
      try {
        const [profile, rows] = await Promise.all([ensureLogin(), listOrgRows()]);
        if (!isAdmin(profile)) {
          this.setData({ status: 'denied' });
          return;
        }
        const orgChoices = rows.filter((o) => administers(profile, o)).map((o) => ({ id: o.id, name: o.name }));
        let form: CampaignForm;
        if (id) {
          const c: CampaignForVoter = await campaignApi('getCampaign', { id });
          form = formFromCampaign(c, displayUrl(c.coverFileId));
          wx.setNavigationBarTitle({ title: '编辑评选' });
        } else {
          const first = profile.adminOrgIds.find((o) => orgChoices.some((c) => c.id === o)) ?? orgChoices[0]?.id ?? '';
          form = newForm(Date.now(), first);
          wx.setNavigationBarTitle({ title: '新建评选' });
        }
        this.setData({ status: 'ready', form, orgChoices, weightSum: weightSum(form), formError: '' });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后再试') });
      }
    },
    onRetry() {
      this.load();
    },

    onText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: e.detail.value, formError: '' });
      if (field === 'voteWeight' || field === 'juryWeight') this.setData({ weightSum: weightSum(this.data.form) });
    },
    onSwitch(e: DetailEvent<{ value: boolean }, { field: SwitchField }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },
    onOrg(e: TapEvent<{ id: string }>) {
      this.setData({ 'form.orgId': e.currentTarget.dataset.id, formError: '' });
    },

    // --- categories
    onCategoryText(e: DetailEvent<{ value: string }, { index: number; field: 'name' | 'quota' }>) {
      const { index, field } = e.currentTarget.dataset;
      this.setData({ [`form.categories[${index}].${field}`]: e.detail.value, formError: '' });
    },
    onAddCategory() {
      const n = this.data.form.categories.length;
      if (n >= 10) return;
      this.setData({ [`form.categories[${n}]`]: { key: newCategoryKey(Date.now(), n), name: '', quota: '5' } });
    },
    onRemoveCategory(e: TapEvent<{ index: number }>) {
      const categories = this.data.form.categories.filter((_, i) => i !== e.currentTarget.dataset.index);
      this.setData({ 'form.categories': categories, formError: '' });
    },

    // --- phase times
    onOpenPicker(e: TapEvent<{ field: PhaseKey; label: string }>) {
      const { field, label } = e.currentTarget.dataset;
      this.setData({ picker: { visible: true, field, value: this.data.form.phases[field], title: `${label}时间` } });
    },
    onPickerConfirm(e: DetailEvent<{ value: string }>) {
      const field = this.data.picker.field;
      if (field) this.setData({ [`form.phases.${field}`]: e.detail.value, formError: '' });
      this.setData({ picker: closedPicker() });
    },
    onPickerClose() {
      this.setData({ picker: closedPicker() });
    },

    // --- cover
    async onCover() {
      if (this.data.uploadingCover) return;
      let path = '';
      try {
        const res = await wx.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
        path = res.tempFiles[0]?.tempFilePath ?? '';
      } catch {
        return; // cancelled
      }
      if (!path) return;
      this.setData({ uploadingCover: true });
      try {
        const profile = await ensureLogin();
        const fileId = await uploadFile(`campaigns/covers/${profile.userId}-${Date.now()}.jpg`, path);
        this.setData({ 'form.coverFileId': fileId, 'form.coverUrl': displayUrl(fileId) });
      } catch (err) {
        this.setData({ formError: errorMessage(err, '封面上传失败，请重试') });
      } finally {
        this.setData({ uploadingCover: false });
      }
    },
    onRemoveCover() {
      this.setData({ 'form.coverFileId': '', 'form.coverUrl': '' });
    },

    async onSave() {
      if (this.data.saving) return;
      const problem = checkCampaignForm(this.data.form);
      if (problem) {
        this.showProblem(problem);
        return;
      }
      this.setData({ saving: true, formError: '' });
      try {
        const saved = await campaignApi('saveCampaign', toSaveRequest(this.data.form));
        wx.showToast({ title: this.data.form.id ? '已保存' : '已创建', icon: 'success' });
        if (this.data.form.id) {
          wx.navigateBack({ fail: () => wx.redirectTo({ url: ROUTES.adminCampaigns }) });
        } else {
          // A new campaign goes straight to its management page.
          wx.redirectTo({ url: `${ROUTES.adminCampaignManage}?id=${saved.id}` });
        }
      } catch (err) {
        this.showProblem(errorMessage(err, '保存失败，请稍后再试'));
      } finally {
        this.setData({ saving: false });
      }
    },
    showProblem(message: string) {
      this.setData({ formError: message });
      wx.showToast({ title: message, icon: 'none', duration: 2500 });
    },
  },
});
