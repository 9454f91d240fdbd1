// The rotating check-in code, as plain functions of their inputs. A code is
// `<domain>.<eventId>.<slot>.<signature>`: the slot is floor(time / 10 s) in base
// 36, the signature the first 16 characters (96 bits) of the base64url
// HMAC-SHA256 of "signup-checkin:v1|<domain>:<eventId>|<slot>" under the server's
// secret. Only the server can make one; it names its event and its slot, so it
// is worthless for another event and after its slot (plus the grace, for the
// scan and the network). URL-safe and about 70 characters: a small QR code that
// wx.scanCode reads back as the same string.
//
// A check-out code (events that check out, e.g. volunteer activities) is the same
// with `.o` appended and signed over "signup-checkout:v1|…": a check-in code never
// checks anyone out, and a check-out code never checks anyone in.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CheckInPurpose } from '../../../../typings/signup';

export const SLOT_MS = 10_000;
/** A code is accepted this long after its slot ends. */
export const GRACE_MS = 20_000;
const SIGNATURE_CHARS = 16;
const PART = /^[A-Za-z0-9_-]{1,64}$/;

export const slotOf = (at: Date) => Math.floor(at.getTime() / SLOT_MS);

const SIGNED_AS: Record<CheckInPurpose, string> = { in: 'signup-checkin:v1', out: 'signup-checkout:v1' };
const OUT_MARK = 'o';

function signature(secret: string, eventKey: string, slot: number, purpose: CheckInPurpose): string {
  return createHmac('sha256', secret)
    .update(`${SIGNED_AS[purpose]}|${eventKey}|${slot}`)
    .digest('base64url')
    .slice(0, SIGNATURE_CHARS);
}

/** The code of an event for the slot of `at`, to check in (default) or out. */
export function signCode(secret: string, eventKey: string, at: Date, purpose: CheckInPurpose = 'in'): string {
  const slot = slotOf(at);
  const [domain, eventId] = splitKey(eventKey);
  const code = `${domain}.${eventId}.${slot.toString(36)}.${signature(secret, eventKey, slot, purpose)}`;
  return purpose === 'out' ? `${code}.${OUT_MARK}` : code;
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
  purpose: CheckInPurpose;
}

/** The parts of a scanned string, or null when it is no check-in code. */
export function parseCode(code: string): ParsedCode | null {
  if (code.length > 200) return null;
  const parts = code.split('.');
  const purpose: CheckInPurpose = parts.length === 5 && parts[4] === OUT_MARK ? 'out' : 'in';
  if (parts.length !== (purpose === 'out' ? 5 : 4)) return null;
  const [domain, eventId, slot36, sig] = parts as [string, string, string, string];
  if (!PART.test(domain) || !PART.test(eventId) || !/^[0-9a-z]{1,12}$/.test(slot36)) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(sig) || sig.length !== SIGNATURE_CHARS) return null;
  return { domain, eventId, slot: parseInt(slot36, 36), signature: sig, purpose };
}

/** wrong_purpose: a genuine code of the event, but to check in where one checks out, or the reverse. */
export type CodeVerdict = 'ok' | 'malformed' | 'other_event' | 'forged' | 'wrong_purpose' | 'expired' | 'not_yet';

/** Whether `code` admits to `eventKey` at `now`, for this purpose (default: check-in). */
export function verifyCode(
  secret: string,
  code: string,
  eventKey: string,
  now: Date,
  purpose: CheckInPurpose = 'in',
): CodeVerdict {
  const parsed = parseCode(code);
  if (!parsed) return 'malformed';
  if (`${parsed.domain}:${parsed.eventId}` !== eventKey) return 'other_event';
  const expected = Buffer.from(signature(secret, eventKey, parsed.slot, parsed.purpose));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged';
  if (parsed.purpose !== purpose) return 'wrong_purpose';
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
