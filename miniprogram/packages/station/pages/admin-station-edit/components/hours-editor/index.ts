// The station editor's opening hours: 全天开放, or one to four daily periods picked
// with the time picker (a period that ends before it starts runs past midnight,
// 22:00–次日06:00), and 夜间扫码进入 (outside the periods the door opens by code).
// Every change is sent up whole as `hourschange` with the new HoursForm (not `change`,
// which a picker's own change event would also answer to).
import { periodText } from '../../../../../../utils/station';
import { type HoursForm, MAX_PERIODS, newPeriod } from '../../form';

Component({
  properties: {
    hours: { type: Object, value: { allDay: false, periods: [], nightAccess: false } as HoursForm },
  },
  data: {
    maxPeriods: MAX_PERIODS,
    /** "22:00–次日06:00" per period, for the line under the pickers. */
    texts: [] as string[],
  },
  observers: {
    hours(h: HoursForm) {
      this.setData({ texts: h.periods.map(periodText) });
    },
  },
  methods: {
    current(): HoursForm {
      return this.data.hours as HoursForm;
    },
    emit(hours: HoursForm) {
      this.triggerEvent('hourschange', hours);
    },
    onAllDay(e: DetailEvent<{ value: boolean }>) {
      const h = this.current();
      // Turning 全天 off starts from one period, so the form is never left without hours.
      const periods = !e.detail.value && !h.periods.length ? [newPeriod()] : h.periods;
      this.emit({ ...h, allDay: e.detail.value, periods });
    },
    onNightAccess(e: DetailEvent<{ value: boolean }>) {
      this.emit({ ...this.current(), nightAccess: e.detail.value });
    },
    onTime(e: DetailEvent<{ value: string }, { index: number; end: 'from' | 'to' }>) {
      const { index, end } = e.currentTarget.dataset;
      const h = this.current();
      this.emit({ ...h, periods: h.periods.map((p, i) => (i === index ? { ...p, [end]: e.detail.value } : p)) });
    },
    onAddPeriod() {
      const h = this.current();
      if (h.periods.length >= MAX_PERIODS) return;
      this.emit({ ...h, periods: [...h.periods, newPeriod('18:00', '22:00')] });
    },
    onRemovePeriod(e: TapEvent<{ index: number }>) {
      const h = this.current();
      this.emit({ ...h, periods: h.periods.filter((_, i) => i !== e.currentTarget.dataset.index) });
    },
  },
});
