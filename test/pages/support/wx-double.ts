import * as backend from './backend';

// The one `wx` test double for page tests. Navigation, toasts and modals are
// recorded so tests can assert what a tap did; miniprogram-simulate adds its own
// stubs beneath anything not defined here.
export interface WxCall {
  api: string;
  args: unknown;
}

export interface WxDouble {
  calls: WxCall[];
  /** Calls of one API, newest last. */
  callsOf(api: string): unknown[];
  /**
   * Answers the next call of a recorded API with `result` instead of the default
   * (e.g. a cancelled modal, or an editable modal's typed `content`). Cleared by reset().
   */
  answerNext(api: RecordedApi, result: Record<string, unknown>): void;
  reset(): void;
}

const RECORDED = [
  'navigateTo',
  'redirectTo',
  'switchTab',
  'reLaunch',
  'navigateBack',
  'showToast',
  'hideToast',
  'showLoading',
  'hideLoading',
  'showModal',
  'stopPullDownRefresh',
  'setClipboardData',
  'showActionSheet',
  'previewImage',
  'makePhoneCall',
  'openLocation',
  'requestSubscribeMessage',
  'saveImageToPhotosAlbum',
] as const;

export type RecordedApi = (typeof RECORDED)[number];

export function installWxDouble(): WxDouble {
  const calls: WxCall[] = [];
  const answers = new Map<string, Record<string, unknown>[]>();
  const storage = new Map<string, unknown>();
  const wx: Record<string, unknown> = {
    // The backend: real functions and storage on an emulator (see backend.ts).
    cloud: {
      init: () => undefined,
      callFunction: ({ name, data }: { name: string; data: unknown }) => {
        calls.push({ api: 'cloud.callFunction', args: { name, data } });
        return backend.callFunction(name, data);
      },
      uploadFile: ({ cloudPath }: { cloudPath: string; filePath: string }) => {
        calls.push({ api: 'cloud.uploadFile', args: { cloudPath } });
        return backend.uploadFile(cloudPath);
      },
    },
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, statusBarHeight: 20, safeArea: {} }),
  };
  for (const api of RECORDED) {
    wx[api] = (args: { success?: (r: unknown) => void; complete?: () => void } = {}) => {
      calls.push({ api, args });
      const res =
        answers.get(api)?.shift() ?? (api === 'showModal' ? { confirm: true, cancel: false } : { errMsg: `${api}:ok` });
      args.success?.(res);
      args.complete?.();
      return Promise.resolve(res);
    };
  }
  (globalThis as unknown as { wx: unknown }).wx = wx;
  return {
    calls,
    callsOf: (api) => calls.filter((c) => c.api === api).map((c) => c.args),
    answerNext: (api, result) => {
      answers.set(api, [...(answers.get(api) ?? []), result]);
    },
    reset: () => {
      calls.length = 0;
      answers.clear();
    },
  };
}
