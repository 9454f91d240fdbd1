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

/**
 * A bar chart's height in rpx: its categories run down the canvas, so it grows with
 * them (each category a band of its series' bars), above room for the legend and the value axis.
 */
export function barChartHeight(spec: ChartSpec): number {
  const legend = spec.series.length > 1 ? 56 : 0;
  return Math.max(240, 96 + legend + spec.categories.length * (24 + 36 * spec.series.length));
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
