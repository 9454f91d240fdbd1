// Honest progress reporting for a lecture. The server credits watched time no
// faster than real time (cloudfunctions/study/lectures/progress.ts), so the page
// reports where the player is at least every `everySec` seconds while playing,
// and at once on pause, end, hide and unload — never more often than that, and
// never the same position twice.

export interface ReporterOptions {
  /** The server's reportEverySec. */
  everySec: number;
  /** Where the player starts (the saved position). */
  startSec: number;
  /** Sends one report; a rejection is retried by the next report. */
  send(positionSec: number): Promise<void>;
  /** Milliseconds; Date.now by default. */
  now?: () => number;
}

/** Positions are reported to a tenth of a second. */
const round = (sec: number) => Math.round(Math.max(0, sec) * 10) / 10;

export class ProgressReporter {
  private position: number;
  private lastSentPos: number;
  private lastSentAt: number;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly opts: ReporterOptions) {
    this.now = opts.now ?? (() => Date.now());
    this.position = round(opts.startSec);
    this.lastSentPos = this.position;
    this.lastSentAt = this.now();
  }

  /** The current position (seconds). */
  get positionSec(): number {
    return this.position;
  }

  /** Playback (re)started: the next periodic report is due `everySec` from now. */
  started(): void {
    if (!this.inFlight) this.lastSentAt = this.now();
  }

  /** The player is at `sec` (timeupdate, the reading clock); reports when a report is due. */
  update(sec: number): void {
    this.position = round(sec);
    if (this.now() - this.lastSentAt >= this.opts.everySec * 1000) void this.flush();
  }

  /** Reports the current position now, unless it was reported already (pause, end, hide, unload). */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.inFlight) return this.inFlight.then(() => this.flush());
    const pos = this.position;
    if (pos === this.lastSentPos) return Promise.resolve();
    const previous = this.lastSentPos;
    this.lastSentPos = pos;
    this.lastSentAt = this.now();
    this.inFlight = this.opts
      .send(pos)
      .catch(() => {
        // Not credited: the next update or flush tries again (the server caps the gap anyway).
        if (this.lastSentPos === pos) this.lastSentPos = previous;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** No more reports (the lecture is gone, or the page reported its last). */
  stop(): void {
    this.stopped = true;
  }
}

/**
 * Reading time for articles: seconds the page is shown, added to where the
 * reader left off. `start()` on show, `pause()` on hide.
 */
export class ReadingClock {
  private base: number;
  private since: number | null = null;
  private readonly now: () => number;

  constructor(startSec: number, now?: () => number) {
    this.base = startSec;
    this.now = now ?? (() => Date.now());
  }

  start(): void {
    if (this.since === null) this.since = this.now();
  }

  pause(): void {
    if (this.since === null) return;
    this.base = this.seconds();
    this.since = null;
  }

  get running(): boolean {
    return this.since !== null;
  }

  /** Seconds read so far, including the current stretch. */
  seconds(): number {
    return this.since === null ? this.base : this.base + Math.floor((this.now() - this.since) / 1000);
  }
}
