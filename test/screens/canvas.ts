// jsdom has no canvas, so a poster page would show its error state. For the
// screenshot, a <canvas type="2d"> node that records every call the page's own
// drawing code makes is handed to it; the camera replays the recording on a real
// canvas in Chromium. Text is measured here with a width table (CJK full width,
// Latin about half), so line breaks can differ slightly from a phone's.
export type CanvasCall = ['set', string, unknown] | ['call', string, unknown[]];

export interface CanvasRecording {
  width: number;
  height: number;
  calls: CanvasCall[];
}

const recordings: CanvasRecording[] = [];

/** Canvases whose 2d context was taken but that have nothing drawn yet (a chart library draws on a timer). */
const awaiting = new Set<CanvasRecording>();

/** How many canvases a page has started drawing on and not yet drawn (the screenshot waits for them). */
export const canvasesAwaitingDrawing = (): number => awaiting.size;

/** The recordings made since the last call, in the order the canvases were asked for. */
export function takeRecordings(): CanvasRecording[] {
  awaiting.clear();
  return recordings.splice(0);
}

function textWidth(text: string, font: string): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10);
  const bold = /bold|[6-9]00/.test(font) ? 1.05 : 1;
  let units = 0;
  for (const ch of text) units += /[\u2e80-\uffef]/.test(ch) ? 1 : /[A-Z0-9]/.test(ch) ? 0.62 : 0.52;
  return units * size * bold;
}

interface RecordedImage {
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}

/**
 * The old mini-program canvas API's setters, which a 2d context does not have: a
 * library that finds them missing (uCharts) installs its own, which set the
 * standard properties (recorded like any other).
 */
const NOT_IN_2D = new Set([
  'setFillStyle',
  'setStrokeStyle',
  'setLineWidth',
  'setLineCap',
  'setLineJoin',
  'setFontSize',
  'setTextAlign',
  'setTextBaseline',
  'setShadow',
  'setGlobalAlpha',
  'draw',
]);

function recordingCanvas(): object {
  const rec: CanvasRecording = { width: 300, height: 150, calls: [] };
  recordings.push(rec);
  const state = { font: '10px sans-serif' };
  /** Functions a library attached to the context (not drawing calls). */
  const attached: Record<string, unknown> = {};
  const context = new Proxy(
    {},
    {
      get(_t, prop: string) {
        if (prop in attached) return attached[prop];
        if (NOT_IN_2D.has(prop)) return undefined;
        if (prop === 'measureText') return (text: string) => ({ width: textWidth(text, state.font) });
        if (prop in state) return state[prop as keyof typeof state];
        return (...args: unknown[]) => {
          awaiting.delete(rec);
          // Images are passed by their src (what the browser will load).
          rec.calls.push([
            'call',
            prop,
            args.map((a) => (a && typeof a === 'object' && 'src' in a ? { src: (a as RecordedImage).src } : a)),
          ]);
        };
      },
      set(_t, prop: string, value: unknown) {
        if (typeof value === 'function') return ((attached[prop] = value), true);
        if (prop === 'font') state.font = String(value);
        rec.calls.push(['set', prop, value]);
        return true;
      },
    },
  );
  return {
    get width() {
      return rec.width;
    },
    set width(v: number) {
      rec.width = v;
    },
    get height() {
      return rec.height;
    },
    set height(v: number) {
      rec.height = v;
    },
    getContext: () => {
      if (!rec.calls.length) awaiting.add(rec);
      return context;
    },
    createImage(): RecordedImage {
      const img: RecordedImage = { src: '', onload: null, onerror: null };
      return new Proxy(img, {
        set(target, prop: string, value: unknown) {
          (target as unknown as Record<string, unknown>)[prop] = value;
          if (prop === 'src') setTimeout(() => target.onload?.(), 0);
          return true;
        },
      });
    },
  };
}

type Query = {
  in(component: unknown): Query;
  select(selector: string): Query;
  fields(f: unknown): Query;
  exec(cb?: (res: unknown[]) => void): void;
};

/** Makes `wx.createSelectorQuery().select('#canvas').fields({ node })` answer a recording canvas. */
export function installRecordingCanvas(fileUrl: () => (fileId: string) => string): void {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const original = wx.createSelectorQuery as (() => Query) | undefined;
  wx.createSelectorQuery = (): Query => {
    let selector = '';
    let inner: Query | null = null;
    const q: Query = {
      in: (c) => ((inner = original?.().in(c) ?? null), q),
      select: (s) => ((selector = s), q),
      fields: () => q,
      exec: (cb) => {
        if (selector === '#canvas')
          return void setTimeout(() => cb?.([{ node: recordingCanvas(), width: 300, height: 480 }]), 0);
        inner?.select(selector).fields({ node: true, size: true }).exec(cb);
      },
    };
    return q;
  };
  const cloud = (wx.cloud ?? {}) as Record<string, unknown>;
  // A canvas loads cloud files as downloaded temp files; here, straight from the emulator.
  cloud.downloadFile = ({ fileID }: { fileID: string }) =>
    Promise.resolve({ tempFilePath: fileUrl()(fileID), errMsg: 'cloud.downloadFile:ok' });
}
