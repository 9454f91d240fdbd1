// Saving a drawn poster to the photo album. When the user has refused the album
// permission, saying so is not enough: explain, and offer the settings page where
// it can be allowed. Cancelling the system dialog is not an error.
import type { PosterCanvas } from './paint';

/** wx callbacks as a promise; rejects with the errMsg. */
function call<T>(run: (cb: { success: (r: T) => void; fail: (e: { errMsg?: string }) => void }) => void): Promise<T> {
  return new Promise((resolve, reject) => run({ success: resolve, fail: (e) => reject(new Error(e?.errMsg ?? '')) }));
}

/** Why saving failed, from the errMsg of canvasToTempFilePath / saveImageToPhotosAlbum. */
function failure(errMsg: string): 'cancel' | 'denied' | 'other' {
  if (/cancel/i.test(errMsg)) return 'cancel';
  if (/auth|deny|denied|privacy|permission/i.test(errMsg)) return 'denied';
  return 'other';
}

/** Exports the canvas as a PNG and saves it; every outcome is told to the user. Never rejects. */
export async function saveToAlbum(canvas: PosterCanvas): Promise<void> {
  try {
    const { tempFilePath } = await call<{ tempFilePath: string }>((cb) =>
      wx.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png', ...cb }),
    );
    await call((cb) => wx.saveImageToPhotosAlbum({ filePath: tempFilePath, ...cb }));
    wx.showToast({ title: '已保存到相册', icon: 'success' });
  } catch (err) {
    const why = failure((err as Error).message);
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
  }
}
