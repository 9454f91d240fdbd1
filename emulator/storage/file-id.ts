// cloud:// file IDs: `cloud://<envId>.<STORAGE_BUCKET>/<cloudPath>`, the shape
// CloudBase hands out (the real bucket part differs, which callers never parse).
import { STORAGE_BUCKET } from '../constants';
import { cloudPathProblem } from './cloud-path';

const SCHEME = 'cloud://';

export const fileIdFor = (envId: string, cloudPath: string) => `${SCHEME}${envId}.${STORAGE_BUCKET}/${cloudPath}`;

export type ParsedFileId = { ok: true; cloudPath: string } | { ok: false; code: string; message: string };

/** Per-item outcome: batch calls answer bad IDs with a code per file, not a failed call. */
export function parseFileId(fileId: string, envId: string): ParsedFileId {
  const host = `${envId}.${STORAGE_BUCKET}`;
  if (!fileId.startsWith(SCHEME)) {
    return { ok: false, code: 'INVALID_PARAM', message: `fileID must look like ${SCHEME}${host}/<cloudPath>` };
  }
  const rest = fileId.slice(SCHEME.length);
  const slash = rest.indexOf('/');
  const idHost = slash < 0 ? rest : rest.slice(0, slash);
  if (idHost !== host) {
    // Another environment's file is not ours to reach; another bucket of this one holds nothing.
    const idEnv = idHost.slice(0, idHost.indexOf('.') < 0 ? idHost.length : idHost.indexOf('.'));
    if (idEnv !== envId) {
      return {
        ok: false,
        code: 'STORAGE_EXCEED_AUTHORITY',
        message: `fileID belongs to the environment "${idEnv}", but this emulator serves ${SCHEME}${host}/`,
      };
    }
    return { ok: false, code: 'STORAGE_FILE_NONEXIST', message: `no such file: this environment's bucket is ${host}` };
  }
  const cloudPath = slash < 0 ? '' : rest.slice(slash + 1);
  const problem = cloudPathProblem(cloudPath);
  if (problem) return { ok: false, code: 'INVALID_PARAM', message: problem };
  return { ok: true, cloudPath };
}
