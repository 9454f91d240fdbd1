// One section of the minutes (提出的问题, 现场答复, 会后带走办理): its items, each a
// text and optionally the department that raised, answered or took it away. The
// page keeps the lists; an edit arrives as `change` with the new { items }.
import { type ItemForm, MAX_ITEMS, newItem } from '../../items';

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    items: { type: Array, value: [] as ItemForm[] },
    /** What a new item's text is about, as the placeholder says it. */
    placeholder: { type: String, value: '' },
    name: { type: String, value: 'item' },
  },
  data: { max: MAX_ITEMS },
  methods: {
    emit(items: ItemForm[]) {
      this.triggerEvent('change', { items });
    },
    onText(e: DetailEvent<{ value: string }, { index: number; field: 'text' | 'department' }>) {
      const { index, field } = e.currentTarget.dataset;
      this.emit((this.data.items as ItemForm[]).map((x, i) => (i === index ? { ...x, [field]: e.detail.value } : x)));
    },
    onAdd() {
      const items = this.data.items as ItemForm[];
      if (items.length < MAX_ITEMS) this.emit([...items, newItem()]);
    },
    onRemove(e: TapEvent<{ index: number }>) {
      this.emit((this.data.items as ItemForm[]).filter((_, i) => i !== e.currentTarget.dataset.index));
    },
  },
});
