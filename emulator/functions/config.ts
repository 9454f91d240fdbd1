// What the function host runs each function with. The emulator takes these as
// data (the dev CLI reads them from cloudbaserc.json); it never reads a project
// file itself.

export interface TimerTrigger {
  name: string;
  /** The 7-field CloudBase cron. */
  cron: string;
}

export interface FunctionConfig {
  name: string;
  timeoutSec: number;
  memoryMb: number;
  runtime: string;
  envVariables: Record<string, string>;
  triggers: TimerTrigger[];
}
