// Mini-program codes for share posters: WeChat's getUnlimited, stored in cloud storage.
import { AppError } from './errors';
import { cloud } from './sdk';

/** WeChat allows 32 characters of scene. */
export const MAX_SCENE = 32;

export async function miniProgramCode(page: string, scene: string, cloudPath: string): Promise<string> {
  if (scene.length > MAX_SCENE) throw new AppError('UNAVAILABLE', '暂不支持为它生成小程序码');
  const reply = await cloud().callCompatibleWxOpenApi({
    apiName: '/wxa/getwxacodeunlimit',
    requestData: Buffer.from(JSON.stringify({ scene, page, check_path: false, width: 280 })),
  });
  const png = Buffer.isBuffer(reply) ? reply : Buffer.from(reply as ArrayBuffer);
  if (png.subarray(0, 4).toString('hex') !== '89504e47')
    throw new AppError('UNAVAILABLE', '小程序码生成失败，请稍后再试');
  const { fileID } = await cloud().uploadFile({ cloudPath, fileContent: png });
  return fileID;
}
