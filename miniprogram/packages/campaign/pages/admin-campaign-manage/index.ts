// Running one selection, for its organisers, in four tabs:
//   推荐审核 — nominations by status; approve (it becomes a numbered candidate) or reject with a reason;
//   候选人   — per category: add or edit candidates, enter jury scores;
//   防刷票   — the fraud report, and voiding votes by voter or time range (with the consequence confirmed);
//   结果     — announce (confirmed) and export to Excel.
// Every action's answer comes from the server, which checks scope and state.
import type {
  CampaignForVoter,
  CandidateAdminView,
  NominationAdminView,
  NominationStatus,
} from '../../../../../typings/campaign';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { campaignApi, campaignOfficeApi } from '../../services/campaign';
import { displayUrl, uploadFile } from '../../../../services/files';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { NOMINATION_STATUS_LABELS, PHASE_LABELS, PHASE_THEMES } from '../../utils/labels';
import { errorMessage, toastError } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import {
  type CandidateAdminRow,
  type FraudView,
  juryScores,
  type NominationRow,
  toCandidateAdminRow,
  toFraudView,
  toNominationRow,
} from './rows';
import { emptyVoidForm, toVoidRequest, voidConsequence, type VoidForm } from './void-form';

type Status = 'loading' | 'ready' | 'error';
type Tab = 'nominations' | 'candidates' | 'fraud' | 'results';
type CandidateTextField = 'name' | 'platform' | 'deeds';
type VoidTextField = 'voterIds' | 'reason';

interface CampaignHead {
  title: string;
  phase: CampaignForVoter['phase'];
  phaseLabel: string;
  phaseTheme: TagTheme;
  announced: boolean;
  categories: { key: string; name: string }[];
}

interface CandidateForm {
  visible: boolean;
  /** Empty when adding. */
  id: string;
  category: string;
  name: string;
  platform: string;
  deeds: string;
  photos: { fileId: string; url: string }[];
}

interface ResultRow {
  candidateId: string;
  rank: number;
  number: string;
  name: string;
  winner: boolean;
  finalScore: string;
  votes: number;
  jury: string;
}

const closedCandidateForm = (): CandidateForm => ({
  visible: false,
  id: '',
  category: '',
  name: '',
  platform: '',
  deeds: '',
  photos: [],
});
const closedPicker = () => ({ visible: false, field: '' as 'from' | 'to' | '', value: '', title: '' });

const nominationLists = listRegistry<NominationAdminView, NominationRow>();
const candidateLists = listRegistry<CandidateAdminView, CandidateAdminRow>();
/** Per page instance: names by candidate id, tabs loaded. */
const candidateNames = new WeakMap<object, Map<string, string>>();
const loadedTabs = new WeakMap<object, Set<Tab>>();
const campaigns = new WeakMap<object, CampaignForVoter>();

Component({
  data: {
    campaignId: '',
    status: 'loading' as Status,
    error: '',
    campaign: null as CampaignHead | null,
    tab: 'nominations' as Tab,
    // 推荐审核
    nominationStatus: 'pending' as NominationStatus | '',
    nominationFilters: [
      ...(['pending', 'approved', 'rejected'] as NominationStatus[]).map((value) => ({
        value,
        label: NOMINATION_STATUS_LABELS[value],
      })),
      { value: '', label: '全部' },
    ],
    nominations: initialList<NominationRow>(),
    reviewing: '',
    // 候选人
    candidateCategory: '',
    candidates: initialList<CandidateAdminRow>(),
    savingScores: false,
    candidateForm: closedCandidateForm(),
    candidateFormError: '',
    savingCandidate: false,
    uploading: false,
    // 防刷票
    fraudStatus: 'idle' as 'idle' | Status,
    fraudError: '',
    fraud: null as FraudView | null,
    voidForm: emptyVoidForm(),
    voidError: '',
    voiding: false,
    voidResult: [] as string[],
    picker: closedPicker(),
    // 结果
    resultsStatus: 'idle' as 'idle' | Status,
    resultsError: '',
    results: [] as { key: string; name: string; rows: ResultRow[] }[],
    announcing: false,
    exporting: false,
    exportUrl: '',
  },
  lifetimes: {
    attached() {
      loadedTabs.set(this, new Set());
      candidateNames.set(this, new Map());
      nominationLists.create(this, {
        key: 'nominations',
        fetch: (page, pageSize) => {
          const status = this.data.nominationStatus;
          return campaignApi('listNominations', {
            campaignId: this.data.campaignId,
            page,
            pageSize,
            ...(status ? { status } : {}),
          });
        },
        toView: (n) => toNominationRow(n, campaigns.get(this) ?? { categories: [] }),
      });
      candidateLists.create(this, {
        key: 'candidates',
        pageSize: 50,
        fetch: async (page, pageSize) => {
          const { campaignId, candidateCategory: category } = this.data;
          // The organisers' list: counts even while hidden, and the jury scores entered so far.
          const res = await campaignApi('adminListCandidates', { campaignId, category, page, pageSize });
          for (const c of res.items) candidateNames.get(this)!.set(c.id, `${c.number} ${c.name}`);
          return res;
        },
        toView: (c) => toCandidateAdminRow(c),
      });
    },
  },
  methods: {
    onLoad(options: { id?: string; tab?: Tab }) {
      this.setData({ campaignId: options.id ?? '', tab: options.tab ?? 'nominations' });
      this.load();
    },

    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin();
        await this.loadCampaign();
        this.setData({ status: 'ready' });
        this.openTab(this.data.tab);
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后再试') });
      }
    },
    async loadCampaign() {
      const c = await campaignApi('getCampaign', { id: this.data.campaignId });
      campaigns.set(this, c);
      this.setData({
        campaign: {
          title: c.title,
          phase: c.phase,
          phaseLabel: PHASE_LABELS[c.phase],
          phaseTheme: PHASE_THEMES[c.phase],
          announced: c.announced,
          categories: c.categories.map((k) => ({ key: k.key, name: k.name })),
        },
        candidateCategory: this.data.candidateCategory || c.categories[0]?.key || '',
      });
    },
    onRetry() {
      this.load();
    },

    // --- tabs: each loads on first visit
    onTab(e: DetailEvent<{ value: Tab }>) {
      this.openTab(e.detail.value);
    },
    openTab(tab: Tab) {
      this.setData({ tab });
      const loaded = loadedTabs.get(this)!;
      if (loaded.has(tab)) return;
      loaded.add(tab);
      if (tab === 'nominations') nominationLists.of(this).reload();
      else if (tab === 'candidates') candidateLists.of(this).reload();
      else if (tab === 'results') this.loadResults();
    },
    async onPullDownRefresh() {
      const tab = this.data.tab;
      let error: string | undefined;
      if (tab === 'nominations') ({ error } = await nominationLists.of(this).reload({ keepRows: true }));
      else if (tab === 'candidates') ({ error } = await candidateLists.of(this).reload({ keepRows: true }));
      else if (tab === 'fraud') await this.onFraudReport();
      else await this.loadResults();
      wx.stopPullDownRefresh();
      if (error) wx.showToast({ title: error, icon: 'none' });
    },
    onReachBottom() {
      if (this.data.tab === 'nominations') return nominationLists.of(this).loadMore();
      if (this.data.tab === 'candidates') return candidateLists.of(this).loadMore();
      return undefined;
    },
    openEdit() {
      wx.navigateTo({ url: `${ROUTES.adminCampaignEdit}?id=${this.data.campaignId}` });
    },
    openPublic() {
      wx.navigateTo({ url: `${ROUTES.campaign}?id=${this.data.campaignId}` });
    },

    // --- 推荐审核
    onNominationFilter(e: TapEvent<{ value: NominationStatus | '' }>) {
      const value = e.currentTarget.dataset.value;
      if (value === this.data.nominationStatus) return;
      this.setData({ nominationStatus: value });
      nominationLists.of(this).reload();
    },
    onNominationsRetry() {
      nominationLists.of(this).reload();
    },
    onNominationsMore() {
      nominationLists.of(this).loadMore();
    },
    previewNominationPhoto(e: TapEvent<{ index: number; photo: number }>) {
      const row = this.data.nominations.items[e.currentTarget.dataset.index];
      if (row) wx.previewImage({ urls: row.photos, current: row.photos[e.currentTarget.dataset.photo] });
    },
    async review(index: number, approve: boolean, reason?: string) {
      const row = this.data.nominations.items[index];
      if (!row || this.data.reviewing) return;
      this.setData({ reviewing: row.id });
      try {
        const view = await campaignApi('reviewNomination', { id: row.id, approve, ...(reason ? { reason } : {}) });
        nominationLists.of(this).replace(index, toNominationRow(view, campaigns.get(this)!));
        if (approve) loadedTabs.get(this)!.delete('candidates'); // a new candidate: reload that tab on its next visit
        wx.showToast({ title: approve ? '已通过，已成为候选人' : '已驳回', icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ reviewing: '' });
      }
    },
    onApprove(e: TapEvent<{ index: number }>) {
      this.review(e.currentTarget.dataset.index, true);
    },
    async onReject(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.nominations.items[index];
      if (!row || this.data.reviewing) return;
      const res = await wx.showModal({
        title: `驳回对「${row.nomineeName}」的推荐`,
        editable: true,
        placeholderText: '请填写驳回原因，推荐人可以看到',
        confirmText: '驳回',
      });
      if (!res.confirm) return;
      const reason = (res.content ?? '').trim();
      if (!reason) {
        wx.showToast({ title: '请填写驳回原因', icon: 'none' });
        return;
      }
      await this.review(index, false, reason);
    },

    // --- 候选人
    onCandidateCategory(e: TapEvent<{ value: string }>) {
      const value = e.currentTarget.dataset.value;
      if (value === this.data.candidateCategory) return;
      this.setData({ candidateCategory: value });
      candidateLists.of(this).reload();
    },
    onCandidatesRetry() {
      candidateLists.of(this).reload();
    },
    onCandidatesMore() {
      candidateLists.of(this).loadMore();
    },
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
    onAddCandidate() {
      this.setData({
        candidateForm: { ...closedCandidateForm(), visible: true, category: this.data.candidateCategory },
        candidateFormError: '',
      });
    },
    onEditCandidate(e: TapEvent<{ index: number }>) {
      const row = this.data.candidates.items[e.currentTarget.dataset.index];
      if (!row) return;
      this.setData({
        candidateForm: {
          visible: true,
          id: row.id,
          category: row.category,
          name: row.name,
          platform: row.platform,
          deeds: row.deeds,
          photos: row.photoIds.map((fileId) => ({ fileId, url: displayUrl(fileId) })),
        },
        candidateFormError: '',
      });
    },
    onCandidateText(e: DetailEvent<{ value: string }, { field: CandidateTextField }>) {
      this.setData({ [`candidateForm.${e.currentTarget.dataset.field}`]: e.detail.value, candidateFormError: '' });
    },
    onCandidateFormCategory(e: TapEvent<{ value: string }>) {
      this.setData({ 'candidateForm.category': e.currentTarget.dataset.value });
    },
    async onCandidatePhotos() {
      const room = 6 - this.data.candidateForm.photos.length;
      if (room <= 0 || this.data.uploading) return;
      let paths: string[];
      try {
        const res = await wx.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] });
        paths = res.tempFiles.map((f) => f.tempFilePath).slice(0, room);
      } catch {
        return;
      }
      this.setData({ uploading: true });
      try {
        const ts = Date.now();
        for (const [i, path] of paths.entries()) {
          const fileId = await uploadFile(`candidates/${this.data.campaignId}/${ts}-${i}.jpg`, path);
          const n = this.data.candidateForm.photos.length;
          this.setData({ [`candidateForm.photos[${n}]`]: { fileId, url: displayUrl(fileId) } });
        }
      } catch (err) {
        this.setData({ candidateFormError: errorMessage(err, '照片上传失败，请重试') });
      } finally {
        this.setData({ uploading: false });
      }
    },
    onRemoveCandidatePhoto(e: TapEvent<{ index: number }>) {
      const photos = this.data.candidateForm.photos.filter((_, i) => i !== e.currentTarget.dataset.index);
      this.setData({ 'candidateForm.photos': photos });
    },
    onCandidateFormVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.closeCandidateForm();
    },
    closeCandidateForm() {
      this.setData({ candidateForm: closedCandidateForm(), candidateFormError: '' });
    },
    async onSaveCandidate() {
      const f = this.data.candidateForm;
      if (this.data.savingCandidate || this.data.uploading) return;
      const problem =
        f.name.trim().length < 2
          ? '请填写姓名（至少 2 个字）'
          : !f.platform.trim()
            ? '请填写平台或单位'
            : f.deeds.trim().length < 20
              ? '事迹介绍至少 20 个字'
              : null;
      if (problem) {
        this.setData({ candidateFormError: problem });
        return;
      }
      this.setData({ savingCandidate: true, candidateFormError: '' });
      const fields = {
        name: f.name.trim(),
        platform: f.platform.trim(),
        deeds: f.deeds.trim(),
        photos: f.photos.map((p) => p.fileId),
      };
      try {
        const saved = f.id
          ? await campaignApi('updateCandidate', { id: f.id, ...fields })
          : await campaignApi('addCandidate', { campaignId: this.data.campaignId, category: f.category, ...fields });
        this.closeCandidateForm();
        wx.showToast({ title: f.id ? '已保存' : `已添加，编号 ${saved.number}`, icon: 'success' });
        if (saved.category !== this.data.candidateCategory) this.setData({ candidateCategory: saved.category });
        await candidateLists.of(this).reload({ keepRows: true });
      } catch (err) {
        this.setData({ candidateFormError: errorMessage(err, '保存失败，请稍后再试') });
      } finally {
        this.setData({ savingCandidate: false });
      }
    },

    // --- 防刷票
    async onFraudReport() {
      this.setData({ fraudStatus: 'loading', fraudError: '' });
      try {
        const report = await campaignApi('fraudReport', { campaignId: this.data.campaignId });
        const names = candidateNames.get(this)!;
        for (const b of report.bursts) names.set(b.candidateId, b.name);
        for (const c of report.newVoterClusters) names.set(c.candidateId, c.name);
        this.setData({ fraudStatus: 'ready', fraud: toFraudView(report) });
      } catch (err) {
        this.setData({ fraudStatus: 'error', fraudError: errorMessage(err, '报告生成失败，请稍后再试') });
      }
    },
    /** Copies a finding's voters into the 作废投票 form (the organiser still gives a reason and confirms). */
    onUseVoters(e: TapEvent<{ ids: string }>) {
      this.setData({ 'voidForm.mode': 'voters', 'voidForm.voterIds': e.currentTarget.dataset.ids, voidError: '' });
    },

    onVoidMode(e: TapEvent<{ value: VoidForm['mode'] }>) {
      this.setData({ 'voidForm.mode': e.currentTarget.dataset.value, voidError: '' });
    },
    onVoidText(e: DetailEvent<{ value: string }, { field: VoidTextField }>) {
      this.setData({ [`voidForm.${e.currentTarget.dataset.field}`]: e.detail.value, voidError: '' });
    },
    onOpenVoidPicker(e: TapEvent<{ field: 'from' | 'to' }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({
        picker: {
          visible: true,
          field,
          value: this.data.voidForm[field],
          title: field === 'from' ? '开始时间' : '结束时间',
        },
      });
    },
    onPickerConfirm(e: DetailEvent<{ value: string }>) {
      const field = this.data.picker.field;
      if (field) this.setData({ [`voidForm.${field}`]: e.detail.value, voidError: '' });
      this.setData({ picker: closedPicker() });
    },
    onPickerClose() {
      this.setData({ picker: closedPicker() });
    },
    async onVoid() {
      if (this.data.voiding) return;
      const form = this.data.voidForm;
      const parsed = toVoidRequest(this.data.campaignId, form);
      if ('problem' in parsed) {
        this.setData({ voidError: parsed.problem });
        return;
      }
      const { confirm } = await wx.showModal({
        title: '确认作废投票',
        content: voidConsequence(form),
        confirmText: '作废',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      this.setData({ voiding: true, voidError: '', voidResult: [] });
      try {
        const res = await campaignApi('voidVotes', parsed.request);
        const lines = await this.voidLines(res.byCandidate);
        this.setData({
          voidResult: [`已作废 ${res.voidedVotes} 票`, ...lines],
          voidForm: { ...emptyVoidForm(), mode: form.mode },
        });
        loadedTabs.get(this)!.delete('candidates'); // counts changed
        wx.showToast({ title: `已作废 ${res.voidedVotes} 票`, icon: 'success' });
      } catch (err) {
        this.setData({ voidError: errorMessage(err, '作废失败，请稍后再试') });
      } finally {
        this.setData({ voiding: false });
      }
    },
    /** "A001 张三：减少 3 票", naming candidates not seen yet. */
    async voidLines(byCandidate: { candidateId: string; votes: number }[]): Promise<string[]> {
      const names = candidateNames.get(this)!;
      await Promise.all(
        byCandidate
          .filter((b) => !names.has(b.candidateId))
          .map((b) =>
            campaignApi('getCandidate', { id: b.candidateId })
              .then((c) => names.set(c.id, `${c.number} ${c.name}`))
              .catch(() => undefined),
          ),
      );
      return byCandidate.map((b) => `${names.get(b.candidateId) ?? b.candidateId}：减少 ${b.votes} 票`);
    },

    // --- 结果
    async loadResults() {
      this.setData({ resultsStatus: 'loading', resultsError: '' });
      try {
        const res = await campaignApi('results', { campaignId: this.data.campaignId });
        this.setData({
          resultsStatus: 'ready',
          results: res.byCategory.map((k) => ({
            key: k.category,
            name: k.name,
            rows: k.entries.map((e) => ({
              candidateId: e.candidateId,
              rank: e.rank,
              number: e.number,
              name: e.name,
              winner: e.winner,
              finalScore: e.finalScore.toFixed(2),
              votes: e.votes,
              jury: e.juryScore === null ? '—' : String(e.juryScore),
            })),
          })),
        });
      } catch (err) {
        this.setData({ resultsStatus: 'error', resultsError: errorMessage(err, '加载失败，请稍后再试') });
      }
    },
    async onAnnounce() {
      const c = this.data.campaign;
      if (!c || c.announced || this.data.announcing) return;
      const { confirm } = await wx.showModal({
        title: '公布评选结果',
        content:
          '将按网络投票和评委评分计算综合得分并公布结果。公布后所有人都能看到结果，活动设置、候选人和评委评分都不能再修改。确定公布吗？',
        confirmText: '公布',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      this.setData({ announcing: true });
      try {
        const { winners } = await campaignApi('announce', { campaignId: this.data.campaignId });
        wx.showToast({ title: `已公布，共 ${winners} 人当选`, icon: 'success' });
        await this.loadCampaign();
        await this.loadResults();
      } catch (err) {
        // e.g. jury scores missing: the server names the first one.
        wx.showModal({ title: '暂不能公布', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ announcing: false });
      }
    },
    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true });
      try {
        const { url } = await campaignOfficeApi('exportCampaign', { campaignId: this.data.campaignId });
        this.setData({ exportUrl: url });
      } catch (err) {
        toastError(err, '导出失败，请稍后再试');
      } finally {
        this.setData({ exporting: false });
      }
    },
    onCopyExport() {
      wx.setClipboardData({ data: this.data.exportUrl });
    },
  },
});
