// Files in cloud storage: uploads and displayable URLs, in both transports.
import { ENV } from '../config/env';
import { ApiError } from './errors';
import { isLocalMode } from './transport';

/** Uploads a local temp file (e.g. from chooseAvatar) and returns its cloud file id. */
export function uploadFile(cloudPath: string, filePath: string): Promise<string> {
  if (!isLocalMode()) {
    return wx.cloud
      .uploadFile({ cloudPath, filePath })
      .then((r) => r.fileID)
      .catch(() => {
        throw new ApiError('NETWORK', '上传失败，请检查网络后重试');
      });
  }
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: `${ENV.emulatorUrl}/storage/client-upload`,
      filePath,
      name: 'file',
      formData: { cloudPath },
      success: (res) => resolve((JSON.parse(res.data) as { fileID: string }).fileID),
      fail: () => reject(new ApiError('NETWORK', '上传失败，请检查网络后重试')),
    });
  });
}

/** A picked file's name made safe for a storage path (no spaces, separators, ? or #). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return name.replace(/[\s/\\?#\u0000-\u001f\u007f]+/g, '_');
}

/** What an <image src> can show: cloud:// ids work natively; the emulator serves them over HTTP. */
export function displayUrl(fileId: string): string {
  if (!fileId || !isLocalMode()) return fileId;
  const path = fileId.replace(/^cloud:\/\/[^/]+\//, '');
  return `${ENV.emulatorUrl}/storage/files/${path}`;
}

/**
 * A path a canvas image can load (e.g. a poster's mini-program code): cloud files
 * are downloaded to a temp file first; the emulator serves them over HTTP.
 */
export function canvasImagePath(fileId: string): Promise<string> {
  if (!fileId || isLocalMode()) return Promise.resolve(displayUrl(fileId));
  return wx.cloud
    .downloadFile({ fileID: fileId })
    .then((r) => r.tempFilePath)
    .catch(() => {
      throw new ApiError('NETWORK', '图片下载失败，请检查网络后重试');
    });
}
