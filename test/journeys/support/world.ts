// The world a journey runs in, arranged through the real functions over HTTP on the
// emulator the mini-program talks to — as anyone (other riders, organisers), the
// same in both modes: headless (an emulator of the journey's own) and WeChat
// DevTools in local mode (`npm start`'s emulator, see docs/journeys.md).
import http from 'node:http';
import type { Call } from '../../support/arrange';

export interface JourneyWorld {
  /** The emulator's base URL, e.g. http://127.0.0.1:9600. */
  url: string;
  /** Calls `fn.action` as `openid` and returns the reply's data (throws naming the call when not ok). */
  call: Call;
  /** Uploads `content` (a 1×1 PNG by default) as `openid` and returns its file id. */
  uploadAs(openid: string, cloudPath: string, content?: Buffer, contentType?: string): Promise<string>;
}

function post(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

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
    async uploadAs(openid, cloudPath, content = PNG, contentType = 'image/png') {
      const boundary = '----journey' + Date.now();
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="cloudPath"\r\n\r\n${cloudPath}\r\n`),
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="f.png"\r\ncontent-type: ${contentType}\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await post(`${url}/storage/client-upload`, body, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-wx-openid': openid,
      });
      if (res.status !== 200) throw new Error(`upload ${cloudPath} as ${openid}: HTTP ${res.status} ${res.body}`);
      return (JSON.parse(res.body) as { fileID: string }).fileID;
    },
  };
}
