// Storage's HTTP routes: the PUT the SDK uploads to, the GET/HEAD its download
// URLs point at, a multipart upload for the mini-program in local development,
// and an inspection listing.
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody, sendJson } from '../core/http';
import type { Route } from '../core/service';
import { OPENID_HEADER } from '../constants';
import type { StorageDeps } from './actions';
import { cloudPathProblem } from './cloud-path';
import { contentTypeFor } from './content-type';
import { sendCosError } from './cos-reply';
import { fileIdFor } from './file-id';
import type { RuleAuth } from './rules';
import type { StoredFile } from './state';

export function storageRoutes(deps: () => StorageDeps): Route[] {
  return [
    { method: 'PUT', path: /^\/storage\/upload\/(.+)$/, handle: (req, res, [p]) => upload(deps(), req, res, p) },
    { method: 'GET', path: /^\/storage\/files\/(.+)$/, handle: (req, res, [p]) => download(deps(), req, res, p) },
    { method: 'POST', path: /^\/storage\/client-upload$/, handle: (req, res) => clientUpload(deps(), req, res) },
    { method: 'GET', path: /^\/_emulator\/storage$/, handle: (_req, res) => inspect(deps(), res) },
  ];
}

async function upload({ store, grants }: StorageDeps, req: IncomingMessage, res: ServerResponse, cloudPath: string) {
  let bytes: Buffer;
  try {
    // Read first even when the answer is a refusal: a half-read body would
    // poison the kept-alive socket.
    bytes = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return sendCosError(res, 400, 'EntityTooLarge', err.message, cloudPath);
    throw err;
  }
  const problem = cloudPathProblem(cloudPath);
  if (problem) return sendCosError(res, 400, 'InvalidArgument', problem, cloudPath);
  const token = req.headers['x-cos-security-token'];
  if (!grants.allows(cloudPath, typeof token === 'string' ? token : undefined)) {
    const why = 'no upload was authorised for this path: call getUploadMetadata for it first (tokens are per path)';
    return sendCosError(res, 403, 'AccessDenied', why, cloudPath);
  }
  await store.put(cloudPath, bytes);
  // Only now, with the bytes durable, is the upload acknowledged.
  res.writeHead(200, { 'content-length': 0, etag: `"${createHash('md5').update(bytes).digest('hex')}"` });
  res.end();
}

async function download({ store }: StorageDeps, req: IncomingMessage, res: ServerResponse, cloudPath: string) {
  const missing = () => sendCosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', cloudPath);
  if (cloudPathProblem(cloudPath)) return missing();
  if (req.method === 'HEAD') {
    const file = await store.stat(cloudPath);
    if (!file) return missing();
    res.writeHead(200, fileHeaders(file));
    return void res.end();
  }
  const found = await store.read(cloudPath);
  if (!found) return missing();
  res.writeHead(200, fileHeaders(found.file));
  res.end(found.bytes);
}

const fileHeaders = (file: StoredFile) => ({
  'content-type': contentTypeFor(file.cloudPath),
  'content-length': file.size,
  'last-modified': file.updatedAt.toUTCString(),
  'cache-control': 'no-store',
});

/**
 * The client identity of a local mini-program request: `x-wx-openid` as on
 * /functions/<name>. wx.cloud.uploadFile always runs as a logged-in WeChat user,
 * so a request without the header is a WeChat user whose openid the client did
 * not say (openid "").
 */
function clientAuth(req: IncomingMessage): RuleAuth {
  const openid = req.headers[OPENID_HEADER];
  return { openid: (Array.isArray(openid) ? openid[0] : openid) ?? '', loginType: 'WECHAT' };
}

/**
 * What wx.uploadFile sends: a `file` part and a `cloudPath` form field. Answers
 * { fileID }, or 403 STORAGE_EXCEED_AUTHORITY when the bucket's write rule refuses.
 */
async function clientUpload({ store, envId, rules }: StorageDeps, req: IncomingMessage, res: ServerResponse) {
  let form: { fields: Record<string, string>; file: Buffer | null; truncated: boolean };
  try {
    form = await readForm(req);
  } catch (err) {
    return sendJson(res, 400, { code: 'INVALID_PARAM', message: `bad multipart request: ${(err as Error).message}` });
  }
  if (form.truncated)
    return sendJson(res, 413, { code: 'INVALID_PARAM', message: `file over ${MAX_BODY_BYTES} bytes` });
  if (!form.file) return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'missing the file part "file"' });
  const cloudPath = form.fields.cloudPath;
  const problem = cloudPathProblem(cloudPath);
  if (problem) return sendJson(res, 400, { code: 'INVALID_PARAM', message: problem });
  const auth = clientAuth(req);
  const existing = await store.stat(cloudPath);
  // A new file would be the uploader's own.
  const resource = { openid: existing ? existing.owner : auth?.openid, path: cloudPath };
  if (!rules.allows('write', auth, resource)) {
    return sendJson(res, 403, {
      code: 'STORAGE_EXCEED_AUTHORITY',
      message: `the storage write rule refuses ${cloudPath} to this client`,
    });
  }
  await store.put(cloudPath, form.file, auth?.openid);
  sendJson(res, 200, { fileID: fileIdFor(envId, cloudPath) });
}

function readForm(req: IncomingMessage) {
  return new Promise<{ fields: Record<string, string>; file: Buffer | null; truncated: boolean }>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: Buffer | null = null;
    let truncated = false;
    const parser = busboy({ headers: req.headers, limits: { fileSize: MAX_BODY_BYTES, files: 1 } });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (name === 'file') chunks.push(c);
      });
      stream.on('limit', () => {
        truncated = true;
      });
      stream.on('end', () => {
        if (name === 'file') file = Buffer.concat(chunks);
      });
    });
    parser.on('close', () => resolve({ fields, file, truncated }));
    parser.on('error', reject);
    req.pipe(parser);
  });
}

async function inspect({ store, envId }: StorageDeps, res: ServerResponse) {
  const files = (await store.list()).sort((a, b) => (a.cloudPath < b.cloudPath ? -1 : 1));
  sendJson(
    res,
    200,
    files.map((f) => ({
      fileID: fileIdFor(envId, f.cloudPath),
      cloudPath: f.cloudPath,
      size: f.size,
      updatedAt: f.updatedAt.toISOString(),
    })),
  );
}
