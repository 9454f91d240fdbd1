// The world a journey runs in, arranged through the real functions over HTTP on the
// emulator the mini-program talks to — as anyone (other riders, organisers), the
// same in both modes: headless (an emulator of the journey's own) and WeChat
// DevTools in local mode (an emulator at config/env.ts' emulatorUrl, see docs/journeys.md).
import { post, TINY_PNG, uploadForm } from '../../support/http';
import type { Call } from '../../support/arrange';

export interface JourneyWorld {
  /** The emulator's base URL, e.g. http://127.0.0.1:9600. */
  url: string;
  /** Calls `fn.action` as `openid` and returns the reply's data (throws naming the call when not ok). */
  call: Call;
  /** Uploads `content` (a 1×1 PNG by default) as `openid` and returns its file id. */
  uploadAs(openid: string, cloudPath: string, content?: Buffer, contentType?: string): Promise<string>;
}

export function worldAt(url: string): JourneyWorld {
  const call: Call = async <T>(openid: string, fn: string, action: string, data: unknown = {}) => {
    const res = await post(`${url}/functions/${fn}`, Buffer.from(JSON.stringify({ action, data })), {
      'content-type': 'application/json',
      'x-wx-openid': openid,
    });
    if (res.status !== 200) throw new Error(`${fn}.${action} as ${openid}: HTTP ${res.status} ${res.body}`);
    const reply = JSON.parse(res.body) as { ok: boolean; data: T; code?: string; message?: string };
    if (!reply.ok) throw new Error(`${fn}.${action} as ${openid}: ${reply.code} ${reply.message}`);
    return reply.data;
  };
  return {
    url,
    call,
    async uploadAs(openid, cloudPath, content = TINY_PNG, contentType = 'image/png') {
      const form = uploadForm(cloudPath, content, contentType);
      const res = await post(`${url}/storage/client-upload`, form.body, {
        'content-type': form.type,
        'x-wx-openid': openid,
      });
      if (res.status !== 200) throw new Error(`upload ${cloudPath} as ${openid}: HTTP ${res.status} ${res.body}`);
      return (JSON.parse(res.body) as { fileID: string }).fileID;
    },
  };
}
