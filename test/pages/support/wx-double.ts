import * as backend from './backend';

// The one `wx` test double for page tests. Navigation, toasts and modals are
// recorded so tests can assert what a tap did; miniprogram-simulate adds its own
// stubs beneath anything not defined here.
export interface WxCall {
  api: string;
  args: unknown;
}

/**
 * The phone's location and what its user answers, for getSetting, getLocation,
 * getPrivacySetting, openSetting and MapContext.moveToLocation (see locationApis).
 */
export interface LocationWorld {
  /** scope.userLocation as getSetting reports it: true (allowed), false (refused before), undefined (never asked). */
  auth: boolean | undefined;
  /** Whether WeChat's privacy guide still needs agreeing (getPrivacySetting's needAuthorization). */
  privacyPending: boolean;
  /** What the user taps when WeChat asks — its privacy guide, then the authorisation dialog. */
  answer: 'allow' | 'deny';
  /** Whether the user, on the settings page (openSetting), switches location on. */
  allowsInSettings: boolean;
  /** Where the phone is (gcj02); null: positioning fails (the phone's location service is off). */
  position: { latitude: number; longitude: number } | null;
}

export const defaultLocation = (): LocationWorld => ({
  auth: undefined,
  privacyPending: false,
  answer: 'deny',
  allowsInSettings: false,
  position: { latitude: 30.266, longitude: 120.15 },
});

export interface WxDouble {
  calls: WxCall[];
  /** The phone's location world; reset() restores defaultLocation(). Tests change its fields. */
  location: LocationWorld;
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
  'chooseLocation',
  'scanCode',
] as const;

export type RecordedApi = (typeof RECORDED)[number];

/** What a recorded API answers unless a test says otherwise (answerNext). */
const DEFAULT_ANSWERS: Partial<Record<RecordedApi, Record<string, unknown>>> = {
  showModal: { confirm: true, cancel: false },
  // Nothing picked: the user closed the map (what WeChat answers then).
  chooseLocation: { errMsg: 'chooseLocation:fail cancel' },
  // Nothing scanned: the user closed the camera. A test feeds a code with answerNext('scanCode', …) (see roundtable.ts).
  scanCode: { errMsg: 'scanCode:fail cancel' },
};

type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void };

/**
 * Answers like a wx API: success or fail (by the errMsg) and complete; called
 * without any callback (promise style), a promise that resolves or rejects —
 * WeChat returns one only then.
 */
function settle(args: Callbacks, res: Record<string, unknown>): Promise<unknown> | undefined {
  const failed = /:fail/.test(String(res.errMsg ?? ''));
  if (failed) args.fail?.(res);
  else args.success?.(res);
  args.complete?.(res);
  if (args.success || args.fail || args.complete) return undefined;
  return failed ? Promise.reject(res) : Promise.resolve(res);
}

/**
 * Location as WeChat does it: getSetting never asks; getLocation first shows the
 * privacy guide if it is pending, then asks for scope.userLocation if it was never
 * asked (each prompt is recorded as `prompt`), and fails at once if it was refused
 * before; openSetting returns what the user left switched on.
 */
function locationApis(calls: WxCall[], world: () => LocationWorld): Record<string, unknown> {
  const authSetting = () => {
    const w = world();
    return w.auth === undefined ? {} : { 'scope.userLocation': w.auth };
  };
  /** null when the user agreed to everything needed, else the errMsg. */
  const ask = (api: string): string | null => {
    const w = world();
    if (w.privacyPending) {
      calls.push({ api: 'prompt', args: { privacy: api } });
      if (w.answer === 'deny') return `${api}:fail privacy permission is not authorized`;
      w.privacyPending = false;
    }
    if (w.auth === undefined) {
      calls.push({ api: 'prompt', args: { scope: 'scope.userLocation' } });
      w.auth = w.answer === 'allow';
    }
    return w.auth ? null : `${api}:fail auth deny`;
  };
  return {
    getSetting: (args: Callbacks = {}) => {
      calls.push({ api: 'getSetting', args });
      return settle(args, { authSetting: authSetting(), errMsg: 'getSetting:ok' });
    },
    getPrivacySetting: (args: Callbacks = {}) => {
      calls.push({ api: 'getPrivacySetting', args });
      return settle(args, {
        needAuthorization: world().privacyPending,
        privacyContractName: '《新就业群体之家小程序隐私保护指引》',
        errMsg: 'getPrivacySetting:ok',
      });
    },
    getLocation: (args: Callbacks & { type?: string } = {}) => {
      calls.push({ api: 'getLocation', args });
      const refused = ask('getLocation');
      if (refused) return settle(args, { errMsg: refused });
      const at = world().position;
      if (!at) return settle(args, { errMsg: 'getLocation:fail system permission denied' });
      return settle(args, {
        ...at,
        speed: -1,
        accuracy: 65,
        altitude: 0,
        verticalAccuracy: 0,
        horizontalAccuracy: 65,
        errMsg: 'getLocation:ok',
      });
    },
    openSetting: (args: Callbacks = {}) => {
      calls.push({ api: 'openSetting', args });
      const w = world();
      if (w.allowsInSettings) w.auth = true;
      return settle(args, { authSetting: authSetting(), errMsg: 'openSetting:ok' });
    },
    /** A recorder of the map's context: every call as `MapContext.<method>` with the map's id. */
    createMapContext: (mapId: string) => {
      const method =
        (name: string, answer: (a: Record<string, unknown>) => Record<string, unknown> = () => ({})) =>
        (a: Callbacks & Record<string, unknown> = {}) => {
          calls.push({ api: `MapContext.${name}`, args: { mapId, ...a } });
          return settle(a, { errMsg: `${name}:ok`, ...answer(a) });
        };
      return {
        initMarkerCluster: method('initMarkerCluster'),
        includePoints: method('includePoints'),
        addMarkers: method('addMarkers'),
        removeMarkers: method('removeMarkers'),
        // Without a point it moves to the user's own position, which needs scope.userLocation.
        moveToLocation: (a: Callbacks & { latitude?: number; longitude?: number } = {}) => {
          calls.push({ api: 'MapContext.moveToLocation', args: { mapId, ...a } });
          if (a.latitude === undefined && world().auth !== true)
            return settle(a, { errMsg: 'moveToLocation:fail auth deny' });
          return settle(a, { errMsg: 'moveToLocation:ok' });
        },
        on: (event: string, handler: unknown) => calls.push({ api: 'MapContext.on', args: { mapId, event, handler } }),
      };
    },
  };
}

export function installWxDouble(): WxDouble {
  const calls: WxCall[] = [];
  const answers = new Map<string, Record<string, unknown>[]>();
  let location = defaultLocation();
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
    ...locationApis(calls, () => location),
  };
  for (const api of RECORDED) {
    wx[api] = (args: Callbacks = {}) => {
      calls.push({ api, args });
      const res = answers.get(api)?.shift() ?? DEFAULT_ANSWERS[api] ?? { errMsg: `${api}:ok` };
      return settle(args, res);
    };
  }
  (globalThis as unknown as { wx: unknown }).wx = wx;
  return {
    calls,
    get location() {
      return location;
    },
    set location(next: LocationWorld) {
      location = next;
    },
    callsOf: (api) => calls.filter((c) => c.api === api).map((c) => c.args),
    answerNext: (api, result) => {
      answers.set(api, [...(answers.get(api) ?? []), result]);
    },
    reset: () => {
      calls.length = 0;
      answers.clear();
      location = defaultLocation();
    },
  };
}
