// The periods a member may ask a certificate for, as Beijing days on the phone's clock.
import type { ChipOption } from '../../../../components/choice-chips/index';
import type { DayKey } from '../../../../../typings/study';
import { formatDate } from '../../../../utils/format';

export type PeriodChoice = 'all' | 'year' | 'lastYear' | 'custom';

export const PERIOD_OPTIONS: ChipOption[] = [
  { value: 'all', label: '全部记录' },
  { value: 'year', label: '今年' },
  { value: 'lastYear', label: '去年' },
  { value: 'custom', label: '自定义' },
];

/** Today in Beijing, "YYYY-MM-DD". */
export const today = (): DayKey => formatDate(new Date(Date.now()).toISOString());

/** The period of a choice; `custom` takes the picked days. Without `from`: since the first record. */
export function periodOf(choice: PeriodChoice, custom: { from: DayKey; to: DayKey }): { from?: DayKey; to: DayKey } {
  const now = today();
  const year = Number(now.slice(0, 4));
  if (choice === 'year') return { from: `${year}-01-01`, to: now };
  if (choice === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  if (choice === 'custom') return { from: custom.from, to: custom.to };
  return { to: now };
}
