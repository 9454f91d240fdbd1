// The quote pool for admins: search, add/edit in a popup, delete, put a quote on
// a day of the calendar, and bulk import from an .xlsx/.csv (all rows or none:
// row errors are listed so the sheet can be fixed).
import type { ImportRowError, QuoteAdminView } from '../../../../../typings/study';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { safeFileName, uploadFile } from '../../../../services/files';
import { studyApi, studyOfficeApi } from '../../../../services/study';
import { errorMessage, toastError } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { beijingDay } from '../../utils/labels';
import { loadAdminOrgs, type OrgChoice } from '../../utils/owner-orgs';
import { checkQuoteForm, closedQuoteForm, editQuoteForm, newQuoteForm, toSaveQuote } from './form';

interface QuoteRow {
  id: string;
  text: string;
  source: string;
  sample: boolean;
  orgId: string;
  orgName: string;
  /** Days from today on that show this quote (cancellable). */
  upcomingDays: string[];
  pastCount: number;
  allDays: string[];
}

interface ImportResult {
  ok: boolean;
  summary: string;
  errors: ImportRowError[];
}

type FormTextField = 'text' | 'source';

const lists = listRegistry<QuoteAdminView, QuoteRow>();
/** Every org's name per page instance (a quote may belong to a sub-org). */
const orgNameMaps = new WeakMap<object, Map<string, string>>();

function toRow(q: QuoteAdminView, names: Map<string, string>, today: string): QuoteRow {
  const days = [...q.scheduledDays].sort();
  return {
    id: q.id,
    text: q.text,
    source: q.source,
    sample: q.sample,
    orgId: q.orgId,
    orgName: names.get(q.orgId) ?? '',
    upcomingDays: days.filter((d) => d >= today),
    pastCount: days.filter((d) => d < today).length,
    allDays: days,
  };
}

function withDays(row: QuoteRow, days: string[], today: string): QuoteRow {
  const all = [...new Set(days)].sort();
  return {
    ...row,
    allDays: all,
    upcomingDays: all.filter((d) => d >= today),
    pastCount: all.filter((d) => d < today).length,
  };
}

Component({
  data: {
    keyword: '',
    list: initialList<QuoteRow>(),
    today: beijingDay(),
    orgChoices: [] as OrgChoice[],
    orgLabels: [] as string[],
    /** The owner of new and imported quotes. */
    orgIndex: 0,
    form: closedQuoteForm(),
    saving: false,
    formError: '',
    importing: false,
    importResult: null as ImportResult | null,
    /** The quote an action is running for. */
    acting: '',
  },
  lifetimes: {
    attached() {
      const orgs = ensureLogin()
        .then((p) => loadAdminOrgs(p))
        .then((o) => {
          orgNameMaps.set(this, o.names);
          this.setData({ orgChoices: o.choices, orgLabels: o.choices.map((c) => c.label) });
        });
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await orgs.catch(() => undefined);
          const { keyword } = this.data;
          return studyApi('adminListQuotes', { page, pageSize, ...(keyword ? { keyword } : {}) });
        },
        toView: (q) => toRow(q, orgNameMaps.get(this) ?? new Map(), this.data.today),
      });
      lists.of(this).reload();
    },
  },
  methods: {
    ...lists.pageHandlers(),
    // --- finding quotes
    ...lists.searchHandlers(),
    onOwnerOrg(e: DetailEvent<{ value: string | number }>) {
      this.setData({ orgIndex: Number(e.detail.value) });
    },

    // --- add / edit
    onAdd() {
      if (!this.data.orgChoices.length) {
        wx.showToast({ title: '你还没有可管理的组织', icon: 'none' });
        return;
      }
      this.setData({ form: newQuoteForm(this.data.orgChoices[this.data.orgIndex]), formError: '' });
    },
    onEdit(e: TapEvent<{ index: number }>) {
      const row = this.data.list.items[e.currentTarget.dataset.index];
      if (row) this.setData({ form: editQuoteForm(row, row.orgName), formError: '' });
    },
    onFormText(e: DetailEvent<{ value: string }, { field: FormTextField }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
    onFormSample(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.sample': e.detail.value });
    },
    onFormOrg(e: DetailEvent<{ value: string | number }>) {
      const org = this.data.orgChoices[Number(e.detail.value)];
      if (org) this.setData({ 'form.orgId': org.id, 'form.orgName': org.name, formError: '' });
    },
    onFormVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.closeForm();
    },
    closeForm() {
      this.setData({ form: closedQuoteForm(), formError: '' });
    },
    async onSave() {
      if (this.data.saving) return;
      const form = this.data.form;
      const problem = checkQuoteForm(form);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      this.setData({ saving: true, formError: '' });
      try {
        await studyApi('saveQuote', toSaveQuote(form));
        this.closeForm();
        wx.showToast({ title: form.id ? '已保存' : '已添加', icon: 'success' });
        await lists.of(this).reload({ keepRows: true });
      } catch (err) {
        this.setData({ formError: errorMessage(err, '保存失败，请稍后再试') });
      } finally {
        this.setData({ saving: false });
      }
    },

    // --- delete
    async onDelete(e: TapEvent<{ index: number }>) {
      const row = this.data.list.items[e.currentTarget.dataset.index];
      if (!row || this.data.acting) return;
      const { confirm } = await wx.showModal({
        title: '删除金句',
        content: `确定删除「${row.text.slice(0, 30)}」吗？往日的打卡记录仍会保留，之后的排期会取消。`,
        confirmText: '删除',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      this.setData({ acting: row.id });
      try {
        await studyApi('deleteQuote', { id: row.id });
        wx.showToast({ title: '已删除', icon: 'success' });
        await lists.of(this).reload({ keepRows: true });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ acting: '' });
      }
    },

    // --- the calendar
    async onSchedule(e: DetailEvent<{ value: string }, { index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.list.items[index];
      const day = e.detail.value;
      if (!row || !day || this.data.acting) return;
      const other = this.data.list.items.find((r) => r.id !== row.id && r.allDays.includes(day));
      if (other) {
        const { confirm } = await wx.showModal({
          title: '替换排期',
          content: `${day} 已安排「${other.text.slice(0, 20)}」，确定换成这一句吗？`,
        });
        if (!confirm) return;
      }
      this.setData({ acting: row.id });
      try {
        await studyApi('scheduleQuote', { day, quoteId: row.id });
        const today = this.data.today;
        this.data.list.items.forEach((r, i) => {
          if (r.id === row.id) lists.of(this).replace(i, withDays(r, [...r.allDays, day], today));
          else if (r.allDays.includes(day))
            lists.of(this).replace(
              i,
              withDays(
                r,
                r.allDays.filter((d) => d !== day),
                today,
              ),
            );
        });
        wx.showToast({ title: `已安排在 ${day}`, icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ acting: '' });
      }
    },
    async onUnschedule(e: TapEvent<{ index: number; day: string }>) {
      const { index, day } = e.currentTarget.dataset;
      const row = this.data.list.items[index];
      if (!row || this.data.acting) return;
      const { confirm } = await wx.showModal({ title: '取消排期', content: `取消 ${day} 的这条金句安排吗？` });
      if (!confirm) return;
      this.setData({ acting: row.id });
      try {
        await studyApi('scheduleQuote', { day, quoteId: null });
        lists.of(this).replace(
          index,
          withDays(
            row,
            row.allDays.filter((d) => d !== day),
            this.data.today,
          ),
        );
        wx.showToast({ title: '已取消', icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ acting: '' });
      }
    },

    // --- bulk import
    async onImport() {
      if (this.data.importing) return;
      const org = this.data.orgChoices[this.data.orgIndex];
      if (!org) {
        wx.showToast({ title: '你还没有可管理的组织', icon: 'none' });
        return;
      }
      let file: { path: string; name: string } | undefined;
      try {
        const picked = await wx.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
        file = picked.tempFiles[0];
      } catch {
        return; // cancelled
      }
      if (!file) return;
      if (!/\.(xlsx|csv)$/i.test(file.name)) {
        wx.showToast({ title: '请选择 .xlsx 或 .csv 文件', icon: 'none' });
        return;
      }
      this.setData({ importing: true, importResult: null });
      wx.showLoading({ title: '正在导入…', mask: true });
      let result: ImportResult | null = null;
      try {
        const fileId = await uploadFile(`imports/${Date.now()}-${safeFileName(file.name)}`, file.path);
        const res = await studyOfficeApi('importQuotes', { fileId, orgId: org.id });
        if ('errors' in res) {
          result = { ok: false, summary: `没有导入：${res.errors.length} 行需要修改后重新导入`, errors: res.errors };
        } else {
          const scheduled = res.scheduled ? `，其中 ${res.scheduled} 条已排期` : '';
          result = { ok: true, summary: `已导入 ${res.imported} 条金句${scheduled}`, errors: [] };
        }
      } catch (err) {
        result = { ok: false, summary: errorMessage(err, '导入失败，请稍后再试'), errors: [] };
      } finally {
        wx.hideLoading();
        this.setData({ importing: false, importResult: result });
      }
      if (result?.ok) {
        wx.showToast({ title: '导入成功', icon: 'success' });
        await lists.of(this).reload({ keepRows: true });
      }
    },
    onCloseImportResult() {
      this.setData({ importResult: null });
    },
  },
});
