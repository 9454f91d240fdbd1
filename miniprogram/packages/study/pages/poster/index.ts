// A share poster of a day's quote: drawn on a <canvas type="2d"> from a pure
// layout (../../utils/poster-layout), with the mini-program code the server
// makes for that day; saved to the photo album.
import { ROUTES } from '../../../../config/routes';
import { canvasImagePath } from '../../../../services/files';
import { studyApi } from '../../../../services/study';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { type PosterLayout, POSTER, layoutPoster, type PlacedText } from '../../utils/poster-layout';

type Status = 'loading' | 'ready' | 'error';

/** The parts of the 2D canvas API the poster uses. */
interface Ctx2D {
  font: string;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  textAlign: string;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}
interface CanvasImage {
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}
interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): Ctx2D;
  createImage(): CanvasImage;
}

const FONT_FAMILY = '"PingFang SC", "Microsoft YaHei", sans-serif';
const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

/** The drawn canvas per page instance, for saving. */
const canvases = new WeakMap<object, CanvasNode>();

function decode(v: string | undefined): string {
  if (!v) return '';
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

function loadImage(canvas: CanvasNode, src: string): Promise<CanvasImage> {
  return new Promise((resolve, reject) => {
    const img = canvas.createImage();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image'));
    img.src = src;
  });
}

function paint(ctx: Ctx2D, layout: PosterLayout, code: CanvasImage) {
  const text = (t: PlacedText, color: string, bold = false) => {
    ctx.font = font(t.fontSize, bold);
    ctx.fillStyle = color;
    ctx.textAlign = t.align;
    ctx.fillText(t.text, t.x, t.y);
  };
  ctx.fillStyle = '#fffaf5';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = '#c8161d';
  ctx.fillRect(0, 0, layout.width, layout.header.height);
  text(layout.header.title, '#ffffff', true);
  text(layout.header.date, '#fde2e3');
  for (const line of layout.lines) text(line, '#1f1f1f');
  text(layout.source, '#666666');
  ctx.strokeStyle = '#eeeeee';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(layout.divider.x1, layout.divider.y);
  ctx.lineTo(layout.divider.x2, layout.divider.y);
  ctx.stroke();
  ctx.drawImage(code, layout.code.x, layout.code.y, layout.code.size, layout.code.size);
  for (const c of layout.caption) text(c, '#666666');
}

/** Why saving failed, from the errMsg of canvasToTempFilePath / saveImageToPhotosAlbum. */
function saveFailure(err: unknown): 'cancel' | 'denied' | 'other' {
  const msg = String((err as { errMsg?: string } | null)?.errMsg ?? '');
  if (/cancel/i.test(msg)) return 'cancel';
  if (/auth|deny|denied|privacy|permission/i.test(msg)) return 'denied';
  return 'other';
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    quote: { day: '', text: '', source: '' },
    /** The poster's CSS size (px); the canvas buffer is this × pixel ratio. */
    size: { width: POSTER.width, height: 480 },
    /** The mini-program code's storage file id, once the server made it. */
    codeFileId: '',
    saving: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ quote: { day: query.day ?? '', text: decode(query.text), source: decode(query.source) } });
      this.load();
    },
    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin();
        let quote = this.data.quote;
        if (!quote.text || !quote.day) {
          // Opened without a quote (e.g. from a link): today's.
          const today = await studyApi('todayQuote', {});
          quote = { day: today.day, text: today.quote.text, source: today.quote.source };
          this.setData({ quote });
        }
        const { fileId } = await studyApi('quotePosterCode', { day: quote.day });
        this.setData({ codeFileId: fileId });
        const codePath = await canvasImagePath(fileId);
        await this.draw(codePath);
        this.setData({ status: 'ready' });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '海报生成失败，请重试') });
      }
    },
    canvasNode(): Promise<CanvasNode | null> {
      return new Promise((resolve) => {
        this.createSelectorQuery()
          .select('#poster')
          .fields({ node: true, size: true })
          .exec((res: ({ node?: CanvasNode } | null)[]) => resolve(res[0]?.node ?? null));
      });
    },
    async draw(codePath: string) {
      const canvas = await this.canvasNode();
      if (!canvas) throw new Error('no canvas');
      const ctx = canvas.getContext('2d');
      const measure = (t: string, size: number) => {
        ctx.font = font(size);
        return ctx.measureText(t).width;
      };
      const layout = layoutPoster(this.data.quote, measure);
      const dpr = wx.getWindowInfo().pixelRatio || 2;
      this.setData({ size: { width: layout.width, height: layout.height } });
      // Resizing the buffer resets the context, so scale after it.
      canvas.width = layout.width * dpr;
      canvas.height = layout.height * dpr;
      ctx.scale(dpr, dpr);
      const code = await loadImage(canvas, codePath);
      paint(ctx, layout, code);
      canvases.set(this, canvas);
    },
    onRetry() {
      this.load();
    },
    async onSave() {
      const canvas = canvases.get(this);
      if (!canvas || this.data.saving || this.data.status !== 'ready') return;
      this.setData({ saving: true });
      try {
        const filePath = await new Promise<string>((resolve, reject) =>
          wx.canvasToTempFilePath({
            canvas,
            fileType: 'png',
            success: (r) => resolve(r.tempFilePath),
            fail: reject,
          }),
        );
        await new Promise((resolve, reject) => wx.saveImageToPhotosAlbum({ filePath, success: resolve, fail: reject }));
        wx.showToast({ title: '已保存到相册', icon: 'success' });
      } catch (err) {
        const why = saveFailure(err);
        if (why === 'denied') {
          const { confirm } = await wx.showModal({
            title: '无法保存到相册',
            content: '你没有允许小程序保存图片到相册。请在设置中打开「添加到相册」后再保存。',
            confirmText: '去设置',
          });
          if (confirm) wx.openSetting({});
        } else if (why === 'other') {
          wx.showToast({ title: '保存失败，请稍后重试', icon: 'none' });
        }
      } finally {
        this.setData({ saving: false });
      }
    },
    onShareAppMessage() {
      return { title: this.data.quote.text || '每日金句', path: ROUTES.home };
    },
  },
});
