// 月度账单: one month of the member's service — credit and honor hours apart, the
// records — and points in and out (every reason: hours, the shop, study…), each
// entry, and the balance now. The month picker goes back from this month.
import type { MonthlyStatement } from '../../../../../typings/volunteer-team';
import { reloadHandlers } from '../../../../components/list-state/reload';
import { errorMessage } from '../../../../utils/errors';
import { formatDateTime, formatPoints } from '../../../../utils/format';
import { ensureLogin } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { hoursOf, spanText, thisMonth } from '../../utils/labels';

type Status = 'loading' | 'ready' | 'error';

interface StatementView {
  credit: string;
  honor: string;
  earned: number;
  spent: number;
  net: string;
  balance: number;
  records: { id: string; title: string; kind: string; credit: boolean; hours: string; time: string }[];
  entries: { id: string; title: string; amount: string; gain: boolean; time: string }[];
}

const toView = (s: MonthlyStatement): StatementView => ({
  credit: hoursOf(s.creditMinutes),
  honor: hoursOf(s.honorMinutes),
  earned: s.points.earned,
  spent: s.points.spent,
  net: formatPoints(s.points.net),
  balance: s.balance,
  records: s.records.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind === 'credit' ? '信用' : '荣誉',
    credit: r.kind === 'credit',
    hours: `${hoursOf(r.minutes)} 小时`,
    time: spanText(r.startAt, r.endAt),
  })),
  entries: s.points.entries.map((e) => ({
    id: e.id,
    title: e.title,
    amount: formatPoints(e.amount),
    gain: e.amount > 0,
    time: formatDateTime(e.createdAt),
  })),
});

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    month: '',
    maxMonth: '',
    statement: null as StatementView | null,
  },
  lifetimes: {
    attached() {
      const month = thisMonth();
      this.setData({ month, maxMonth: month });
      this.load();
    },
  },
  methods: {
    ...reloadHandlers(),
    async load(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin();
        const s = await volunteerApi('myStatement', { month: this.data.month });
        this.setData({ status: 'ready', statement: toView(s) });
        return null;
      } catch (err) {
        const error = errorMessage(err, '账单加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    onMonth(e: DetailEvent<{ value: string }>) {
      this.setData({ month: e.detail.value });
      this.load();
    },
  },
});
