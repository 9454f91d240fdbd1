// Mutable state of the open API stand-ins: the block list, the subscribe-message
// outbox, and which users refuse which templates.

export interface OutboxMessage {
  msgid: number;
  sentAt: string;
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
}

export interface Refusal {
  openid: string;
  /** Absent: the user refuses every template. */
  templateId?: string;
}

export class OpenApiState {
  blockedWords: string[];
  readonly outbox: OutboxMessage[] = [];
  private readonly refusals = new Map<string, Refusal>();
  // Below 2^53 so JSON round-trips keep the id exact (WeChat's own msgids do not fit).
  private nextMsgid = 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);

  constructor(private readonly defaultWords: readonly string[]) {
    this.blockedWords = [...defaultWords];
  }

  newMsgid(): number {
    return this.nextMsgid++;
  }

  refuse(refusal: Refusal): void {
    this.refusals.set(refusalKey(refusal.openid, refusal.templateId), refusal);
  }

  refuses(openid: string, templateId: string): boolean {
    return this.refusals.has(refusalKey(openid)) || this.refusals.has(refusalKey(openid, templateId));
  }

  listRefusals(): Refusal[] {
    return [...this.refusals.values()];
  }

  clearRefusals(): void {
    this.refusals.clear();
  }

  reset(): void {
    this.blockedWords = [...this.defaultWords];
    this.outbox.length = 0;
    this.refusals.clear();
  }
}

const refusalKey = (openid: string, templateId?: string) => JSON.stringify([openid, templateId ?? null]);
