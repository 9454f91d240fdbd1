// Which WeChat HTTP APIs have a local stand-in, keyed by the apiName the SDK
// sends (the WeChat URL path).
import { imgSecCheck } from './img-sec-check';
import { mediaCheckAsync } from './media-check';
import { msgSecCheck } from './msg-sec-check';
import type { OpenApiState } from './state';
import { subscribeSend } from './subscribe-send';
import { type WxReply, wxError } from './wx-reply';
import { getUnlimited } from './wxacode';

export interface OpenApi {
  /** Answers bytes, so only callCompatibleWxOpenApi (wx.openApi) can carry the reply. */
  binary: boolean;
  call(data: Record<string, unknown>, state: OpenApiState): Promise<WxReply> | WxReply;
  /**
   * Takes a file (an image) instead of a JSON body: requestData's raw bytes, which
   * only callCompatibleWxOpenApi (wx.openApi) can send. `call` is then unused.
   */
  media?: (bytes: Buffer, state: OpenApiState) => WxReply;
}

export const OPEN_APIS: Record<string, OpenApi> = {
  '/wxa/msg_sec_check': { binary: false, call: msgSecCheck },
  '/cgi-bin/message/subscribe/send': { binary: false, call: subscribeSend },
  '/wxa/getwxacodeunlimit': { binary: true, call: (data) => getUnlimited(data) },
  '/wxa/img_sec_check': { binary: false, call: () => wxError(41005, 'media data missing'), media: imgSecCheck },
  '/wxa/media_check_async': { binary: false, call: mediaCheckAsync },
};

/** wx-server-sdk's dotted names for the same APIs, to point callers the right way. */
export const DOTTED_EQUIVALENTS: Record<string, string> = {
  'security.msgSecCheck': '/wxa/msg_sec_check',
  'subscribeMessage.send': '/cgi-bin/message/subscribe/send',
  'wxacode.getUnlimited': '/wxa/getwxacodeunlimit',
  'security.imgSecCheck': '/wxa/img_sec_check',
  'security.mediaCheckAsync': '/wxa/media_check_async',
};
