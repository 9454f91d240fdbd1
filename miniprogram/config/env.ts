// The one place that chooses how the mini-program reaches its backend.
//
//   transport 'cloud': wx.cloud.callFunction to the CloudBase environment below —
//                      what every trial and release build uses.
//   transport 'local': HTTP to the local emulator (`npm start`) with a fixed dev
//                      identity. Honoured only in the develop version (DevTools);
//                      trial and release builds always use 'cloud'.
export const ENV = {
  transport: 'cloud' as 'cloud' | 'local',
  /** Your CloudBase environment id (云开发控制台 → 环境 ID). */
  cloudEnvId: 'your-cloudbase-env-id',
  /** Where `npm start` runs the emulator. */
  emulatorUrl: 'http://127.0.0.1:9600',
  /** The OPENID the emulator sees in local mode (e.g. one listed in ADMIN_OPENIDS). */
  devOpenid: 'dev-worker',
};
