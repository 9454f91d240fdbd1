// Delivers media-check verdicts as WeChat's message push: each queued check's
// verdict is worked out (media-check.ts) and its push event invoked on the
// function the message-push configuration names, through the function host —
// shortly after the call, or when a test says so.
import type { MediaCheck, MediaPush } from './media-check';
import { MEDIA_CHECK_EVENT, pushOf, verdictOf } from './media-check';
import type { OpenApiState } from './state';

/** What delivery needs of the function host. */
export interface PushInvoker {
  invoke(name: string, event: unknown, caller: { kind: 'server' }): Promise<{ json: string | undefined }>;
}

export interface MediaPushOptions {
  /** event → function, as 消息推送 is configured in the console (e.g. wxa_media_check → cases). */
  messagePush: Record<string, string>;
  /** How long after the call a verdict is pushed (WeChat: within 30 minutes). */
  delayMs: number;
}

export class MediaPushes {
  private readonly timers = new Set<NodeJS.Timeout>();
  private invoker: (() => PushInvoker | undefined) | null = null;

  constructor(
    private readonly state: OpenApiState,
    private readonly opts: MediaPushOptions,
  ) {}

  /** The function that receives media-check pushes, if one is configured. */
  get target(): string | undefined {
    return this.opts.messagePush[MEDIA_CHECK_EVENT];
  }

  start(invoker: () => PushInvoker | undefined): void {
    this.invoker = invoker;
    this.state.onMediaCheck = (check) => this.schedule(check);
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.state.onMediaCheck = undefined;
  }

  private schedule(check: MediaCheck): void {
    if (this.state.holdMediaChecks || !this.target || !this.invoker?.()) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.state.holdMediaChecks) void this.deliver([check]);
    }, this.opts.delayMs);
    t.unref();
    this.timers.add(t);
  }

  /** Whether pushes can be delivered here (a function host and a configured target). */
  canDeliver(): boolean {
    return !!this.target && !!this.invoker?.();
  }

  /** Pushes the queued checks' verdicts now; how many were delivered and how many failed. */
  async deliver(checks = this.queued()): Promise<{ delivered: number; failed: number }> {
    const host = this.invoker?.();
    const target = this.target;
    let delivered = 0;
    let failed = 0;
    for (const check of checks) {
      if (check.status !== 'queued' || !host || !target) continue;
      check.status = 'delivered';
      check.push = pushOf(check, await verdictOf(check, this.state));
      try {
        await host.invoke(target, check.push, { kind: 'server' });
        delivered++;
      } catch (err) {
        check.status = 'failed';
        check.error = (err as Error).message;
        failed++;
      }
    }
    return { delivered, failed };
  }

  /** The queued checks' pushes, marked taken, for a harness that delivers them itself. */
  async take(): Promise<MediaPush[]> {
    const pushes: MediaPush[] = [];
    for (const check of this.queued()) {
      check.status = 'taken';
      check.push = pushOf(check, await verdictOf(check, this.state));
      pushes.push(check.push);
    }
    return pushes;
  }

  private queued(): MediaCheck[] {
    return this.state.mediaChecks.filter((c) => c.status === 'queued');
  }
}
