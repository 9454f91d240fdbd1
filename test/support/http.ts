// Calling the emulator over HTTP as the mini-program does (the page tests' wx double and the
// journeys' world both do): a POST with headers, and a file upload as multipart form data.
import http from 'node:http';

export interface HttpReply {
  status: number;
  body: string;
}

export function post(url: URL | string, body: Buffer, headers: Record<string, string>): Promise<HttpReply> {
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

/** A 1×1 PNG stands in for whatever file the user picked. */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** The body and content type of /storage/client-upload's form: the cloud path and the file. */
export function uploadForm(cloudPath: string, content: Buffer, contentType: string): { body: Buffer; type: string } {
  const boundary = '----upload' + Date.now();
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="cloudPath"\r\n\r\n${cloudPath}\r\n`),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="f.png"\r\ncontent-type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}
