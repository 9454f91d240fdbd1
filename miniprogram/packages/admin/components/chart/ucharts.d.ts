// uCharts ships plain JS; what the chart component uses of it.
declare module '@qiun/ucharts' {
  interface TouchLike {
    changedTouches?: { x: number; y: number }[];
  }
  export default class UCharts {
    constructor(opts: Record<string, unknown>);
    updateData(data: Record<string, unknown>): void;
    showToolTip(e: TouchLike, option?: Record<string, unknown>): void;
  }
}
