// When the code on screen is due again, on the phone's clock: one ticking second
// counts down and, at zero, asks for the next code. The server's refreshAt is
// trusted only as a delay from now, and never beyond one slot, so a phone whose
// clock is off the server's never shows a code past its grace.

/** The server's slot: the code is fetched at least this often. */
export const SLOT_MS = 10_000;

/** How long to show a code whose refreshAt is `refreshAt`, seen at `now` (both on the same clock if they agree). */
export function showFor(refreshAt: string, now: number): number {
  const delay = Date.parse(refreshAt) - now;
  return delay > 0 && delay <= SLOT_MS ? delay : SLOT_MS;
}

export class Countdown {
  private timer: ReturnType<typeof setInterval> | null = null;
  private dueAt = 0;

  constructor(
    private readonly onSecond: (secondsLeft: number) => void,
    private readonly onDue: () => void,
  ) {}

  start(ms: number): void {
    this.stop();
    this.dueAt = Date.now() + ms;
    this.timer = setInterval(() => this.tick(), 1000);
    this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  private tick(): void {
    const left = this.dueAt - Date.now();
    if (left > 0) return this.onSecond(Math.ceil(left / 1000));
    this.stop();
    this.onDue();
  }
}
