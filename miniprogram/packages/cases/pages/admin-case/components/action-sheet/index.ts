// The bottom sheet of one organiser action on a case (受理, 转办, 退回, 进展, 答复,
// 延期, 驳回, 标记重复, 核实): its form, the choices it needs (orgs in scope, reply
// templates, earlier cases to be a duplicate of), and the call (./requests.ts).
// Success arrives as `done` { view, toast }; CONFLICT — the case moved since the
// page read it — as `conflict` { message }, for the page to reload; other
// refusals stay in the sheet.
import type { CaseAdminView, CaseRow, ReplyTemplate } from '../../../../../../../typings/cases';
import type { ChipsChange } from '../../../../../../components/choice-chips/index';
import type { OrgChoice } from '../../../../../../services/user';
import { errorCode, errorMessage } from '../../../../../../utils/errors';
import { formatDate } from '../../../../../../utils/format';
import { casesApi } from '../../../../services/cases';
import { STATE_LABELS } from '../../../../utils/labels';
import { askNotices } from '../../../../utils/options';
import { orgAndBelow } from '../../../../utils/organiser';
import { ACTION_TITLES, type ActionKey } from '../../actions';
import { type ActionForm, DONE, emptyForm, problemOf, send } from './requests';

interface Candidate {
  id: string;
  title: string;
  line: string;
}

const TAKES_ON: ActionKey[] = ['accept', 'transfer'];

const DAYS = Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 天` }));

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    /** The action shown ('' = closed). */
    action: { type: String, value: '' },
    view: { type: Object, value: null as CaseAdminView | null },
    /** The orgs the organiser administers (and below). */
    orgs: { type: Array, value: [] as OrgChoice[] },
    /** "首报 10 蜂力值，重复上报 1" */
    pointsHint: { type: String, value: '' },
    /** The organisers' notices (due soon, overdue, escalated), requested when they take a case on. */
    templateIds: { type: Array, value: [] as string[] },
  },
  data: {
    title: '',
    form: emptyForm(),
    orgOptions: [] as OrgChoice[],
    orgIndex: -1,
    templates: [] as { value: string; label: string; text: string }[],
    /** The chosen template's text, shown before sending. */
    templateText: '',
    keyword: '',
    candidates: [] as Candidate[],
    searching: false,
    days: DAYS,
    saving: false,
    error: '',
  },
  observers: {
    action(action: ActionKey | '') {
      if (action) this.open(action);
    },
  },
  methods: {
    caseView(): CaseAdminView {
      return this.data.view as CaseAdminView;
    },
    open(action: ActionKey) {
      const c = this.caseView();
      const orgs = this.data.orgs as OrgChoice[];
      const orgOptions =
        action === 'accept'
          ? orgAndBelow(orgs, c.orgId)
          : action === 'transfer'
            ? orgs.filter((o) => o.id !== c.orgId)
            : [];
      const orgIndex = action === 'accept' ? orgOptions.findIndex((o) => o.id === c.orgId) : -1;
      this.setData({
        title: ACTION_TITLES[action],
        form: { ...emptyForm(), urgent: c.urgent, orgId: orgOptions[orgIndex]?.id ?? '' },
        orgOptions,
        orgIndex,
        templates: [],
        templateText: '',
        keyword: '',
        candidates: [],
        error: '',
      });
      if (action === 'answer') this.loadTemplates();
      if (action === 'duplicate') this.search();
    },
    /** Templates of the case's org and of the orgs above it that the organiser administers. */
    async loadTemplates() {
      const c = this.caseView();
      const orgs = this.data.orgs as OrgChoice[];
      const mine = new Set(orgs.map((o) => o.id));
      const owner = orgs.find((o) => o.id === c.orgId);
      const ids = [c.orgId, ...(owner?.ancestors ?? [])].filter((id) => mine.has(id));
      try {
        const lists = await Promise.all(
          ids.map((orgId) => casesApi('listReplyTemplates', { orgId, category: c.category })),
        );
        const templates = lists.flat().map((t: ReplyTemplate) => ({ value: t.id, label: t.title, text: t.text }));
        this.setData({ templates });
      } catch {
        // Typing the answer still works.
      }
    },
    /** Earlier cases of the same kind, in the organiser's scope, to be the original. */
    async search() {
      const c = this.caseView();
      const keyword = this.data.keyword.trim();
      this.setData({ searching: true });
      try {
        const res = await casesApi('listCases', { kind: c.kind, pageSize: 20, ...(keyword ? { keyword } : {}) });
        const candidates = res.items
          .filter((r: CaseRow) => r.id !== c.id && r.submittedAt <= c.submittedAt && r.state !== 'rejected')
          .map((r: CaseRow) => ({
            id: r.id,
            title: r.title,
            line: `${r.categoryLabel} · ${STATE_LABELS[r.state]} · ${formatDate(r.submittedAt)}`,
          }));
        this.setData({ candidates });
      } catch (err) {
        this.setData({ error: errorMessage(err, '加载失败，请稍后再试') });
      } finally {
        this.setData({ searching: false });
      }
    },
    onKeyword(e: DetailEvent<{ value: string }>) {
      this.setData({ keyword: e.detail.value });
    },
    onSearch() {
      this.search();
    },
    onPickOriginal(e: TapEvent<{ id: string }>) {
      this.setData({ 'form.originalId': e.currentTarget.dataset.id, error: '' });
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      const orgIndex = Number(e.detail.value);
      const org = (this.data.orgOptions as OrgChoice[])[orgIndex];
      this.setData({ orgIndex, 'form.orgId': org?.id ?? '', error: '' });
    },
    onUrgent(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.urgent': e.detail.value });
    },
    onText(e: DetailEvent<{ value: string }>) {
      this.setData({ 'form.text': e.detail.value, error: '' });
    },
    onTemplate(e: DetailEvent<ChipsChange>) {
      if (!('value' in e.detail)) return;
      const templateId = e.detail.value === this.data.form.templateId ? '' : e.detail.value;
      const templateText = this.data.templates.find((t) => t.value === templateId)?.text ?? '';
      this.setData({ 'form.templateId': templateId, templateText, error: '' });
    },
    onDays(e: DetailEvent<ChipsChange>) {
      if ('value' in e.detail) this.setData({ 'form.workingDays': Number(e.detail.value) });
    },
    onVerdict(e: TapEvent<{ value: ActionForm['verdict'] }>) {
      this.setData({ 'form.verdict': e.currentTarget.dataset.value, error: '' });
    },
    onVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.onCancel();
    },
    onCancel() {
      if (!this.data.saving) this.triggerEvent('close');
    },
    async onSave() {
      const action = this.data.action as ActionKey;
      if (this.data.saving || !action) return;
      const problem = problemOf(action, this.data.form);
      if (problem) {
        this.setData({ error: problem });
        return;
      }
      // Taking a case on (受理, 转办) asks for the reminders before its due date — synchronously
      // within the tap, as WeChat requires.
      const asking = TAKES_ON.includes(action) ? askNotices(this.data.templateIds as string[]) : Promise.resolve([]);
      this.setData({ saving: true, error: '' });
      try {
        const view = await send(action, this.caseView(), this.data.form);
        const grants = await asking;
        if (grants.length) await casesApi('subscribeCaseNotices', { grants }).catch(() => undefined);
        this.triggerEvent('done', { view, toast: DONE[action] });
      } catch (err) {
        if (errorCode(err) === 'CONFLICT') this.triggerEvent('conflict', { message: errorMessage(err) });
        else this.setData({ error: errorMessage(err, '操作失败，请稍后再试') });
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
