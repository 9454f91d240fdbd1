// A row of chips to choose from (app.wxss's .chip): one of them (`value`), or —
// with `multiple` — any of them (`values`). The form keeps the choice: a tap
// arrives as `change` with { value } or { values } (in the options' order). Each
// chip's id is `<name>-<value>`.
export interface ChipOption {
  value: string;
  label: string;
  /** A TDesign icon before the label. */
  icon?: string;
}

export type ChipsChange = { value: string } | { values: string[] };

Component({
  // The chips are app.wxss's .chip / .chip--active.
  options: { styleIsolation: 'apply-shared' },
  properties: {
    options: { type: Array, value: [] as ChipOption[] },
    /** The chosen option (one of them). */
    value: { type: String, value: '' },
    multiple: { type: Boolean, value: false },
    /** The chosen options (with `multiple`). */
    values: { type: Array, value: [] as string[] },
    /** Prefix of the chips' ids. */
    name: { type: String, value: 'chip' },
  },
  data: {
    chosen: [] as boolean[],
  },
  observers: {
    'options, value, values, multiple'(options: ChipOption[], value: string, values: string[], multiple: boolean) {
      this.setData({ chosen: options.map((o) => (multiple ? values.includes(o.value) : o.value === value)) });
    },
  },
  methods: {
    onTap(e: TapEvent<{ index: number }>) {
      const options = this.data.options as ChipOption[];
      const tapped = options[e.currentTarget.dataset.index];
      if (!tapped) return;
      if (!this.data.multiple) {
        const change: ChipsChange = { value: tapped.value };
        this.triggerEvent('change', change);
        return;
      }
      const values = this.data.values as string[];
      const next = options
        .filter((o) => (o.value === tapped.value ? !values.includes(o.value) : values.includes(o.value)))
        .map((o) => o.value);
      const change: ChipsChange = { values: next };
      this.triggerEvent('change', change);
    },
  },
});
