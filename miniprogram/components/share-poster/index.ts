// The one share-poster pipeline, for the quote poster (study) and the candidate
// poster (campaign): a <canvas type="2d"> that a page asks to draw a layout, and
// its 保存到相册 button. The page keeps what the poster says (its layout
// function) and its loading/error states (slot "overlay" lies over the canvas;
// the default slot sits between the poster and the button). A main-package
// component, so that both subpackages use one copy and the check passes
// (docs/client.md, CONTAINS_OTHER_PKG_JS).
//
//   const poster = this.selectComponent('#poster') as unknown as SharePoster;
//   await poster.draw(({ wrap, has }) => layout(input, wrap, has('photo')), { code: { fileId } });
import { canvasImagePath } from '../../services/files';
import { saveToAlbum } from './album';
import { type CanvasImage, canvasFont, paint, type PosterCanvas, type PosterLayout } from './paint';
import { type Measure, type WrapOptions, wrapLines } from './wrap';

/** Breaks text into lines as drawn on this canvas (its measureText). */
export type Wrap = (text: string, options: WrapOptions) => string[];

/** What a layout may use: the canvas's text wrapper, and whether an image loaded. */
export interface ComposeTools {
  wrap: Wrap;
  has(slot: string): boolean;
}

/** Images by slot; an optional one that fails to load is left out (the layout draws without it). */
export type PosterImages = Record<string, { fileId: string; optional?: boolean }>;

/** What a page calls on <share-poster> (through selectComponent). */
export interface SharePoster {
  /** Loads the images, lays out with the canvas's measureText, sizes the canvas and draws. Rejects if it cannot. */
  draw(compose: (tools: ComposeTools) => PosterLayout, images: PosterImages): Promise<void>;
}

/** The drawn canvas per component instance, for saving. */
const drawn = new WeakMap<object, PosterCanvas>();

function loadImage(canvas: PosterCanvas, src: string): Promise<CanvasImage> {
  return new Promise((resolve, reject) => {
    const img = canvas.createImage();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`image failed: ${src}`));
    img.src = src;
  });
}

async function loadImages(canvas: PosterCanvas, images: PosterImages): Promise<Map<string, CanvasImage>> {
  const loaded = new Map<string, CanvasImage>();
  for (const [slot, { fileId, optional }] of Object.entries(images)) {
    try {
      loaded.set(slot, await loadImage(canvas, await canvasImagePath(fileId)));
    } catch (err) {
      if (!optional) throw err;
    }
  }
  return loaded;
}

Component({
  options: { multipleSlots: true },
  properties: {
    /** The poster's width on screen (rpx); its height follows the layout. */
    width: { type: Number, value: 600 },
    /** Height ÷ width of the box shown before the poster is drawn. */
    aspect: { type: Number, value: 1.5 },
    /** A line under the save button. */
    hint: { type: String, value: '' },
  },
  data: {
    /** The drawn poster's size on screen (px); 0 until drawn. */
    size: { width: 0, height: 0 },
    /** Drawn: it can be saved. */
    drawn: false,
    saving: false,
  },
  methods: {
    canvasNode(): Promise<{ canvas: PosterCanvas; width: number }> {
      return new Promise((resolve, reject) => {
        wx.createSelectorQuery()
          .in(this)
          .select('#canvas')
          .fields({ node: true, size: true })
          .exec((res: ({ node?: PosterCanvas; width?: number } | null)[]) => {
            const hit = res?.[0];
            if (!hit?.node) return reject(new Error('no canvas'));
            const fallback = (this.data.width * wx.getWindowInfo().windowWidth) / 750;
            return resolve({ canvas: hit.node, width: hit.width || fallback });
          });
      });
    },
    async draw(compose: (tools: ComposeTools) => PosterLayout, images: PosterImages): Promise<void> {
      this.setData({ drawn: false });
      const { canvas, width } = await this.canvasNode();
      const ctx = canvas.getContext('2d');
      const loaded = await loadImages(canvas, images);
      const measure: Measure = (text, size, bold) => {
        ctx.font = canvasFont(size, bold);
        return ctx.measureText(text).width;
      };
      const layout = compose({ wrap: (text, o) => wrapLines(text, o, measure), has: (slot) => loaded.has(slot) });
      this.setData({ size: { width, height: (width * layout.height) / layout.width } });
      // Resizing the buffer resets the context, so scale after it.
      const scale = (width / layout.width) * (wx.getWindowInfo().pixelRatio || 2);
      canvas.width = Math.round(layout.width * scale);
      canvas.height = Math.round(layout.height * scale);
      ctx.scale(scale, scale);
      paint(ctx, layout, loaded);
      drawn.set(this, canvas);
      this.setData({ drawn: true });
    },
    async onSave(): Promise<void> {
      const canvas = drawn.get(this);
      if (!canvas || !this.data.drawn || this.data.saving) return;
      this.setData({ saving: true });
      await saveToAlbum(canvas);
      this.setData({ saving: false });
    },
  },
});
