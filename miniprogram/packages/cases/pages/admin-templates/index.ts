// Reply templates: answers an org's organisers reuse on the workbench (答复 →
// 答复模板), for every category or one. Per org of the organiser's scope; 新建 and
// 编辑 in a sheet. Every text is content-checked by the server before it is saved.
import type { CaseCategory, ReplyTemplate } from '../../../../../typings/cases';
import type { ChipsChange } from '../../../../components/choice-chips/index';
import { endPullDown } from '../../../../components/list-state/reload';
import type { OrgChoice } from '../../../../services/user';
import { errorMessage } from '../../../../utils/errors';
import { formatDate } from '../../../../utils/format';
import { casesApi } from '../../services/cases';
import { categoryOptions } from '../../utils/labels';
import { type Access, organiserAccess, orgsInScope } from '../../utils/organiser';

type Status = 'loading' | 'ready' | 'empty' | 'error';

/** Every category once ('other' is both kinds'), for a template's 适用类别. */
const CATEGORIES = [
  { value: '', label: '全部类别' },
  ...[...categoryOptions('demand'), ...categoryOptions('report')].filter(
    (c, i, all) => all.findIndex((x) => x.value === c.value) === i,
  ),
];

const CATEGORY_NAMES = new Map<string, string>(CATEGORIES.map((c) => [c.value, c.label]));
const categoryName = (c: CaseCategory | null) => CATEGORY_NAMES.get(c ?? '') ?? '';

interface TemplateRow {
  id: string;
  title: string;
  text: string;
  category: CaseCategory | '';
  line: string;
}

const toRow = (t: ReplyTemplate): TemplateRow => ({
  id: t.id,
  title: t.title,
  text: t.text,
  category: t.category ?? '',
  line: `${categoryName(t.category)} · 更新于 ${formatDate(t.updatedAt)}`,
});

const closedForm = () => ({ visible: false, id: '', title: '', text: '', category: '' as CaseCategory | '' });

Component({
  data: {
    access: 'loading' as Access,
    orgs: [] as OrgChoice[],
    orgIndex: 0,
    status: 'loading' as Status,
    error: '',
    rows: [] as TemplateRow[],
    categories: CATEGORIES,
    form: closedForm(),
    saving: false,
    formError: '',
  },
  lifetimes: {
    attached() {
      this.start();
    },
  },
  methods: {
    async start() {
      this.setData({ status: 'loading', error: '' });
      const { access, profile } = await organiserAccess();
      this.setData({ access });
      if (access === 'denied') return;
      try {
        if (!profile) throw new Error('not signed in');
        this.setData({ orgs: await orgsInScope(profile) });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请检查网络后重试') });
        return;
      }
      await this.load();
    },
    orgId(): string {
      return this.data.orgs[this.data.orgIndex]?.id ?? '';
    },
    async load(quiet = false): Promise<string | null> {
      if (!this.data.orgs.length) return this.start().then(() => null);
      if (!quiet) this.setData({ status: 'loading', error: '' });
      try {
        const list = await casesApi('listReplyTemplates', { orgId: this.orgId() });
        this.setData({ status: list.length ? 'ready' : 'empty', rows: list.map(toRow) });
        return null;
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    onRetry() {
      this.load();
    },
    async onPullDownRefresh() {
      endPullDown(await this.load(true));
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      this.setData({ orgIndex: Number(e.detail.value) });
      this.load();
    },
    onAdd() {
      this.setData({ form: { ...closedForm(), visible: true }, formError: '' });
    },
    onEdit(e: TapEvent<{ index: number }>) {
      const row = this.data.rows[e.currentTarget.dataset.index];
      if (!row) return;
      this.setData({
        form: { visible: true, id: row.id, title: row.title, text: row.text, category: row.category },
        formError: '',
      });
    },
    onFormText(e: DetailEvent<{ value: string }, { field: 'title' | 'text' }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
    onFormCategory(e: DetailEvent<ChipsChange>) {
      if ('value' in e.detail) this.setData({ 'form.category': e.detail.value });
    },
    onFormVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.closeForm();
    },
    closeForm() {
      if (!this.data.saving) this.setData({ form: closedForm() });
    },
    async onSave() {
      const { form, saving } = this.data;
      if (saving) return;
      if (form.title.trim().length < 2) return this.setData({ formError: '请填写模板名称（至少 2 个字）' });
      if (form.text.trim().length < 4) return this.setData({ formError: '请填写答复内容（至少 4 个字）' });
      this.setData({ saving: true, formError: '' });
      try {
        await casesApi('saveReplyTemplate', {
          ...(form.id ? { id: form.id } : {}),
          orgId: this.orgId(),
          title: form.title.trim(),
          text: form.text.trim(),
          ...(form.category ? { category: form.category } : {}),
        });
        this.setData({ saving: false, form: closedForm() });
        wx.showToast({ title: '已保存', icon: 'success' });
        await this.load(true);
      } catch (err) {
        this.setData({ saving: false, formError: errorMessage(err, '保存失败，请稍后再试') });
      }
    },
  },
});
