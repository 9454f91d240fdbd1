// The rotating check-in code, as plain functions of their inputs. A code is
// `<domain>.<eventId>.<slot>.<signature>`: the slot is floor(time / 10 s) in base
// 36, the signature the first 16 characters (96 bits) of the base64url
// HMAC-SHA256 of "signup-checkin:v1|<domain>:<eventId>|<slot>" under the server's
// secret. Only the server can make one; it names its event and its slot, so it
// is worthless for another event and after its slot (plus the grace, for the
// scan and the network). URL-safe and about 70 characters: a small QR code that
// wx.scanCode reads back as the same string.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SLOT_MS = 10_000;
/** A code is accepted this long after its slot ends. */
export const GRACE_MS = 20_000;
const SIGNATURE_CHARS = 16;
const PART = /^[A-Za-z0-9_-]{1,64}$/;

export const slotOf = (at: Date) => Math.floor(at.getTime() / SLOT_MS);

function signature(secret: string, eventKey: string, slot: number): string {
  return createHmac('sha256', secret)
    .update(`signup-checkin:v1|${eventKey}|${slot}`)
    .digest('base64url')
    .slice(0, SIGNATURE_CHARS);
}

/** The code of an event for the slot of `at`. */
export function signCode(secret: string, eventKey: string, at: Date): string {
  const slot = slotOf(at);
  const [domain, eventId] = splitKey(eventKey);
  return `${domain}.${eventId}.${slot.toString(36)}.${signature(secret, eventKey, slot)}`;
}

function splitKey(eventKey: string): [string, string] {
  const i = eventKey.indexOf(':');
  return [eventKey.slice(0, i), eventKey.slice(i + 1)];
}

export interface ParsedCode {
  domain: string;
  eventId: string;
  slot: number;
  signature: string;
}

/** The parts of a scanned string, or null when it is no check-in code. */
export function parseCode(code: string): ParsedCode | null {
  if (code.length > 200) return null;
  const parts = code.split('.');
  if (parts.length !== 4) return null;
  const [domain, eventId, slot36, sig] = parts as [string, string, string, string];
  if (!PART.test(domain) || !PART.test(eventId) || !/^[0-9a-z]{1,12}$/.test(slot36)) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(sig) || sig.length !== SIGNATURE_CHARS) return null;
  return { domain, eventId, slot: parseInt(slot36, 36), signature: sig };
}

export type CodeVerdict = 'ok' | 'malformed' | 'other_event' | 'forged' | 'expired' | 'not_yet';

/** Whether `code` admits to `eventKey` at `now`. */
export function verifyCode(secret: string, code: string, eventKey: string, now: Date): CodeVerdict {
  const parsed = parseCode(code);
  if (!parsed) return 'malformed';
  if (`${parsed.domain}:${parsed.eventId}` !== eventKey) return 'other_event';
  const expected = Buffer.from(signature(secret, eventKey, parsed.slot));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged';
  const slotEnd = (parsed.slot + 1) * SLOT_MS;
  if (now.getTime() >= slotEnd + GRACE_MS) return 'expired';
  if (now.getTime() < parsed.slot * SLOT_MS) return 'not_yet';
  return 'ok';
}

/** When the slot of `at` ends, and until when its code is accepted. */
export function slotTimes(at: Date): { refreshAt: Date; validUntil: Date } {
  const end = (slotOf(at) + 1) * SLOT_MS;
  return { refreshAt: new Date(end), validUntil: new Date(end + GRACE_MS) };
}
