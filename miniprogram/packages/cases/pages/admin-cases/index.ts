// The organisers' workbench: demands and 随手拍 of their org sub-trees (the server
// scopes the queue), the most urgent first, filtered by state, flag (红 no first
// response in 24 h, 黄 no update in 3 days, 逾期 past due), kind, category, org and
// keyword; every row shows its flags. A row opens the case; back from it, the
// queue reloads in place.
import type { CaseCategory, CaseFlag, CaseKind, CaseRow, CaseState } from '../../../../../typings/cases';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ROUTES } from '../../../../config/routes';
import type { OrgChoice } from '../../../../services/user';
import { casesApi } from '../../services/cases';
import {
  CASE_FLAGS,
  CASE_KINDS,
  CASE_STATES,
  categoryOptions,
  FLAG_FILTER_LABELS,
  KIND_LABELS,
  STATE_LABELS,
} from '../../utils/labels';
import { type Access, organiserAccess, orgsInScope } from '../../utils/organiser';
import { type CaseListRow, toListRow } from '../../utils/views';

const lists = listRegistry<CaseRow, CaseListRow>();

/** The state filter's first choice: every case still waiting for its answer. */
const OPEN = 'open';

interface Choice<T extends string> {
  value: T | '';
  label: string;
}

const all = <T extends string>(label: string, values: T[], labels: Record<T, string>): Choice<T>[] => [
  { value: '', label },
  ...values.map((value) => ({ value, label: labels[value] })),
];

Component({
  data: {
    access: 'loading' as Access,
    keyword: '',
    flags: all('全部预警', CASE_FLAGS, FLAG_FILTER_LABELS),
    flag: '' as CaseFlag | '',
    kinds: all('全部类型', CASE_KINDS, KIND_LABELS),
    kind: '' as CaseKind | '',
    // First (and the default): what still waits for an answer — the organiser's work.
    states: [{ value: OPEN, label: '待答复' }, ...all('全部状态', CASE_STATES, STATE_LABELS)] as Choice<
      CaseState | typeof OPEN
    >[],
    stateIndex: 0,
    categories: [{ value: '', label: '全部类别' }] as Choice<CaseCategory>[],
    categoryIndex: 0,
    /** label: indented in the picker; name: on the chip. */
    orgs: [{ value: '', label: '全部范围', name: '全部范围' }] as (Choice<string> & { name: string })[],
    orgIndex: 0,
    list: initialList<CaseListRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: (page, pageSize) => casesApi('listCases', { page, pageSize, ...this.filter() }),
        toView: toListRow,
      });
      this.start();
    },
  },
  // Back from a case: show where it stands now.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    async start() {
      const { access, profile } = await organiserAccess();
      this.setData({ access });
      if (access === 'denied') return;
      lists.of(this).reload();
      if (profile) {
        const orgs = await orgsInScope(profile).catch(() => [] as OrgChoice[]);
        this.setData({
          orgs: [
            { value: '', label: '全部范围', name: '全部范围' },
            ...orgs.map((o) => ({ value: o.id, label: o.label, name: o.name })),
          ],
        });
      }
    },
    filter() {
      const { keyword, flag, kind, states, stateIndex, categories, categoryIndex, orgs, orgIndex } = this.data;
      const state = states[stateIndex]?.value;
      const category = categories[categoryIndex]?.value;
      const orgId = orgs[orgIndex]?.value;
      return {
        ...(keyword ? { keyword } : {}),
        ...(flag ? { flag } : {}),
        ...(kind ? { kind } : {}),
        ...(state === OPEN ? { open: true } : state ? { state: state as CaseState } : {}),
        ...(kind && category ? { category: category as CaseCategory } : {}),
        ...(orgId ? { orgId } : {}),
      };
    },
    onFlag(e: TapEvent<{ value: CaseFlag | '' }>) {
      this.setData({ flag: e.currentTarget.dataset.value });
      lists.of(this).reload();
    },
    onKind(e: TapEvent<{ value: CaseKind | '' }>) {
      const kind = e.currentTarget.dataset.value;
      this.setData({
        kind,
        categoryIndex: 0,
        categories: [{ value: '', label: '全部类别' }, ...(kind ? categoryOptions(kind) : [])],
      });
      lists.of(this).reload();
    },
    onPick(e: DetailEvent<{ value: string | number }, { field: 'stateIndex' | 'categoryIndex' | 'orgIndex' }>) {
      this.setData({ [e.currentTarget.dataset.field]: Number(e.detail.value) });
      lists.of(this).reload();
    },
    onOpen(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.adminCase}?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
    },
    onTemplates() {
      wx.navigateTo({ url: ROUTES.adminCaseTemplates });
    },
    onStats() {
      wx.navigateTo({ url: ROUTES.adminCaseStats });
    },
  },
});
