// A chart spec as uCharts options: flat colours that read on a phone in sunlight
// (dark text and axes, saturated fills, no gradients, labels of 13 px ≈ 26rpx),
// on a 2d canvas whose pixels are the CSS size times the pixel ratio.
import type { ChartSpec } from './spec';

/** Party red, deep blue, dark orange, dark green, purple: distinct, and dark enough on white. */
export const PALETTE = ['#C8161D', '#1F4E9E', '#D35400', '#137333', '#6A1B9A'];
const INK = '#1A1A1A';
const GRID = '#C8C8C8';
const FONT = 13;

export interface CanvasSize {
  /** CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
}

const SPLITS = 4;

/** A second line's look: dashed, square points (the first is solid with round points). */
const LATER_LINE = { lineType: 'dash', dashLength: 8, pointShape: 'rect' };

/** The axis' top: a multiple of the grid lines' count, so counts get whole-number ticks. */
export function axisMax(spec: ChartSpec): number {
  const tops = spec.categories.map((_, i) =>
    spec.stacked
      ? spec.series.reduce((sum, s) => sum + (s.data[i] ?? 0), 0)
      : Math.max(0, ...spec.series.map((s) => s.data[i] ?? 0)),
  );
  return Math.max(SPLITS, Math.ceil(Math.max(0, ...tops) / SPLITS) * SPLITS);
}

/** At most this many labels along the category axis (a month of days, a year of months would overlap). */
const MAX_LABELS = 7;

/** Every few categories' labels, counted back from the last (the latest day or month always has its label). */
function categoryLabels(spec: ChartSpec): Record<string, unknown> {
  const n = spec.categories.length;
  const step = Math.ceil(n / MAX_LABELS);
  if (step <= 1) return {};
  return { formatter: (label: string, i: number) => ((n - 1 - i) % step === 0 ? label : '') };
}

/** The axes: a bar chart's values run along x and its categories down y; the others' the other way round. */
function axes(spec: ChartSpec): Record<string, unknown> {
  const text = { fontSize: FONT, fontColor: INK };
  const values = { min: 0, max: axisMax(spec), splitNumber: SPLITS };
  if (spec.type === 'bar')
    return {
      xAxis: { ...text, ...values, axisLineColor: INK, gridColor: GRID, gridType: 'solid', boundaryGap: 'justify' },
      yAxis: { ...text, disableGrid: true },
    };
  return {
    xAxis: {
      ...text,
      axisLineColor: INK,
      disableGrid: true,
      ...(spec.type === 'line' ? { boundaryGap: 'justify' } : {}),
      ...categoryLabels(spec),
    },
    yAxis: {
      gridColor: GRID,
      gridType: 'solid',
      splitNumber: SPLITS,
      data: [{ ...values, ...text, axisLine: false }],
    },
  };
}

/**
 * A stacked part's 0 would sit on the top of the part below it, a bar's 0 under the
 * bar beside it: there, only what is there gets a value.
 */
const hideZero = (v: number) => (v ? String(v) : '');

export function chartOptions(spec: ChartSpec, context: unknown, size: CanvasSize): Record<string, unknown> {
  const { width, height, pixelRatio } = size;
  const line = spec.type === 'line';
  return {
    type: spec.type,
    context,
    canvas2d: true,
    width: width * pixelRatio,
    height: height * pixelRatio,
    pixelRatio,
    animation: false,
    background: '#FFFFFF',
    color: PALETTE,
    fontSize: FONT,
    fontColor: INK,
    padding: [16, 16, 4, 8],
    categories: spec.categories,
    series: spec.series.map((s, i) => ({
      name: s.name,
      data: s.data,
      // A line over another that has the same values would hide it: every line after the first is dashed.
      ...(line && i > 0 ? LATER_LINE : {}),
      ...(spec.stacked || spec.type === 'bar' ? { formatter: hideZero } : {}),
    })),
    // Values on columns and bars; a line's values are shown on touch.
    dataLabel: !line,
    dataPointShape: line && spec.categories.length <= 14,
    legend: { show: spec.series.length > 1, fontSize: FONT, fontColor: INK, position: 'top', float: 'left' },
    ...axes(spec),
    extra: {
      line: { type: 'straight', width: 3 },
      column: { type: spec.stacked ? 'stack' : 'group', width: 18, seriesGap: 2, linearType: 'none' },
      bar: { type: 'group', width: 18, linearType: 'none' },
      tooltip: {
        showBox: true,
        bgColor: INK,
        bgOpacity: 0.92,
        fontColor: '#FFFFFF',
        showArrow: true,
        legendShow: true,
      },
    },
  };
}
