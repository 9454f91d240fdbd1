// The only code that talks to the backend. Every cloud function takes
// { action, data } and replies { ok, data } or { ok: false, code, message }.
import type { Reply } from '../../typings/errors';
import { ENV } from '../config/env';
import { ApiError } from './errors';

export function isLocalMode(): boolean {
  if (ENV.transport !== 'local') return false;
  // Never in trial or release builds, whatever the config says.
  return wx.getAccountInfoSync().miniProgram.envVersion === 'develop';
}

let cloudReady = false;
function ensureCloud() {
  if (cloudReady) return;
  wx.cloud.init({ env: ENV.cloudEnvId, traceUser: true });
  cloudReady = true;
}

function viaCloud(name: string, payload: object): Promise<unknown> {
  ensureCloud();
  return wx.cloud.callFunction({ name, data: payload }).then((res) => res.result);
}

function viaEmulator(name: string, payload: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${ENV.emulatorUrl}/functions/${name}`,
      method: 'POST',
      header: { 'content-type': 'application/json', 'x-wx-openid': ENV.devOpenid },
      data: payload,
      success: (res) => resolve(res.data),
      fail: reject,
    });
  });
}

export async function callFunction<T>(name: string, action: string, data: unknown): Promise<T> {
  let reply: Reply<T>;
  try {
    const payload = { action, data };
    reply = (await (isLocalMode() ? viaEmulator(name, payload) : viaCloud(name, payload))) as Reply<T>;
  } catch {
    throw new ApiError('NETWORK', '网络不给力，请检查网络后重试');
  }
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
    throw new ApiError('INTERNAL', '服务返回异常，请稍后再试');
  }
  if (!reply.ok) throw new ApiError(reply.code, reply.message, reply.requestId);
  return reply.data;
}
