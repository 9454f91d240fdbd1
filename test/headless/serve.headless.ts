// The headless runtime's process: jest runs this one "test" in the page tests'
// environment (scripts/headless/jest.config.js), which launches the app and serves
// the automator protocol until the client sends Tool.close (or the process is told
// to stop). `npm run devtools:headless` and the journeys start it through
// scripts/headless/launch.ts, which passes these settings.
import { writeFileSync } from 'node:fs';
import { captureOf, useFileServer } from '../screens/capture';
import { startCamera } from './camera';
import { launch } from './runtime';
import { serve } from './protocol';
import type { Context } from './handlers/context';
import { toolHandlers } from './handlers/tool';
import { appHandlers } from './handlers/app';
import { pageHandlers } from './handlers/page';
import { elementHandlers } from './handlers/element';

const setting = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`the headless runtime needs ${name}`);
  return v;
};

test('the headless mini-program runtime serves the automator protocol until Tool.close', async () => {
  const runtime = await launch({ backendUrl: setting('HEADLESS_BACKEND_URL'), openid: setting('HEADLESS_OPENID') });
  const fileUrl = useFileServer(runtime.backendUrl);
  const camera = startCamera();
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const ctx: Context = {
    runtime,
    server: null,
    async screenshot() {
      await runtime.idle();
      const top = runtime.router.current;
      if (!top) throw new Error('App.captureScreenshot: no page is open');
      const shot = await camera.photograph(captureOf(top.path, top.root, { fileUrl, errors: [] }));
      // What the camera saw wrong (a blank canvas, "undefined" on screen) reaches the spec's console.
      for (const finding of shot.findings)
        ctx.server?.emit('App.logAdded', { type: 'warn', args: [`camera: ${top.path}: ${finding}`] });
      return shot.png;
    },
    shutdown: () => stop(),
  };
  // What the page code throws and nobody catches reaches the client as DevTools reports it.
  const onRejection = (reason: unknown) =>
    ctx.server?.emit('App.exceptionThrown', {
      message: reason instanceof Error ? reason.message : String(reason),
      stack: reason instanceof Error ? (reason.stack ?? '') : '',
    });
  const onError = (event: ErrorEvent) => onRejection(event.error ?? event.message);
  process.on('unhandledRejection', onRejection);
  window.addEventListener('error', onError);
  process.once('SIGTERM', () => stop());
  const handlers = { ...toolHandlers(ctx), ...appHandlers(ctx), ...pageHandlers(ctx), ...elementHandlers(ctx) };
  const server = await serve(Number(process.env.HEADLESS_PORT ?? 0), handlers, (e) => console.error(e));
  ctx.server = server;
  writeFileSync(setting('HEADLESS_ENDPOINT_FILE'), `ws://127.0.0.1:${server.port}`);
  await stopped;
  process.off('unhandledRejection', onRejection);
  window.removeEventListener('error', onError);
  await server.close();
  await camera.stop();
}, 0x7fffffff);
