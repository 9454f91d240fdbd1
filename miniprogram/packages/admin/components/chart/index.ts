// The one chart of the organiser home: a spec (./spec) drawn by uCharts on a
// <canvas type="2d">. The whole chart library sits behind this component, so
// changing library changes only this folder. It redraws when the spec changes,
// shows a touched point's values (uCharts' tooltip), tells a screen reader what
// the chart shows, and shows 本期暂无数据 instead of an empty grid.
import UCharts from '@qiun/ucharts';
import { chartOptions } from './options';
import { chartSummary, type ChartSpec, isEmptyChart } from './spec';

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
}

/** Each component's chart, once drawn (touches go to it), and its latest drawing's number. */
const charts = new WeakMap<object, UCharts>();
const drawings = new WeakMap<object, number>();

Component({
  properties: {
    spec: { type: Object, value: null as ChartSpec | null },
    /** Names the chart in its summary. */
    title: { type: String, value: '' },
    /**
     * On screen, in rpx (like the height, so the canvas' pixels follow from the window's
     * width alone): by default the width inside a dashboard card (750 − 2 × 24 − 2 × 16).
     */
    width: { type: Number, value: 670 },
    height: { type: Number, value: 440 },
  },
  data: {
    empty: true,
    summary: '',
  },
  observers: {
    'spec, width, height'() {
      this.draw();
    },
  },
  methods: {
    draw() {
      const spec = this.data.spec as ChartSpec | null;
      if (!spec) return;
      const empty = isEmptyChart(spec);
      charts.delete(this);
      const n = (drawings.get(this) ?? 0) + 1;
      drawings.set(this, n);
      // The canvas exists only when there is something to draw: look it up once rendered.
      this.setData({ empty, summary: chartSummary(this.data.title, spec) }, () => {
        if (!empty) this.paint(spec, n);
      });
    },
    paint(spec: ChartSpec, n: number) {
      const { windowWidth, pixelRatio } = wx.getWindowInfo();
      wx.createSelectorQuery()
        .in(this)
        .select('#canvas')
        .fields({ node: true })
        .exec((res: { node?: CanvasNode }[]) => {
          const found = res?.[0];
          // The spec may have changed while the node was looked up: draw only the latest.
          if (!found?.node || drawings.get(this) !== n) return;
          // Exactly the CSS size the component set (1rpx = windowWidth / 750 px).
          const width = (windowWidth * this.data.width) / 750;
          const height = (windowWidth * this.data.height) / 750;
          found.node.width = width * pixelRatio;
          found.node.height = height * pixelRatio;
          const context = found.node.getContext('2d');
          charts.set(this, new UCharts(chartOptions(spec, context, { width, height, pixelRatio })));
        });
    },
    onTouch(e: { changedTouches?: { x: number; y: number }[] }) {
      charts.get(this)?.showToolTip(e);
    },
  },
});
