/**
 * Swedish payment references: Bankgiro OCR numbers, bankgiro and plusgiro account numbers.
 * See nordic-formats.md §1 (sources: Bankgirot, barsoom/banktools-se, zerodep/ocrgenerator).
 *
 * OCR reference: 2–25 digits, the last one a Luhn (mod 10) check digit. With the optional
 * length digit (second to last) = total length mod 10, itself included in the Luhn sum.
 * Control levels agreed with Bankgirot:
 *   soft     — check digit expected (internet banks warn but let the payer continue)
 *   hard     — only a correct check digit is accepted
 *   variable — check digit and length digit
 *   fixed    — check digit, and the length is one of (at most two) agreed lengths
 * Soft and hard validate the same here: the difference is only in what the payer's bank lets
 * through, and a reference we create or match must always carry a correct check digit.
 */

export type OcrLevel = 'soft' | 'hard' | 'variable' | 'fixed';

export type OcrErrorCode = 'ocr-empty' | 'ocr-format' | 'ocr-length' | 'ocr-check-digit' | 'ocr-length-digit' | 'ocr-fixed-length';

export type OcrResult = { ok: true; ocr: string } | { ok: false; code: OcrErrorCode };

export const OCR_MIN_LENGTH = 2;
export const OCR_MAX_LENGTH = 25;

/** The Luhn check digit for a digit string (the digit that would be appended). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  let double = true; // the rightmost digit of the base is doubled once the check digit is appended
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** Luhn over a digit string whose last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/**
 * Validate an OCR reference at a control level. Spaces are ignored (people copy "1234 5678 9");
 * anything else that is not a digit is an error. For 'fixed', pass the agreed lengths.
 */
export function validateOcr(input: string, level: OcrLevel, options: { lengths?: readonly number[] } = {}): OcrResult {
  const s = (input ?? '').replace(/\s+/g, '');
  if (s === '') return { ok: false, code: 'ocr-empty' };
  if (!/^\d+$/.test(s)) return { ok: false, code: 'ocr-format' };
  if (s.length < OCR_MIN_LENGTH || s.length > OCR_MAX_LENGTH) return { ok: false, code: 'ocr-length' };
  if (!luhnValid(s)) return { ok: false, code: 'ocr-check-digit' };
  if (level === 'variable' && s.charCodeAt(s.length - 2) - 48 !== s.length % 10) return { ok: false, code: 'ocr-length-digit' };
  if (level === 'fixed' && !(options.lengths ?? []).includes(s.length)) return { ok: false, code: 'ocr-fixed-length' };
  return { ok: true, ocr: s };
}

/**
 * Make an OCR reference from a base number (e.g. member number + year).
 * - `lengthDigit`: append the length digit before the check digit (needed for 'variable').
 * - `fixedLength`: zero-pad the base on the left so the whole reference has this length.
 * Throws a RangeError (programming error) for a non-numeric base or a result outside 2–25 digits.
 */
export function makeOcr(base: string, options: { lengthDigit?: boolean; fixedLength?: number } = {}): string {
  if (!/^\d+$/.test(base)) throw new RangeError('ocr-format');
  const controls = options.lengthDigit ? 2 : 1;
  let body = base;
  if (options.fixedLength !== undefined) {
    const width = options.fixedLength - controls;
    if (body.length > width) throw new RangeError('ocr-length');
    body = body.padStart(width, '0');
  }
  const total = body.length + controls;
  if (total < OCR_MIN_LENGTH || total > OCR_MAX_LENGTH) throw new RangeError('ocr-length');
  if (options.lengthDigit) body += String(total % 10);
  return body + luhnCheckDigit(body);
}

// ---------------------------------------------------------------------------------------------
// Bankgiro and plusgiro numbers

export type GiroResult = { ok: true; number: string } | { ok: false; code: 'giro-empty' | 'giro-format' | 'giro-length' | 'giro-check-digit' };

function parseGiro(input: string, min: number, max: number): GiroResult {
  const raw = (input ?? '').trim();
  if (raw === '') return { ok: false, code: 'giro-empty' };
  if (/[^\d\s-]/.test(raw)) return { ok: false, code: 'giro-format' };
  const digits = raw.replace(/\D/g, '');
  if (digits.length < min || digits.length > max) return { ok: false, code: 'giro-length' };
  if (!luhnValid(digits)) return { ok: false, code: 'giro-check-digit' };
  return { ok: true, number: digits };
}

/** Bankgiro number: 7–8 digits, Luhn over all of them. Stored as digits. */
export function parseBankgiro(input: string): GiroResult {
  return parseGiro(input, 7, 8);
}

/** "54029681" → "5402-9681", "2973675" → "297-3675". */
export function formatBankgiro(digits: string): string {
  return /^\d{7,8}$/.test(digits) ? digits.slice(0, -4) + '-' + digits.slice(-4) : digits;
}

/** PlusGiro number: 2–8 digits, Luhn over all of them. Stored as digits. */
export function parsePlusgiro(input: string): GiroResult {
  return parseGiro(input, 2, 8);
}

/** Pairs from the right, the check digit after a hyphen: "2865434" → "28 65 43-4", "41054685" → "410 54 68-5". */
export function formatPlusgiro(digits: string): string {
  if (!/^\d{2,8}$/.test(digits)) return digits;
  const body = digits.slice(0, -1);
  const lead = body.length % 2;
  const pairs: string[] = [];
  for (let i = lead; i < body.length; i += 2) pairs.push(body.slice(i, i + 2));
  return body.slice(0, lead) + pairs.join(' ') + '-' + digits.slice(-1);
}
