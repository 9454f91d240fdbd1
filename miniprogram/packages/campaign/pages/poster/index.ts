// A candidate's share poster on a 2d canvas: photo (or a placeholder), number,
// name, the campaign title and the mini-program code that opens the candidate.
// Saving asks for the album permission; a refusal explains how to allow it.
import { campaignApi } from '../../services/campaign';
import { errorMessage } from '../../../../utils/errors';
import { posterLayout, POSTER_WIDTH, type PosterInput } from '../../utils/poster-layout';
import { candidateIdFrom, categoryName } from '../../utils/views';
import { drawPoster, loadablePath, loadImage, type PosterCanvas, type PosterImage } from './draw';

type Status = 'loading' | 'ready' | 'error';

/** The drawn canvas per page instance, for saving. */
const canvases = new WeakMap<object, PosterCanvas>();

function canvasNode(
  page: WechatMiniprogram.Component.TrivialInstance,
): Promise<{ canvas: PosterCanvas; width: number }> {
  return new Promise((resolve, reject) => {
    wx.createSelectorQuery()
      .in(page)
      .select('#poster')
      .fields({ node: true, size: true })
      .exec((res: { node?: PosterCanvas; width?: number }[]) => {
        const hit = res?.[0];
        if (hit?.node) resolve({ canvas: hit.node, width: hit.width || POSTER_WIDTH / 2 });
        else reject(new Error('canvas not found'));
      });
  });
}

/** wx callbacks as a promise; rejects with the errMsg. */
function call<T>(run: (cb: { success: (r: T) => void; fail: (e: { errMsg?: string }) => void }) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run({ success: resolve, fail: (e) => reject(new Error(e?.errMsg ?? 'fail')) }),
  );
}

Component({
  data: {
    candidateId: '',
    status: 'loading' as Status,
    error: '',
    /** Shown under the poster. */
    caption: '',
    saving: false,
  },
  methods: {
    onLoad(options: { id?: string; scene?: string }) {
      this.setData({ candidateId: candidateIdFrom(options) });
      this.load();
    },

    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        const id = this.data.candidateId;
        const detail = await campaignApi('getCandidate', { id });
        const [campaign, code] = await Promise.all([
          campaignApi('getCampaign', { id: detail.campaignId }),
          campaignApi('candidatePosterCode', { candidateId: id }),
        ]);
        const input: PosterInput = {
          campaignTitle: campaign.title,
          number: detail.number,
          name: detail.name,
          categoryName: categoryName(campaign, detail.category),
          platform: detail.platform,
          hasPhoto: detail.photos.length > 0,
        };
        const { canvas, width } = await canvasNode(this);
        const images: Partial<Record<'photo' | 'code', PosterImage>> = {
          code: await loadImage(canvas, await loadablePath(code.fileId)),
        };
        if (input.hasPhoto) {
          try {
            images.photo = await loadImage(canvas, await loadablePath(detail.photos[0]!));
          } catch {
            input.hasPhoto = false; // a missing photo leaves the placeholder, not a broken poster
          }
        }
        drawPoster(canvas, width, wx.getWindowInfo().pixelRatio, posterLayout(input), images);
        canvases.set(this, canvas);
        this.setData({ status: 'ready', caption: `${detail.number} ${detail.name}` });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '海报生成失败，请稍后重试') });
      }
    },

    async onSave() {
      const canvas = canvases.get(this);
      if (!canvas || this.data.saving) return;
      this.setData({ saving: true });
      try {
        const { tempFilePath } = await call<{ tempFilePath: string }>((cb) =>
          wx.canvasToTempFilePath({ canvas, fileType: 'png', ...cb }),
        );
        await call((cb) => wx.saveImageToPhotosAlbum({ filePath: tempFilePath, ...cb }));
        wx.showToast({ title: '已保存到相册', icon: 'success' });
      } catch (err) {
        await this.onSaveFailed(String((err as Error).message));
      } finally {
        this.setData({ saving: false });
      }
    },
    async onSaveFailed(errMsg: string) {
      if (/cancel/i.test(errMsg)) return;
      if (/auth|authorize|permission/i.test(errMsg)) {
        const { confirm } = await wx.showModal({
          title: '无法保存到相册',
          content: '需要你允许保存到相册。可以在设置中开启「添加到相册」后再保存。',
          confirmText: '去设置',
        });
        if (confirm) wx.openSetting();
        return;
      }
      wx.showToast({ title: '保存失败，请稍后再试', icon: 'none' });
    },
  },
});
