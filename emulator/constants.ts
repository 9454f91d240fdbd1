// Ports, hosts and names the emulator and its tools agree on — in one place.
export const HOST = '127.0.0.1';
export const DEFAULT_PORT = 9600;
/** The CloudBase environment id the local functions see (SCF_NAMESPACE / TCB_ENV). */
export const DEFAULT_ENV_ID = 'local-dev';
/** Bucket part of local `cloud://` file IDs. */
export const STORAGE_BUCKET = 'local-1250000000';
/** Header carrying the caller's OPENID on /functions/<name> (local development only). */
export const OPENID_HEADER = 'x-wx-openid';
/** Default app id the function context reports. */
export const LOCAL_APPID = 'wx0000000000local';

/** Paths served by the one HTTP server. */
export const PATHS = {
  admin: '/admin',
  functions: '/functions/',
  storage: '/storage/',
  inspect: '/_emulator/',
} as const;

/** Environment variables `emulator:exec` sets for the command it runs. */
export const EXEC_ENV = {
  url: 'EMULATOR_URL',
  adminUrl: 'EMULATOR_ADMIN_URL',
  functionsUrl: 'EMULATOR_FUNCTIONS_URL',
  envId: 'EMULATOR_ENV_ID',
} as const;

/** Keep above the SDK's 4.8 s idle-socket timeout so reused sockets are never reset. */
export const KEEP_ALIVE_TIMEOUT_MS = 10_000;
