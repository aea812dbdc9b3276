/**
 * Norwegian KID (kundeidentifikasjon) and bank account numbers. See nordic-formats.md §5.
 *
 * KID: digits with a check digit, MOD10 (Luhn) or MOD11 as agreed with the bank (Nets). The
 * length is agreed too; sources disagree on the minimum (2 or 3), so 2–25 is accepted here.
 * MOD11: weights 2,3,4,5,6,7 repeating from the right; check = 11 − (sum mod 11); 11 → 0, and
 * 10 → "-" (some KIDs really end in a hyphen).
 */
import { luhnCheckDigit } from './ocr';

export type KidMode = 'MOD10' | 'MOD11';

export type KidErrorCode = 'kid-empty' | 'kid-format' | 'kid-length' | 'kid-check-digit';
export type KidResult = { ok: true; kid: string } | { ok: false; code: KidErrorCode };

export const KID_MIN_LENGTH = 2;
export const KID_MAX_LENGTH = 25;

/** MOD11 weighted sum: weights 2..7 cycling from the rightmost digit. 10 means "-". */
function mod11(digits: string): number {
  let sum = 0;
  let w = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * w;
    w = w === 7 ? 2 : w + 1;
  }
  const r = 11 - (sum % 11);
  return r === 11 ? 0 : r;
}

/** The check character for a KID base: "0"–"9", or "-" for MOD11 remainder 10. */
export function kidCheckDigit(base: string, mode: KidMode): string {
  if (mode === 'MOD10') return String(luhnCheckDigit(base));
  const c = mod11(base);
  return c === 10 ? '-' : String(c);
}

/**
 * Make a KID from a base number (e.g. member number + year). `length` zero-pads the base on
 * the left so the KID has exactly that many characters. Throws RangeError for a non-numeric
 * base or a KID outside 2–25 characters (programming errors).
 */
export function makeKid(base: string, mode: KidMode, options: { length?: number } = {}): string {
  if (!/^\d+$/.test(base)) throw new RangeError('kid-format');
  let body = base;
  if (options.length !== undefined) {
    if (body.length > options.length - 1) throw new RangeError('kid-length');
    body = body.padStart(options.length - 1, '0');
  }
  if (body.length + 1 < KID_MIN_LENGTH || body.length + 1 > KID_MAX_LENGTH) throw new RangeError('kid-length');
  return body + kidCheckDigit(body, mode);
}

/** Validate a KID with the agreed mode. Spaces are ignored; a final "-" is accepted for MOD11. */
export function validateKid(input: string, mode: KidMode): KidResult {
  const s = (input ?? '').replace(/\s+/g, '');
  if (s === '') return { ok: false, code: 'kid-empty' };
  if (!/^\d+-?$/.test(s) || (mode === 'MOD10' && s.endsWith('-'))) return { ok: false, code: 'kid-format' };
  if (s.length < KID_MIN_LENGTH || s.length > KID_MAX_LENGTH) return { ok: false, code: 'kid-length' };
  if (kidCheckDigit(s.slice(0, -1), mode) !== s.slice(-1)) return { ok: false, code: 'kid-check-digit' };
  return { ok: true, kid: s };
}

// ---------------------------------------------------------------------------------------------
// Norwegian bank account numbers: 11 digits, MOD11 (weights 5,4,3,2,7,6,5,4,3,2); a remainder
// giving 10 is never issued. Shown as NNNN.NN.NNNNN.

export type AccountResult = { ok: true; account: string } | { ok: false; code: 'account-empty' | 'account-format' | 'account-check-digit' };

export function parseNorwegianAccount(input: string): AccountResult {
  const raw = (input ?? '').trim();
  if (raw === '') return { ok: false, code: 'account-empty' };
  if (/[^\d\s.-]/.test(raw)) return { ok: false, code: 'account-format' };
  const s = raw.replace(/[\s.-]+/g, '');
  if (!/^\d{11}$/.test(s)) return { ok: false, code: 'account-format' };
  const c = mod11(s.slice(0, 10));
  if (c === 10 || c !== s.charCodeAt(10) - 48) return { ok: false, code: 'account-check-digit' };
  return { ok: true, account: s };
}

/** "12345678903" → "1234.56.78903". */
export function formatNorwegianAccount(digits: string): string {
  return /^\d{11}$/.test(digits) ? `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}` : digits;
}
