// Command-line flags shared by `npm run emulator` and `npm start`.
import { DEFAULT_PORT } from '../../emulator/constants';

export interface EmulatorArgs {
  port: number;
  dataDir: string | null;
  seed: boolean;
  timers: boolean;
  /** database.json to declare collections from (tools such as benchmarks use their own). */
  schema: string | null;
}

const USAGE =
  'usage: npm run emulator -- --port <P> (--memory | --data <dir>) [--seed] [--no-timers] [--schema <database.json>]';

export function parseEmulatorArgs(argv: string[], defaults: Partial<EmulatorArgs> = {}): EmulatorArgs {
  const args: EmulatorArgs = {
    port: Number(process.env.PORT ?? defaults.port ?? DEFAULT_PORT),
    dataDir: defaults.dataDir ?? null,
    seed: defaults.seed ?? false,
    timers: defaults.timers ?? true,
    schema: defaults.schema ?? null,
  };
  let memory = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--port') args.port = Number(value());
    else if (a === '--data') args.dataDir = value();
    else if (a === '--memory') memory = true;
    else if (a === '--seed') args.seed = true;
    else if (a === '--no-timers') args.timers = false;
    else if (a === '--schema') args.schema = value();
    else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  if (memory) args.dataDir = null;
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error(`invalid port\n${USAGE}`);
  return args;
}
