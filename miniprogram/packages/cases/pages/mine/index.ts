// 我的诉求 / 随手拍: the raiser's own cases, newest first, each with its stage and
// its flags in words (已超过答复期限…) — so nobody has to phone to ask where it is.
// A row opens the case; back from it, the list reloads in place.
import type { CaseKind, CaseSummary } from '../../../../../typings/cases';
import type { ChipsChange } from '../../../../components/choice-chips/index';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ROUTES } from '../../../../config/routes';
import { ensureLogin } from '../../../../utils/session';
import { casesApi } from '../../services/cases';
import { KIND_LABELS } from '../../utils/labels';
import { type CaseListRow, toListRow } from '../../utils/views';

const lists = listRegistry<CaseSummary, CaseListRow>();

const KIND_CHIPS = [
  { value: '', label: '全部' },
  { value: 'demand', label: `我的${KIND_LABELS.demand}` },
  { value: 'report', label: `我的${KIND_LABELS.report}` },
];

Component({
  data: {
    kind: '' as CaseKind | '',
    kinds: KIND_CHIPS,
    list: initialList<CaseListRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { kind } = this.data;
          return casesApi('myCases', { page, pageSize, ...(kind ? { kind } : {}) });
        },
        toView: toListRow,
      });
    },
  },
  // Back from a case (confirmed, rated, reopened): show where it stands now.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    onLoad(query: { kind?: string }) {
      const kind = query.kind === 'demand' || query.kind === 'report' ? query.kind : '';
      this.setData({ kind });
      lists.of(this).reload();
    },
    onKind(e: DetailEvent<ChipsChange>) {
      if (!('value' in e.detail) || e.detail.value === this.data.kind) return;
      this.setData({ kind: e.detail.value as CaseKind | '' });
      lists.of(this).reload();
    },
    onOpen(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.caseDetail}?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
    },
    onReport() {
      wx.navigateTo({ url: ROUTES.caseReport });
    },
    onDemand() {
      wx.navigateTo({ url: ROUTES.caseDemand });
    },
  },
});
