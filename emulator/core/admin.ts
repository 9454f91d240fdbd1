// POST /admin: the one URL @cloudbase/node-sdk sends every call to. Decodes the
// envelope (JSON, or multipart for wx.openApi), routes `action` to the module that
// registered it, and answers in the production shape — always HTTP 200.
import busboy from 'busboy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError, payloadTooLarge, toErrorBody, unsupported } from './errors';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody, sendBytes, sendJson } from './http';
import { newRequestId } from './ids';
import { type AdminHandler, type AdminRequest, RawReply } from './service';

const ENVELOPE_FIELDS = [
  'action',
  'envName',
  'wxCloudApiToken',
  'wxCloudbaseAccesstoken',
  'tcb_sessionToken',
  'crossAuthorizationToken',
  'sessionToken',
];

/** Requests served per action: round trips are the cost model of CloudBase (benchmarks read it). */
export interface AdminStats {
  total: number;
  byAction: Record<string, number>;
}

export function createAdminEndpoint(actions: Map<string, AdminHandler>, log: (m: string) => void, stats: AdminStats) {
  return async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = newRequestId();
    stats.total++;
    try {
      const { fields, files } = await decode(req);
      const action = typeof fields.action === 'string' ? fields.action : '';
      if (!action) throw new EmulatorError('INVALID_PARAM', 'missing action');
      stats.byAction[action] = (stats.byAction[action] ?? 0) + 1;
      const handler = actions.get(action);
      if (!handler) throw unsupported(`the action "${action}"`);
      const params: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) if (!ENVELOPE_FIELDS.includes(k)) params[k] = v;
      const env = (typeof fields.envName === 'string' && fields.envName) || url.searchParams.get('env') || '';
      const request: AdminRequest = { action, params, env, requestId, headers: req.headers, files };
      const reply = await handler(request);
      if (reply instanceof RawReply) sendBytes(res, 200, reply.body, reply.contentType);
      else sendJson(res, 200, { requestId, ...reply });
    } catch (err) {
      if (!(err instanceof EmulatorError)) log(`admin: ${(err as Error)?.stack ?? String(err)}`);
      sendJson(res, 200, toErrorBody(err, requestId));
    }
  };
}

async function decode(
  req: IncomingMessage,
): Promise<{ fields: Record<string, unknown>; files: Record<string, Buffer> }> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) return decodeMultipart(req);
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw payloadTooLarge(err.message);
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8') || 'null');
  } catch {
    throw new EmulatorError('INVALID_PARAM', 'request body is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new EmulatorError('INVALID_PARAM', 'request body must be a JSON object');
  }
  return { fields: parsed as Record<string, unknown>, files: {} };
}

function decodeMultipart(
  req: IncomingMessage,
): Promise<{ fields: Record<string, unknown>; files: Record<string, Buffer> }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, unknown> = {};
    const files: Record<string, Buffer> = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: MAX_BODY_BYTES } });
    } catch (err) {
      reject(new EmulatorError('INVALID_PARAM', `bad multipart request: ${(err as Error).message}`));
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('limit', () => reject(payloadTooLarge(new BodyTooLargeError(MAX_BODY_BYTES).message)));
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        files[name] = Buffer.concat(chunks);
      });
    });
    parser.on('close', () => resolve({ fields, files }));
    parser.on('error', (err) =>
      reject(new EmulatorError('INVALID_PARAM', `bad multipart request: ${(err as Error).message}`)),
    );
    req.pipe(parser);
  });
}
