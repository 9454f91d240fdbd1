// What the chart component draws: a kind, the categories along the axis and one or
// more series of numbers aligned with them. Pages build specs (pure), the component
// hands them to uCharts (./options).
export type ChartType = 'line' | 'column' | 'bar';

export interface ChartSeries {
  name: string;
  data: number[];
}

export interface ChartSpec {
  type: ChartType;
  categories: string[];
  series: ChartSeries[];
  /** Columns of the series stacked on one another (parts of one whole) instead of side by side. */
  stacked?: boolean;
  /** The unit a value is in, for the summary and the tooltip (人次, 小时…). */
  unit?: string;
}

/** Nothing to draw: no categories, or every value 0. */
export function isEmptyChart(spec: ChartSpec): boolean {
  return !spec.categories.length || spec.series.every((s) => s.data.every((v) => !v));
}

const sum = (data: number[]) => Math.round(data.reduce((a, b) => a + b, 0) * 10) / 10;

/** What a screen reader says instead of the picture: each series' total and its largest category. */
export function chartSummary(title: string, spec: ChartSpec): string {
  if (isEmptyChart(spec)) return `${title}：本期暂无数据`;
  const unit = spec.unit ?? '';
  const parts = spec.series.map((s) => {
    let top = 0;
    s.data.forEach((v, i) => {
      if (v > (s.data[top] ?? 0)) top = i;
    });
    return `${s.name}共 ${sum(s.data)}${unit}，最多为${spec.categories[top]} ${s.data[top]}${unit}`;
  });
  return `${title}：${parts.join('；')}`;
}
