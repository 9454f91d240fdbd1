// `npm run devtools:headless`: the mini-program without WeChat DevTools — the app's pages in
// the page tests' runtime, Chromium as the camera — speaking DevTools' automation protocol, so
// `automator.connect({ wsEndpoint })` from miniprogram-automator drives it.
//   --port <P>      the WebSocket port (default 9420)
//   --backend <URL> an emulator already running (e.g. `npm start`'s demo on http://127.0.0.1:9600);
//                   without it, an empty in-memory emulator of its own (superadmin: test-superadmin)
//   --openid <ID>   who the app is signed in as (default: config/env.ts' devOpenid)
// Ctrl-C stops it; so does the client's mp.close().
import { ENV } from '../../miniprogram/config/env';
import { buildFunctions } from '../build-functions';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { FUNCTION_SOURCES } from '../manifests/paths';
import { startHeadless } from './launch';

const USAGE = 'usage: npm run devtools:headless -- [--port 9420] [--backend <emulator URL>] [--openid <OPENID>]';

function parse(argv: string[]): { port: number; backend: string | null; openid: string } {
  const out = { port: 9420, backend: null as string | null, openid: ENV.devOpenid };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (flag === '--port') out.port = Number(value);
    else if (flag === '--backend') out.backend = value.replace(/\/$/, '');
    else if (flag === '--openid') out.openid = value;
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (!Number.isInteger(out.port) || out.port < 0) throw new Error(`--port must be a port number\n${USAGE}`);
  return out;
}

async function main() {
  const args = parse(process.argv.slice(2));
  if (!args.backend) {
    console.log('› Building cloud functions…');
    await buildFunctions({ srcDir: FUNCTION_SOURCES, outDir: loadCloudbaseConfig().functionRoot });
  }
  console.log('› Starting the headless mini-program…');
  const headless = await startHeadless({
    openid: args.openid,
    adminOpenids: ['test-superadmin'],
    port: args.port,
    ...(args.backend ? { emulatorUrl: args.backend } : {}),
  });
  console.log(
    [
      '',
      `Headless mini-program ready: ${headless.wsEndpoint}`,
      `  signed in as ${args.openid}, backend ${headless.emulatorUrl}`,
      `  automator.connect({ wsEndpoint: '${headless.wsEndpoint}' })`,
      '',
      'Ctrl-C stops it.',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await headless.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // The client's mp.close() ends the runtime: then this ends too.
  await headless.exited;
  await stop(0);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
