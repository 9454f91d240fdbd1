// The page tests' backend: wx.cloud.callFunction and wx.cloud.uploadFile reach the
// real functions and storage of an emulator over HTTP, as the calling user.
import { post as postHttp, type HttpReply, TINY_PNG, uploadForm } from '../../support/http';

export interface Backend {
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  openid: string;
}

let backend: Backend | null = null;
/** A pinned server clock (ISO) sent with every following call as `x-emulator-now`; null = real time. */
let pinnedNow: string | null = null;

export function useBackend(url: string, openid: string): void {
  backend = { url, openid };
}

/** Switches the signed-in WeChat user for following calls. */
export function actAs(openid: string): void {
  if (!backend) throw new Error('useBackend() first');
  backend.openid = openid;
}

/**
 * Pins the server's "now" for every following call (the page's and callAs), e.g. to
 * check in "yesterday" or to let 15 s pass between progress reports; null = real time.
 */
export function pinNow(at: string | number | Date | null): void {
  pinnedNow = at === null ? null : new Date(at).toISOString();
}

function post(path: string, body: Buffer, headers: Record<string, string>): Promise<HttpReply> {
  if (!backend) return Promise.reject(new Error('page test: no backend; call useBackend() in beforeAll'));
  return postHttp(new URL(path, backend.url), body, {
    ...headers,
    'x-wx-openid': backend.openid,
    ...(pinnedNow ? { 'x-emulator-now': pinnedNow } : {}),
  });
}

export async function callFunction(name: string, data: unknown): Promise<{ result: unknown; errMsg: string }> {
  const res = await post(`/functions/${name}`, Buffer.from(JSON.stringify(data ?? {})), {
    'content-type': 'application/json',
  });
  if (res.status !== 200) throw { errMsg: `cloud.callFunction:fail ${res.status} ${res.body}` };
  return { result: JSON.parse(res.body), errMsg: 'cloud.callFunction:ok' };
}

/** Uploads `content` (by default a 1×1 PNG) as the acting user. */
export async function uploadFile(
  cloudPath: string,
  content: Buffer = TINY_PNG,
  contentType = 'image/png',
): Promise<{ fileID: string; errMsg: string }> {
  const form = uploadForm(cloudPath, content, contentType);
  const res = await post('/storage/client-upload', form.body, { 'content-type': form.type });
  if (res.status !== 200) throw { errMsg: `cloud.uploadFile:fail ${res.body}` };
  return { fileID: (JSON.parse(res.body) as { fileID: string }).fileID, errMsg: 'cloud.uploadFile:ok' };
}

/**
 * Starts an emulator in its own process (the built functions, in memory) and
 * points the wx double at it as `openid`. Call once per test file, in beforeAll.
 */
export async function startBackend(
  openid: string,
  opts: { adminOpenids?: string[] } = {},
): Promise<{
  url: string;
  /** The emulator's SDK endpoint and env id, for arranging data the functions cannot (see test/support/sdk.ts). */
  adminUrl: string;
  envId: string;
  stop(): Promise<void>;
}> {
  const { spawnEmulator, waitForExit } = await import('../../../scripts/dev/process');
  const emu = await spawnEmulator(['--port', '0', '--memory', '--no-timers'], {
    ADMIN_OPENIDS: (opts.adminOpenids ?? ['test-superadmin']).join(','),
  });
  useBackend(emu.url, openid);
  return {
    url: emu.url,
    adminUrl: emu.adminUrl,
    envId: emu.envId,
    async stop() {
      emu.child.kill('SIGTERM');
      await waitForExit(emu.child);
    },
  };
}

/** Calls a function as someone (arranging data for a page test) and returns its data. */
export async function callAs<T = unknown>(
  openid: string,
  name: string,
  action: string,
  data: unknown = {},
): Promise<T> {
  const previous = backend?.openid;
  if (!backend) throw new Error('startBackend() first');
  backend.openid = openid;
  try {
    const { result } = await callFunction(name, { action, data });
    const reply = result as { ok: boolean; data: T; code?: string; message?: string };
    if (!reply.ok) throw new Error(`${name}.${action} as ${openid}: ${reply.code} ${reply.message}`);
    return reply.data;
  } finally {
    backend.openid = previous!;
  }
}

/** Uploads a file as someone (an organiser's lecture media, a candidate's photos) and returns its file id. */
export async function uploadAs(
  openid: string,
  cloudPath: string,
  content?: Buffer,
  contentType?: string,
): Promise<string> {
  if (!backend) throw new Error('startBackend() first');
  const previous = backend.openid;
  backend.openid = openid;
  try {
    return (await uploadFile(cloudPath, content, contentType)).fileID;
  } finally {
    backend.openid = previous;
  }
}
