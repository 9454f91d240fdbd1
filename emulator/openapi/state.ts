// Mutable state of the open API stand-ins: the block list, the subscribe-message
// outbox, which users refuse which templates, and the asynchronous media checks.
import type { MediaCheck, MediaVerdict } from './media-check';

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

/**
 * Why WeChat will not deliver: 43101 — no subscription left for the template
 * (never accepted, or used up); 20004 — the user switched subscribe messages off.
 */
export type RefusalCode = 43101 | 20004;

export const REFUSAL_MESSAGES: Record<RefusalCode, string> = {
  43101: 'user refuse to accept the msg',
  20004: 'the user has turned off the subscribe message',
};

export interface Refusal {
  openid: string;
  /** Absent: the user refuses every template. */
  templateId?: string;
  /** Absent: 43101. */
  errcode?: RefusalCode;
}

export class OpenApiState {
  blockedWords: string[];
  readonly outbox: OutboxMessage[] = [];
  private readonly refusals = new Map<string, Refusal>();
  /** Media checks asked for (media_check_async), oldest first. */
  readonly mediaChecks: MediaCheck[] = [];
  /** Verdicts tests set for media URLs containing a text (the latest match wins). */
  readonly mediaVerdicts: MediaVerdict[] = [];
  /** Media checks wait for POST …/media-checks/deliver instead of being pushed shortly after the call. */
  holdMediaChecks = false;
  /** This emulator's base URL, once started (media is read only from its own storage). */
  baseUrl = '';
  /** Told of each new media check (the service schedules its delivery). */
  onMediaCheck?: (check: MediaCheck) => void;
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

  /** The refusal that applies (one for this template first), or undefined. */
  refusal(openid: string, templateId: string): Refusal | undefined {
    return this.refusals.get(refusalKey(openid, templateId)) ?? this.refusals.get(refusalKey(openid));
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
    this.mediaChecks.length = 0;
    this.mediaVerdicts.length = 0;
    this.holdMediaChecks = false;
  }
}

const refusalKey = (openid: string, templateId?: string) => JSON.stringify([openid, templateId ?? null]);
