// The rotating check-in code as plain functions: slots, grace, binding to the
// event, the signature, and what fits a QR code; the secret's configuration.
import QRCode from 'qrcode';
import {
  GRACE_MS,
  parseCode,
  signCode,
  SLOT_MS,
  slotOf,
  slotTimes,
  verifyCode,
} from '../../cloudfunctions/_shared/engines/signup/code';
import { againstLocalEmulator, codeSecret } from '../../cloudfunctions/_shared/engines/signup/config';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const KEY = 'roundtable:0123456789abcdef0123456789abcdef';
const SLOT_START = new Date(Math.floor(Date.parse('2026-12-04T02:10:00Z') / SLOT_MS) * SLOT_MS);
const after = (ms: number) => new Date(SLOT_START.getTime() + ms);

describe('signing and verifying', () => {
  const code = signCode(SECRET, KEY, after(4_000));

  it('names its event and slot and is URL-safe, short enough for a small QR code', () => {
    expect(code).toMatch(/^roundtable\.0123456789abcdef0123456789abcdef\.[0-9a-z]+\.[A-Za-z0-9_-]{16}$/);
    expect(code.length).toBeLessThan(80);
    expect(encodeURIComponent(code)).toBe(code);
    expect(QRCode.create(code, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(5);
    expect(parseCode(code)).toMatchObject({ domain: 'roundtable', slot: slotOf(after(4_000)) });
  });

  it('is the same code for the whole slot and another one in the next', () => {
    expect(signCode(SECRET, KEY, after(9_999))).toBe(code);
    expect(signCode(SECRET, KEY, after(10_000))).not.toBe(code);
  });

  it('is accepted from its slot until 20 s after it ends', () => {
    expect(verifyCode(SECRET, code, KEY, after(0))).toBe('ok');
    expect(verifyCode(SECRET, code, KEY, after(SLOT_MS + GRACE_MS - 1))).toBe('ok');
    expect(verifyCode(SECRET, code, KEY, after(SLOT_MS + GRACE_MS))).toBe('expired');
    expect(verifyCode(SECRET, code, KEY, after(-1))).toBe('not_yet');
  });

  it('is refused for another event, under another secret, or altered', () => {
    expect(verifyCode(SECRET, code, 'roundtable:another', after(1))).toBe('other_event');
    expect(verifyCode(SECRET, code, 'volunteer:0123456789abcdef0123456789abcdef', after(1))).toBe('other_event');
    expect(verifyCode('another-secret-of-at-least-32-chars!!', code, KEY, after(1))).toBe('forged');
    const parts = code.split('.');
    const laterSlot = [parts[0], parts[1], (slotOf(after(1)) + 1).toString(36), parts[3]].join('.');
    expect(verifyCode(SECRET, laterSlot, KEY, after(SLOT_MS + 1))).toBe('forged');
    for (const junk of ['', 'x', 'a.b.c', `${code}.x`, code.replace(/\.[^.]+$/, '.short'), 'a'.repeat(300)]) {
      expect(verifyCode(SECRET, junk, KEY, after(1))).toBe('malformed');
    }
  });

  it('tells the screen when to refresh and until when the code is accepted', () => {
    expect(slotTimes(after(4_000))).toEqual({ refreshAt: after(SLOT_MS), validUntil: after(SLOT_MS + GRACE_MS) });
  });
});

describe('purposes: check-in and check-out codes', () => {
  const inCode = signCode(SECRET, KEY, after(4_000));
  const outCode = signCode(SECRET, KEY, after(4_000), 'out');

  it('a check-out code is the check-in code’s shape with `.o`, and another signature', () => {
    expect(outCode).toMatch(/^roundtable\.0123456789abcdef0123456789abcdef\.[0-9a-z]+\.[A-Za-z0-9_-]{16}\.o$/);
    expect(outCode.slice(0, -2)).not.toBe(inCode);
    expect(parseCode(outCode)).toMatchObject({ purpose: 'out', slot: slotOf(after(4_000)) });
    expect(parseCode(inCode)).toMatchObject({ purpose: 'in' });
    expect(signCode(SECRET, KEY, after(4_000), 'in')).toBe(inCode);
  });

  it('each is accepted for its own purpose only', () => {
    expect(verifyCode(SECRET, outCode, KEY, after(1), 'out')).toBe('ok');
    expect(verifyCode(SECRET, inCode, KEY, after(1), 'in')).toBe('ok');
    expect(verifyCode(SECRET, outCode, KEY, after(1))).toBe('wrong_purpose');
    expect(verifyCode(SECRET, inCode, KEY, after(1), 'out')).toBe('wrong_purpose');
  });

  it('appending the mark to a check-in code, or stripping it from a check-out code, forges nothing', () => {
    expect(verifyCode(SECRET, `${inCode}.o`, KEY, after(1), 'out')).toBe('forged');
    expect(verifyCode(SECRET, outCode.slice(0, -2), KEY, after(1), 'in')).toBe('forged');
    expect(verifyCode(SECRET, `${outCode}.o`, KEY, after(1), 'out')).toBe('malformed');
  });

  it('a check-out code keeps the slot and grace of a check-in code', () => {
    expect(verifyCode(SECRET, outCode, KEY, after(SLOT_MS + GRACE_MS), 'out')).toBe('expired');
    expect(verifyCode(SECRET, outCode, KEY, after(-1), 'out')).toBe('not_yet');
  });
});

describe('the secret', () => {
  const local = { TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://127.0.0.1:9600/admin' }) };
  const cloud = { TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'https://tcb-api.tencentcloudapi.com/admin' }) };

  it('comes from SIGNUP_CODE_SECRET, which must be at least 32 characters', () => {
    expect(codeSecret({ ...cloud, SIGNUP_CODE_SECRET: SECRET })).toBe(SECRET);
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(codeSecret({ ...cloud, SIGNUP_CODE_SECRET: 'short' })).toBeNull();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('shorter than 32'));
    error.mockRestore();
  });

  it('has a development default only against the local emulator; in production none', () => {
    expect(againstLocalEmulator(local)).toBe(true);
    expect(codeSecret(local)).toEqual(expect.any(String));
    expect(againstLocalEmulator(cloud)).toBe(false);
    expect(codeSecret(cloud)).toBeNull();
    expect(codeSecret({})).toBeNull();
    expect(codeSecret({ TCB_CONTEXT_CNFG: 'not json' })).toBeNull();
  });
});
