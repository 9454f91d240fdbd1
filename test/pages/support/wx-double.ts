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
] as const;

export function installWxDouble(): WxDouble {
  const calls: WxCall[] = [];
  const wx: Record<string, unknown> = {
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, statusBarHeight: 20, safeArea: {} }),
  };
  for (const api of RECORDED) {
    wx[api] = (args: { success?: (r: unknown) => void; complete?: () => void } = {}) => {
      calls.push({ api, args });
      const res = api === 'showModal' ? { confirm: true, cancel: false } : { errMsg: `${api}:ok` };
      args.success?.(res);
      args.complete?.();
      return Promise.resolve(res);
    };
  }
  (globalThis as unknown as { wx: unknown }).wx = wx;
  return {
    calls,
    callsOf: (api) => calls.filter((c) => c.api === api).map((c) => c.args),
    reset: () => {
      calls.length = 0;
    },
  };
}
