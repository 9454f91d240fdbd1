// Certificate numbers (pure): "ZY" + the issuing year + 16 characters of
// Crockford base32 from 80 random bits — unguessable, and 22 characters, inside
// the 32 a mini-program code's scene allows.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const NUMBER_PATTERN = /^ZY\d{4}[0-9A-HJKMNP-TV-Z]{16}$/;

/** `random` must hold at least 10 bytes. */
export function certificateNumber(year: number, random: Uint8Array): string {
  let bits = 0n;
  for (const b of random.subarray(0, 10)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return `ZY${year}${out}`;
}

export const VERIFY_PAGE = 'packages/volunteer/pages/verify/index';

export const verifyPath = (number: string) => `${VERIFY_PAGE}?no=${number}`;
