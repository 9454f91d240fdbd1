// Answers in COS's shape for the byte routes. The SDK ignores the PUT status and
// reads only the XML: a failure must be <Error> with Code, Message, RequestId
// and TraceId all present, or the SDK crashes with a raw TypeError.
import type { ServerResponse } from 'node:http';
import { newRequestId } from '../core/ids';

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

export function sendCosError(res: ServerResponse, status: number, code: string, message: string, resource: string) {
  const requestId = newRequestId();
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n` +
    `  <Code>${escapeXml(code)}</Code>\n  <Message>${escapeXml(message)}</Message>\n` +
    `  <Resource>${escapeXml(resource)}</Resource>\n  <RequestId>${requestId}</RequestId>\n` +
    `  <TraceId>${requestId}</TraceId>\n</Error>\n`;
  const body = Buffer.from(xml);
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': body.length,
    'x-cos-request-id': requestId,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
