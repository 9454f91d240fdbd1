// Nominating someone (or oneself, or as the employer) during the nomination
// window: category, relation, who, platform, a phone only staff see, the deeds
// and up to 6 photos. On success the nomination waits for review in 我的推荐.
import { ROUTES } from '../../../../config/routes';
import { campaignApi } from '../../services/campaign';
import type { PhotosChange } from '../../../../components/photo-picker/index';
import { PHASE_LABELS, periodText, RELATION_LABELS, RELATIONS } from '../../utils/labels';
import { errorMessage } from '../../../../utils/errors';
import { currentProfile, ensureLogin } from '../../../../utils/session';
import {
  checkForm,
  DEEDS_MAX,
  emptyForm,
  MAX_PHOTOS,
  type NominationForm,
  photoFolder,
  prefillSelf,
  toRequest,
} from './form';

type Status = 'loading' | 'ready' | 'error';
type TextField = 'nomineeName' | 'platform' | 'phone' | 'deeds';

Component({
  data: {
    campaignId: '',
    status: 'loading' as Status,
    error: '',
    title: '',
    categories: [] as { key: string; name: string }[],
    relations: RELATIONS.map((value) => ({ value, label: RELATION_LABELS[value] })),
    /** Why nominating is not possible now ('' when it is). */
    closedReason: '',
    nominationLimit: 0,
    form: emptyForm(),
    deedsMax: DEEDS_MAX,
    maxPhotos: MAX_PHOTOS,
    /** The signed-in user's upload folder for nomination photos. */
    photoFolder: '',
    uploading: false,
    submitting: false,
    /** The last problem, client-side or from the server, shown above the button. */
    formError: '',
  },
  methods: {
    onLoad(options: { campaignId?: string }) {
      this.setData({ campaignId: options.campaignId ?? '' });
      this.load();
    },

    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        const [profile, c] = await Promise.all([
          ensureLogin(),
          campaignApi('getCampaign', { id: this.data.campaignId }),
        ]);
        const open = c.phase === 'nomination';
        this.setData({
          status: 'ready',
          photoFolder: photoFolder(profile.userId),
          title: c.title,
          categories: c.categories.map((k) => ({ key: k.key, name: k.name })),
          nominationLimit: c.nominationLimit,
          closedReason: open
            ? ''
            : `现在不在推荐时间内（${PHASE_LABELS[c.phase]}）。推荐时间：${periodText(c.phases.nominationStart, c.phases.nominationEnd)}`,
          'form.category': this.data.form.category || c.categories[0]?.key || '',
        });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后再试') });
      }
    },

    onText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
    onCategory(e: TapEvent<{ value: string }>) {
      this.setData({ 'form.category': e.currentTarget.dataset.value, formError: '' });
    },
    onRelation(e: TapEvent<{ value: NominationForm['relation'] }>) {
      const relation = e.currentTarget.dataset.value;
      const prefill = relation === 'self' ? prefillSelf(this.data.form, currentProfile()) : {};
      const patch: Record<string, unknown> = { 'form.relation': relation, formError: '' };
      for (const [k, v] of Object.entries(prefill)) patch[`form.${k}`] = v;
      this.setData(patch);
    },

    onPhotos(e: DetailEvent<PhotosChange>) {
      const { photos, uploading, error } = e.detail;
      this.setData({ 'form.photos': photos, uploading, formError: error });
    },

    async onSubmit() {
      if (this.data.submitting || this.data.uploading || this.data.closedReason) return;
      const problem = checkForm(this.data.form);
      if (problem) {
        this.showProblem(problem);
        return;
      }
      this.setData({ submitting: true, formError: '' });
      try {
        await campaignApi('nominate', toRequest(this.data.campaignId, this.data.form));
        wx.showToast({ title: '已提交，等待审核', icon: 'success' });
        wx.redirectTo({ url: `${ROUTES.myNominations}?campaignId=${this.data.campaignId}` });
      } catch (err) {
        // CONTENT_REJECTED, LIMIT_REACHED, CLOSED…: the server's message says what to do.
        this.showProblem(errorMessage(err, '提交失败，请稍后再试'));
      } finally {
        this.setData({ submitting: false });
      }
    },
    showProblem(message: string) {
      this.setData({ formError: message });
      wx.showToast({ title: message, icon: 'none', duration: 2500 });
    },
  },
});
