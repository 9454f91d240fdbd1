// Small HTTP helpers shared by every module's routes.
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CloudBase's request size limits (error EXCEED_MAX_PAYLOAD_SIZE): a cloud
 * function's request body may be 100 KB when it is text, 6 MB otherwise; any other
 * request 100 MB (uploads included).
 */
export const PAYLOAD_LIMITS = {
  functionText: 100 * 1024,
  function: 6 * 1024 * 1024,
  other: 100 * 1024 * 1024,
} as const;

/** Request bodies above this are refused (uploads included). */
export const MAX_BODY_BYTES = PAYLOAD_LIMITS.other;

/** Past the limit a body is read and dropped up to this much more, so the client gets its answer. */
const DRAIN_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the request body is over ${limit} bytes, CloudBase's limit for it`);
  }
}

/**
 * The whole body, or BodyTooLargeError once it has ended. An oversized body is
 * drained (not buffered) so that the refusal can still be answered on the same
 * connection; past DRAIN_BYTES more the connection is dropped.
 */
export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (!over && size > limit) {
        over = true;
        chunks.length = 0;
      }
      if (!over) chunks.push(c);
      else if (size > limit + DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => (over ? reject(new BodyTooLargeError(limit)) : resolve(Buffer.concat(chunks))));
    req.on('close', () => over && reject(new BodyTooLargeError(limit)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendBytes(res: ServerResponse, status: number, body: Buffer, contentType: string, head = false): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.length });
  res.end(head ? undefined : body);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
): void {
  sendBytes(res, status, Buffer.from(text), contentType);
}
