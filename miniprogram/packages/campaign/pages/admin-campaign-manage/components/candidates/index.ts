// 候选人: the candidates of one category, with their counts (organisers see them
// even while hidden) and the jury score typed beside each; adding and editing a
// candidate in a bottom sheet.
import type { CandidateAdminView } from '../../../../../../../typings/campaign';
import { initialList, listRegistry } from '../../../../../../components/list-state/paged-list';
import type { PhotosChange } from '../../../../../../components/photo-picker/index';
import { errorMessage, toastError } from '../../../../../../utils/errors';
import { campaignApi } from '../../../../services/campaign';
import { invalidateTab, openTab } from '../../tab-loading';
import {
  candidateFields,
  checkCandidateForm,
  closedCandidateForm,
  editCandidateForm,
  MAX_PHOTOS,
  newCandidateForm,
} from './form';
import { type CandidateAdminRow, juryScores, toCandidateAdminRow } from './rows';

type TextField = 'name' | 'platform' | 'deeds';

const lists = listRegistry<CandidateAdminView, CandidateAdminRow>();

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    campaignId: { type: String, value: '' },
    categories: { type: Array, value: [] as { key: string; name: string }[] },
    /** Announced: nothing can be edited any more. */
    announced: { type: Boolean, value: false },
  },
  data: {
    category: '',
    candidates: initialList<CandidateAdminRow>(),
    savingScores: false,
    form: closedCandidateForm(),
    formError: '',
    saving: false,
    uploading: false,
    maxPhotos: MAX_PHOTOS,
  },
  observers: {
    categories(categories: { key: string }[]) {
      if (!this.data.category && categories[0]) this.setData({ category: categories[0].key });
    },
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'candidates',
        pageSize: 50,
        // The organisers' list: counts even while hidden, and the jury scores entered so far.
        fetch: (page, pageSize) => {
          const { campaignId, category } = this.data;
          return campaignApi('adminListCandidates', { campaignId, category, page, pageSize });
        },
        toView: toCandidateAdminRow,
      });
    },
  },
  methods: {
    // --- what the page calls (ManageTab)
    open() {
      openTab(this, () => lists.of(this).reload());
    },
    invalidate() {
      invalidateTab(this);
    },
    async refresh(): Promise<string | null> {
      return (await lists.of(this).reload({ keepRows: true })).error ?? null;
    },
    loadMore() {
      return lists.of(this).loadMore();
    },

    onCategory(e: TapEvent<{ value: string }>) {
      const value = e.currentTarget.dataset.value;
      if (value === this.data.category) return;
      this.setData({ category: value });
      lists.of(this).reload();
    },
    onRetry() {
      lists.of(this).reload();
    },
    onMore() {
      lists.of(this).loadMore();
    },

    // --- jury scores
    onJury(e: DetailEvent<{ value: string }, { index: number }>) {
      this.setData({ [`candidates.items[${e.currentTarget.dataset.index}].jury`]: e.detail.value });
    },
    async onSaveScores() {
      if (this.data.savingScores) return;
      const parsed = juryScores(this.data.candidates.items);
      if ('problem' in parsed) {
        wx.showToast({ title: parsed.problem, icon: 'none', duration: 2500 });
        return;
      }
      this.setData({ savingScores: true });
      try {
        const { updated } = await campaignApi('setJuryScores', {
          campaignId: this.data.campaignId,
          scores: parsed.scores,
        });
        wx.showToast({ title: `已保存 ${updated} 人的评分`, icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ savingScores: false });
      }
    },

    // --- the add / edit sheet
    onAdd() {
      this.setData({ form: newCandidateForm(this.data.category), formError: '' });
    },
    onEdit(e: TapEvent<{ index: number }>) {
      const row = this.data.candidates.items[e.currentTarget.dataset.index];
      if (row) this.setData({ form: editCandidateForm(row), formError: '' });
    },
    onText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
    onFormCategory(e: TapEvent<{ value: string }>) {
      this.setData({ 'form.category': e.currentTarget.dataset.value });
    },
    onPhotos(e: DetailEvent<PhotosChange>) {
      const { photos, uploading, error } = e.detail;
      this.setData({ 'form.photos': photos, uploading, formError: error });
    },
    onFormVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.closeForm();
    },
    closeForm() {
      this.setData({ form: closedCandidateForm(), formError: '' });
    },
    async onSave() {
      const f = this.data.form;
      if (this.data.saving || this.data.uploading) return;
      const problem = checkCandidateForm(f);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      this.setData({ saving: true, formError: '' });
      try {
        const fields = candidateFields(f);
        const saved = f.id
          ? await campaignApi('updateCandidate', { id: f.id, ...fields })
          : await campaignApi('addCandidate', { campaignId: this.data.campaignId, category: f.category, ...fields });
        this.closeForm();
        wx.showToast({ title: f.id ? '已保存' : `已添加，编号 ${saved.number}`, icon: 'success' });
        if (saved.category !== this.data.category) this.setData({ category: saved.category });
        await lists.of(this).reload({ keepRows: true });
      } catch (err) {
        this.setData({ formError: errorMessage(err, '保存失败，请稍后再试') });
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
