// Timer triggers: each `type: "timer"` trigger fires on its cron (Asia/Shanghai),
// like CloudBase's, and can be fired on demand. Firing is the host's job; this
// only keeps the schedule.
import { nextFireTime, TIMER_TIME_ZONE, toSixFieldCron } from './cron';

/** What CloudBase passes as `event` to a timer-triggered function. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  /** UTC, second precision, as the platform sends it: 2024-01-01T16:05:00Z */
  Time: string;
  Message: string;
}

export function timerEvent(triggerName: string, time: Date): TimerEvent {
  return { Type: 'Timer', TriggerName: triggerName, Time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' };
}

export interface ScheduledTrigger {
  functionName: string;
  triggerName: string;
  /** The 7-field CloudBase cron. */
  cron: string;
}

// setTimeout cannot wait longer than this; longer waits are re-armed.
const MAX_DELAY_MS = 2 ** 31 - 1;

export class TimerScheduler {
  private readonly handles = new Map<string, NodeJS.Timeout>();
  private readonly nextAt = new Map<string, number>();
  private running = false;

  constructor(private readonly fire: (trigger: ScheduledTrigger, time: Date) => void) {}

  /** Throws (naming the trigger) if a cron is not usable, before anything is scheduled. */
  start(triggers: ScheduledTrigger[]): void {
    const compiled = triggers.map((t) => ({ t, six: compile(t) }));
    this.running = true;
    for (const { t, six } of compiled) this.arm(t, six, new Date());
  }

  stop(): void {
    this.running = false;
    for (const h of this.handles.values()) clearTimeout(h);
    this.handles.clear();
    this.nextAt.clear();
  }

  /** When each trigger fires next, for the banner. */
  describe(): string[] {
    return [...this.nextAt].map(([key, at]) => `${key} next ${formatLocal(at)} (${TIMER_TIME_ZONE})`);
  }

  private arm(t: ScheduledTrigger, six: string, after: Date): void {
    const key = `${t.functionName}/${t.triggerName}`;
    const at = nextFireTime(six, after);
    this.nextAt.set(key, at);
    const wait = () => {
      if (!this.running) return;
      const delay = at - Date.now();
      if (delay > 0) {
        // Unref'd: the HTTP server is what keeps the emulator alive, never a pending tick.
        this.handles.set(key, setTimeout(wait, Math.min(delay, MAX_DELAY_MS)).unref());
        return;
      }
      // Re-arm first, so a slow invocation never delays the next tick.
      this.arm(t, six, new Date(Math.max(at, Date.now())));
      this.fire(t, new Date(at));
    };
    wait();
  }
}

/** Validates a trigger's cron; the error names the function and trigger. */
export function compile(t: ScheduledTrigger): string {
  try {
    return toSixFieldCron(t.cron);
  } catch (err) {
    throw new Error(`function "${t.functionName}" timer trigger "${t.triggerName}": ${(err as Error).message}`);
  }
}

function formatLocal(ms: number): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone: TIMER_TIME_ZONE });
}
