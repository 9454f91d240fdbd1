// 防刷票: the fraud report on demand (bursts, new-voter clusters, shared IPs), whose
// voters can be copied into the 作废投票 form; voiding by voters or by a time range,
// always with a reason and after a confirm that states the consequence. The page
// is told when votes were voided (候选人 shows counts).
import { errorMessage } from '../../../../../../utils/errors';
import { campaignApi } from '../../../../services/campaign';
import { type FraudView, toFraudView } from './report';
import { emptyVoidForm, toVoidRequest, voidConsequence, type VoidForm } from './void-form';

type Status = 'idle' | 'loading' | 'ready' | 'error';
type TextField = 'voterIds' | 'reason';
type TimeField = 'from' | 'to';

const closedPicker = () => ({ visible: false, field: '' as TimeField | '', value: '', title: '' });

/** Per tab instance: "A001 张三" by candidate id, for the void's outcome. */
const candidateNames = new WeakMap<object, Map<string, string>>();
const namesOf = (tab: object) => candidateNames.get(tab) ?? new Map<string, string>();

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    campaignId: { type: String, value: '' },
  },
  data: {
    status: 'idle' as Status,
    error: '',
    report: null as FraudView | null,
    voidForm: emptyVoidForm(),
    voidError: '',
    voiding: false,
    voidResult: [] as string[],
    picker: closedPicker(),
  },
  lifetimes: {
    attached() {
      candidateNames.set(this, new Map());
    },
  },
  methods: {
    // --- what the page calls (ManageTab): the report is made on demand only
    open() {},
    invalidate() {},
    async refresh(): Promise<string | null> {
      await this.onReport();
      return null; // the tab shows its own error
    },
    async loadMore() {},

    async onReport() {
      this.setData({ status: 'loading', error: '' });
      try {
        const report = await campaignApi('fraudReport', { campaignId: this.data.campaignId });
        const names = namesOf(this);
        for (const b of report.bursts) names.set(b.candidateId, b.name);
        for (const c of report.newVoterClusters) names.set(c.candidateId, c.name);
        this.setData({ status: 'ready', report: toFraudView(report) });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '报告生成失败，请稍后再试') });
      }
    },
    /** Copies a finding's voters into the form (the organiser still gives a reason and confirms). */
    onUseVoters(e: TapEvent<{ ids: string }>) {
      this.setData({ 'voidForm.mode': 'voters', 'voidForm.voterIds': e.currentTarget.dataset.ids, voidError: '' });
    },

    // --- the 作废投票 form
    onVoidMode(e: TapEvent<{ value: VoidForm['mode'] }>) {
      this.setData({ 'voidForm.mode': e.currentTarget.dataset.value, voidError: '' });
    },
    onVoidText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      this.setData({ [`voidForm.${e.currentTarget.dataset.field}`]: e.detail.value, voidError: '' });
    },
    onOpenPicker(e: TapEvent<{ field: TimeField }>) {
      const field = e.currentTarget.dataset.field;
      const title = field === 'from' ? '开始时间' : '结束时间';
      this.setData({ picker: { visible: true, field, value: this.data.voidForm[field], title } });
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
        this.triggerEvent('voided'); // counts changed
        wx.showToast({ title: `已作废 ${res.voidedVotes} 票`, icon: 'success' });
      } catch (err) {
        this.setData({ voidError: errorMessage(err, '作废失败，请稍后再试') });
      } finally {
        this.setData({ voiding: false });
      }
    },
    /** "A001 张三：减少 3 票", naming candidates not seen yet. */
    async voidLines(byCandidate: { candidateId: string; votes: number }[]): Promise<string[]> {
      const names = namesOf(this);
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
  },
});
