// Turns a wx.api / wx.openApi /admin request into (apiName, WeChat JSON body).
//   wx.api:     requestData is a JSON string field.
//   wx.openApi: multipart; requestData is a binary part (busboy files) or, from
//               other clients, a text field.
// wx-server-sdk's cloud.openapi.* also uses wx.openApi, but with a dotted
// apiName and a protobuf body; that encoding is not emulated and is refused
// with a pointer to the JSON route.
import { invalidParam, unsupported } from '../core/errors';
import type { AdminRequest } from '../core/service';
import { DOTTED_EQUIVALENTS } from './apis';
import { isPlainObject } from './wx-reply';

const DOTTED_NAME = /^[A-Za-z]\w*(\.\w+)+$/;

export function apiNameOf(req: AdminRequest): string {
  const raw = req.params.apiName;
  if (typeof raw !== 'string' || !raw) throw invalidParam('apiName must be a non-empty string');
  if (DOTTED_NAME.test(raw)) {
    const path = DOTTED_EQUIVALENTS[raw];
    const hint = path
      ? `call app.callCompatibleWxOpenApi({ apiName: '${path}', requestData: Buffer.from(JSON.stringify(body)) }) instead`
      : 'call the WeChat HTTP path (e.g. /wxa/msg_sec_check) with a JSON body instead';
    throw unsupported(
      `wx-server-sdk style open API calls ("${raw}"): their protobuf CommApiData encoding is not emulated; ${hint}`,
    );
  }
  // WeChat paths are sometimes passed with ?access_token=…; the token means nothing locally.
  return raw.split('?')[0];
}

/** requestData as raw bytes (an image for a media API): the binary part, or a text field's bytes. */
export function mediaOf(req: AdminRequest): Buffer {
  const file = req.files.requestData;
  if (file) return file;
  const field = req.params.requestData;
  return typeof field === 'string' ? Buffer.from(field, 'latin1') : Buffer.alloc(0);
}

export function requestDataOf(req: AdminRequest): Record<string, unknown> {
  const file = req.files.requestData;
  const field = req.params.requestData;
  const text = file ? file.toString('utf8') : typeof field === 'string' ? field : '';
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParam(
      'requestData is not JSON: send WeChat’s JSON body (protobuf requests from wx-server-sdk are not emulated)',
    );
  }
  if (!isPlainObject(parsed)) throw invalidParam('requestData must be a JSON object');
  return parsed;
}
