// 实事共办: the public board of answered cases whose raisers opted in — by kind and
// category, each with the org's answer. Nothing personal: the server sends no
// name, phone, openid or photo, and masks numbers and the raiser's name in text.
// Anyone may open it, signed in or not.
import type { BoardCase, CaseCategory, CaseKind } from '../../../../../typings/cases';
import type { ChipsChange } from '../../../../components/choice-chips/index';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ROUTES } from '../../../../config/routes';
import { formatDate } from '../../../../utils/format';
import { casesApi } from '../../services/cases';
import { categoryOptions, KIND_LABELS, RATING_LABELS } from '../../utils/labels';

interface BoardRow {
  id: string;
  title: string;
  /** "随手拍 · 道路设施" */
  kindLine: string;
  summary: string;
  address: string;
  answer: string;
  /** "城东街道党工委 · 2026-11-12 答复" */
  answerLine: string;
  /** "已办结 · 满意" / "已答复" */
  result: string;
}

const toRow = (c: BoardCase): BoardRow => ({
  id: c.id,
  title: c.title,
  kindLine: `${KIND_LABELS[c.kind]} · ${c.categoryLabel}`,
  summary: c.summary,
  address: c.address,
  answer: c.answer.text,
  answerLine: `${c.answer.orgName || c.orgName} · ${formatDate(c.answer.at)} 答复`,
  result: c.state === 'closed' ? `已办结${c.rating ? ` · ${RATING_LABELS[c.rating]}` : ''}` : '已答复',
});

const lists = listRegistry<BoardCase, BoardRow>();

const ALL = { value: '', label: '全部' };

Component({
  data: {
    kinds: [ALL, { value: 'demand', label: KIND_LABELS.demand }, { value: 'report', label: KIND_LABELS.report }],
    kind: '' as CaseKind | '',
    categories: [] as { value: string; label: string }[],
    category: '' as CaseCategory | '',
    list: initialList<BoardRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: (page, pageSize) => {
          const { kind, category } = this.data;
          return casesApi('publicBoard', {
            page,
            pageSize,
            ...(kind ? { kind } : {}),
            ...(kind && category ? { category } : {}),
          });
        },
        toView: toRow,
      });
      lists.of(this).reload();
    },
  },
  methods: {
    ...lists.pageHandlers(),
    onKind(e: DetailEvent<ChipsChange>) {
      if (!('value' in e.detail) || e.detail.value === this.data.kind) return;
      const kind = e.detail.value as CaseKind | '';
      this.setData({ kind, category: '', categories: kind ? [ALL, ...categoryOptions(kind)] : [] });
      lists.of(this).reload();
    },
    onCategory(e: DetailEvent<ChipsChange>) {
      if (!('value' in e.detail) || e.detail.value === this.data.category) return;
      this.setData({ category: e.detail.value as CaseCategory | '' });
      lists.of(this).reload();
    },
    onShareAppMessage() {
      return { title: '实事共办：骑手反映的问题，这样解决了', path: ROUTES.caseBoard };
    },
  },
});
