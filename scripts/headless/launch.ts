// Starts the headless mini-program runtime (test/headless/) with an emulator of its own,
// for the journeys and for `npm run devtools:headless`. Filled in by the runtime commit.
export interface Headless {
  /** ws://127.0.0.1:PORT — what automator.connect({ wsEndpoint }) takes. */
  wsEndpoint: string;
  emulatorUrl: string;
  stop(): Promise<void>;
}

export async function startHeadless(opts: { openid: string; adminOpenids: string[] }): Promise<Headless> {
  throw new Error(`startHeadless(${opts.openid}) is not built yet`);
}
