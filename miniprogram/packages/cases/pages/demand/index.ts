// 我要反映: a registered worker's demand (诉求) — category, a title, what happened
// and what is asked, optional photos, and whether the answer may go on the public
// 实事共办 board (without any personal data). It goes to the worker's registered
// org; submitting asks for the answered notice and opens the case.
import type { DemandCategory } from '../../../../../typings/cases';
import type { ChipsChange } from '../../../../components/choice-chips/index';
import type { PhotosChange, PickedPhoto } from '../../../../components/photo-picker/index';
import { ROUTES } from '../../../../config/routes';
import { errorMessage } from '../../../../utils/errors';
import { currentProfile, ensureLogin } from '../../../../utils/session';
import { categoryOptions, DEMAND_CATEGORY_HINTS } from '../../utils/labels';
import { answerPromise, caseOptions } from '../../utils/options';
import { openSubmitted, photoFolder, raiserTemplateIds, submitWithNotice } from '../../utils/submit';

type Status = 'loading' | 'ready' | 'unregistered' | 'error';

export const TITLE_MIN = 4;
export const TITLE_MAX = 40;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 1000;

interface DemandForm {
  category: DemandCategory | '';
  title: string;
  description: string;
  photos: PickedPhoto[];
  publicOptIn: boolean;
}

/** The first obvious problem, or null (the server checks everything again, and runs the content check). */
function problemOf(f: DemandForm): string | null {
  if (!f.category) return '请选择诉求类别';
  const title = f.title.trim().length;
  if (title < TITLE_MIN || title > TITLE_MAX) return `请用 ${TITLE_MIN}–${TITLE_MAX} 个字概括诉求`;
  if (f.description.trim().length < DESCRIPTION_MIN) return `请说明遇到的情况和诉求（至少 ${DESCRIPTION_MIN} 个字）`;
  return null;
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    orgName: '',
    photoFolder: '',
    maxPhotos: 9,
    categories: categoryOptions('demand'),
    categoryHint: '',
    form: { category: '', title: '', description: '', photos: [], publicOptIn: false } as DemandForm,
    titleMax: TITLE_MAX,
    descriptionMax: DESCRIPTION_MAX,
    uploading: false,
    submitting: false,
    formError: '',
    templateIds: [] as string[],
  },
  lifetimes: {
    attached() {
      this.start();
      raiserTemplateIds().then((templateIds) => this.setData({ templateIds }));
    },
  },
  pageLifetimes: {
    show() {
      // Back from 去登记.
      if (this.data.status === 'unregistered' && currentProfile()?.registered) this.start();
    },
  },
  methods: {
    async start() {
      this.setData({ status: 'loading', error: '' });
      try {
        const profile = await ensureLogin();
        if (!profile.worker) {
          this.setData({ status: 'unregistered' });
          return;
        }
        this.setData({ status: 'ready', orgName: profile.worker.orgName, photoFolder: photoFolder(profile.userId) });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请检查网络后重试') });
      }
    },
    onRegister() {
      wx.navigateTo({ url: ROUTES.register });
    },
    async onCategory(e: DetailEvent<ChipsChange>) {
      if (!('value' in e.detail)) return;
      const category = e.detail.value as DemandCategory;
      this.setData({ 'form.category': category, formError: '', categoryHint: DEMAND_CATEGORY_HINTS[category] });
      try {
        const promise = answerPromise(await caseOptions(), 'demand', category);
        if (this.data.form.category === category && promise)
          this.setData({ categoryHint: `${DEMAND_CATEGORY_HINTS[category]} · ${promise}` });
      } catch {
        // The hint alone is enough.
      }
    },
    onText(e: DetailEvent<{ value: string }, { field: 'title' | 'description' }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
    onPhotos(e: DetailEvent<PhotosChange>) {
      const { photos, uploading, error } = e.detail;
      this.setData({ 'form.photos': photos, uploading, formError: error });
    },
    onPublic(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.publicOptIn': e.detail.value });
    },
    /** A tap anywhere on the row toggles, so the target is the row's height, not the switch's. */
    onPublicRow() {
      this.setData({ 'form.publicOptIn': !this.data.form.publicOptIn });
    },
    /** The switch handles its own taps (bind:change); they must not reach the row too. */
    onSwitchTap() {},

    onSubmit() {
      if (this.data.submitting || this.data.uploading) return;
      const f = this.data.form;
      const problem = problemOf(f);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      this.setData({ submitting: true, formError: '' });
      // Synchronously within the tap: WeChat asks for the answered notice only from one.
      return submitWithNotice(
        {
          kind: 'demand',
          category: f.category as DemandCategory,
          title: f.title.trim(),
          description: f.description.trim(),
          photos: f.photos.map((p) => p.fileId),
          publicOptIn: f.publicOptIn,
        },
        this.data.templateIds,
      )
        .then((c) => {
          wx.showToast({ title: '已提交', icon: 'success' });
          openSubmitted(c);
        })
        .catch((err: unknown) => this.setData({ formError: errorMessage(err, '提交失败，请稍后再试') }))
        .finally(() => this.setData({ submitting: false }));
    },
  },
});
