// The storage.* /admin actions: metadata only. Bytes move over the local URLs
// these answers point at (routes.ts). A file ID that names no file of this
// environment answers STORAGE_FILE_NONEXIST, one of another environment
// STORAGE_EXCEED_AUTHORITY, per file, as CloudBase does.
import { createHash } from 'node:crypto';
import { basename } from 'node:path/posix';
import { invalidParam, unsupported } from '../core/errors';
import type { AdminHandler } from '../core/service';
import { cloudPathProblem } from './cloud-path';
import { fileIdFor, type ParsedFileId, parseFileId } from './file-id';
import type { CompiledRules, RuleAuth } from './rules';
import type { FileStore } from './state';
import type { UploadGrants } from './upload-grants';
import { encodedFileUrl, tempFileUrl, uploadUrl } from './urls';

/** CloudBase's documented cap for getTempFileURL, deleteFile and copyFile. */
export const MAX_BATCH = 50;

export interface StorageDeps {
  store: FileStore;
  grants: UploadGrants;
  rules: CompiledRules;
  envId: string;
  baseUrl: string;
}

const missing = { code: 'STORAGE_FILE_NONEXIST', message: 'file does not exist' };

/** A file ID that cannot name a file here is a file that does not exist (another environment's excepted). */
function unusable(parsed: Exclude<ParsedFileId, { ok: true }>) {
  return parsed.code === 'STORAGE_EXCEED_AUTHORITY' ? { code: parsed.code, message: parsed.message } : missing;
}

export function storageActions(deps: () => StorageDeps): Record<string, AdminHandler> {
  return {
    'storage.getUploadMetadata': ({ params }) => getUploadMetadata(deps(), params),
    'storage.batchGetDownloadUrl': ({ params }) => batchGetDownloadUrl(deps(), params),
    'storage.batchDeleteFile': ({ params }) => batchDeleteFile(deps(), params),
    'storage.batchCopyFile': ({ params }) => batchCopyFile(deps(), params),
    'storage.getFileAuthority': ({ params }) => getFileAuthority(deps(), params),
  };
}

function getUploadMetadata({ grants, envId, baseUrl }: StorageDeps, params: Record<string, unknown>) {
  const { path: cloudPath, method } = params;
  const problem = cloudPathProblem(cloudPath);
  if (problem) throw invalidParam(`getUploadMetadata: ${problem}`);
  if (method !== undefined && String(method).toLowerCase() !== 'put') {
    throw unsupported(
      `getUploadMetadata with method "${String(method)}": only "put" (what the node SDK sends) is emulated`,
    );
  }
  const path = cloudPath as string;
  const grant = grants.issue(path);
  return {
    data: {
      url: uploadUrl(baseUrl, path),
      token: grant.token,
      authorization: grant.authorization,
      fileId: fileIdFor(envId, path),
      cosFileId: grant.cosFileId,
      download_url: encodedFileUrl(baseUrl, path),
    },
  };
}

async function batchGetDownloadUrl({ store, envId, baseUrl }: StorageDeps, params: Record<string, unknown>) {
  const list = batch(params.file_list, 'file_list', MAX_BATCH);
  const items = list.map((item, i) => {
    const entry = item as { fileid?: unknown; max_age?: unknown; url_type?: unknown } | null;
    if (!entry || typeof entry !== 'object' || typeof entry.fileid !== 'string' || !entry.fileid) {
      throw invalidParam(`file_list[${i}].fileid must be a non-empty string`);
    }
    const maxAge = entry.max_age;
    if (maxAge !== undefined && (typeof maxAge !== 'number' || !Number.isFinite(maxAge) || maxAge < 0)) {
      throw invalidParam(`file_list[${i}].max_age must be a non-negative number of seconds`);
    }
    // The SDK skips its own encodeURI for COS_URL, so that URL must arrive escaped.
    return { fileID: entry.fileid, escaped: entry.url_type === 'COS_URL' };
  });
  const download_list = await Promise.all(
    items.map(async ({ fileID, escaped }) => {
      const parsed = parseFileId(fileID, envId);
      if (!parsed.ok) return { fileID, tempFileURL: '', ...unusable(parsed) };
      if (!(await store.stat(parsed.cloudPath))) return { fileID, tempFileURL: '', ...missing };
      const url = escaped ? encodedFileUrl(baseUrl, parsed.cloudPath) : tempFileUrl(baseUrl, parsed.cloudPath);
      return { fileID, tempFileURL: url, code: 'SUCCESS' };
    }),
  );
  return { data: { download_list } };
}

async function batchDeleteFile({ store, envId }: StorageDeps, params: Record<string, unknown>) {
  const list = batch(params.fileid_list, 'fileid_list', MAX_BATCH);
  list.forEach((fileID, i) => {
    if (typeof fileID !== 'string' || !fileID) throw invalidParam(`fileid_list[${i}] must be a non-empty string`);
  });
  const delete_list = [];
  // One at a time: the same ID twice must delete once and then report it missing.
  for (const fileID of list as string[]) {
    const parsed = parseFileId(fileID, envId);
    if (!parsed.ok) delete_list.push({ fileID, ...unusable(parsed) });
    else if (await store.remove(parsed.cloudPath)) delete_list.push({ fileID, code: 'SUCCESS' });
    else delete_list.push({ fileID, ...missing });
  }
  return { data: { delete_list } };
}

interface CopyItem {
  src: string;
  dst: string;
  overwrite: boolean;
  removeOriginal: boolean;
}

async function batchCopyFile({ store, envId }: StorageDeps, params: Record<string, unknown>) {
  const list = batch(params.file_list, 'file_list', MAX_BATCH);
  const items = list.map((raw, i): CopyItem => {
    const entry = (raw ?? {}) as Record<string, unknown>;
    const src = copyPath(entry.src_path, envId, `file_list[${i}].src_path`);
    const dst = copyPath(entry.dst_path, envId, `file_list[${i}].dst_path`);
    if (src === dst) throw invalidParam(`file_list[${i}]: src_path and dst_path must differ`);
    if (basename(src) !== basename(dst)) throw invalidParam(`file_list[${i}]: copying cannot rename the file`);
    // Documented default: overwrite an existing destination.
    return { src, dst, overwrite: entry.overwrite !== false, removeOriginal: entry.remove_original === true };
  });
  const copy_list = [];
  for (const { src, dst, overwrite, removeOriginal } of items) {
    const fileId = fileIdFor(envId, dst);
    const source = await store.read(src);
    if (!source) {
      copy_list.push({ fileId, code: 'STORAGE_FILE_NONEXIST', message: `source file ${src} does not exist` });
      continue;
    }
    if (!overwrite && (await store.stat(dst))) {
      copy_list.push({
        fileId,
        code: 'STORAGE_FILE_EXIST',
        message: `destination ${dst} exists and overwrite is false`,
      });
      continue;
    }
    await store.put(dst, source.bytes);
    if (removeOriginal) await store.remove(src);
    copy_list.push({ fileId, code: 'SUCCESS' });
  }
  return { data: { copy_list } };
}

/** Copy paths are cloud paths per the docs; a cloud:// ID of this env is accepted too. */
function copyPath(value: unknown, envId: string, label: string): string {
  if (typeof value === 'string' && value.startsWith('cloud://')) {
    const parsed = parseFileId(value, envId);
    if (!parsed.ok) throw invalidParam(`${label}: ${parsed.message}`);
    return parsed.cloudPath;
  }
  const problem = cloudPathProblem(value);
  if (problem) throw invalidParam(`${label}: ${problem.replace('cloudPath', 'path')}`);
  return value as string;
}

const TYPES = ['READ', 'WRITE', 'READWRITE'];

/**
 * What the end user named by openId / uid (what the SDK sends from the function's
 * context) may do with each file, by the storage rules.
 */
async function getFileAuthority({ store, rules, envId }: StorageDeps, params: Record<string, unknown>) {
  const list = batch(params.fileList, 'fileList', MAX_BATCH);
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const openid = text(params.openId);
  const uid = text(params.uid);
  if (!openid && !uid) throw invalidParam('getFileAuthority needs the end user: openId or uid');
  const auth: RuleAuth = { openid, uid, loginType: text(params.loginType) };
  const data = await Promise.all(
    list.map(async (item, i) => {
      const entry = item as { path?: unknown; type?: unknown } | null;
      if (!entry || typeof entry.path !== 'string' || !TYPES.includes(String(entry.type))) {
        throw invalidParam(`fileList[${i}] needs a path (a file ID) and a type: READ, WRITE or READWRITE`);
      }
      const parsed = parseFileId(entry.path, envId);
      const cloudPath = parsed.ok ? parsed.cloudPath : '';
      const file = parsed.ok ? await store.stat(cloudPath) : null;
      // A file not yet there would be the writer's own.
      const resource = { openid: file ? file.owner : (openid ?? uid), path: cloudPath };
      return {
        path: entry.path,
        cosFileId: createHash('sha1').update(`${envId}/${cloudPath}`).digest('base64url'),
        read: parsed.ok && rules.allows('read', auth, resource),
        write: parsed.ok && rules.allows('write', auth, resource),
      };
    }),
  );
  return { data };
}

function batch(value: unknown, name: string, max: number): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidParam(`${name} must be a non-empty array`);
  if (value.length > max) throw invalidParam(`${name} may hold at most ${max} files per call (got ${value.length})`);
  return value;
}
