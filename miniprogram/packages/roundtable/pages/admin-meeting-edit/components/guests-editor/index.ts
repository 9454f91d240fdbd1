// Who sits at the table: departments (人社局, 市场监管局, 区总工会, a platform …),
// optionally a person and their title. The page keeps the list; each edit arrives
// as `change` with the new { guests }.
import { type GuestForm, MAX_GUESTS, newGuest } from '../../form';

type Field = 'department' | 'name' | 'title';

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    guests: { type: Array, value: [] as GuestForm[] },
  },
  data: { max: MAX_GUESTS },
  methods: {
    emit(guests: GuestForm[]) {
      this.triggerEvent('change', { guests });
    },
    onText(e: DetailEvent<{ value: string }, { index: number; field: Field }>) {
      const { index, field } = e.currentTarget.dataset;
      this.emit((this.data.guests as GuestForm[]).map((g, i) => (i === index ? { ...g, [field]: e.detail.value } : g)));
    },
    onAdd() {
      const guests = this.data.guests as GuestForm[];
      if (guests.length < MAX_GUESTS) this.emit([...guests, newGuest()]);
    },
    onRemove(e: TapEvent<{ index: number }>) {
      this.emit((this.data.guests as GuestForm[]).filter((_, i) => i !== e.currentTarget.dataset.index));
    },
  },
});
