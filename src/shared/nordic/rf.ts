/**
 * ISO 11649 creditor reference ("RF reference"). See nordic-formats.md §6.
 * "RF" + 2 check digits + 1–21 letters/digits (5–25 characters). Valid when, with the first four
 * characters moved to the end and letters read as 10–35, the number mod 97 is 1.
 *
 * Leading zeros do not change the check digits (RF741 and RF740000000001 are both valid), so
 * references must be matched as exact strings, never as numbers.
 */

export type RfErrorCode = 'rf-empty' | 'rf-format' | 'rf-length' | 'rf-check-digits';
export type RfResult = { ok: true; rf: string } | { ok: false; code: RfErrorCode };

/** Mod 97 of the digit string obtained by reading letters as 10–35 (chunked, no BigInt needed). */
function mod97(s: string): number {
  let r = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else r = (r * 100 + (c - 55)) % 97; // 'A' (65) → 10
  }
  return r;
}

const compact = (s: string): string => (s ?? '').replace(/\s+/g, '').toUpperCase();

/** Make "RF47 1234567890"-style references (returned compact: "RF471234567890"). Throws RangeError for bad input. */
export function makeRf(reference: string): string {
  const ref = compact(reference);
  if (!/^[0-9A-Z]{1,21}$/.test(ref)) throw new RangeError(ref.length > 21 || ref.length === 0 ? 'rf-length' : 'rf-format');
  const check = 98 - mod97(ref + 'RF00');
  return 'RF' + String(check).padStart(2, '0') + ref;
}

export function validateRf(input: string): RfResult {
  const s = compact(input);
  if (s === '') return { ok: false, code: 'rf-empty' };
  if (!/^RF\d{2}[0-9A-Z]+$/.test(s)) return { ok: false, code: 'rf-format' };
  if (s.length < 5 || s.length > 25) return { ok: false, code: 'rf-length' };
  if (mod97(s.slice(4) + s.slice(0, 4)) !== 1) return { ok: false, code: 'rf-check-digits' };
  return { ok: true, rf: s };
}

/** Print form: groups of four, "RF18 5390 0754 7034". */
export function formatRf(rf: string): string {
  return compact(rf).replace(/(.{4})(?=.)/g, '$1 ');
}
