import { z } from 'zod';
import type { RegisterCountry } from '../../shared/contract';
import { DUES_MERGE_FIELDS, duesSettingsInputSchema } from '../../shared/contract/dues';
import { parseSwedishOrgNumber } from '../../shared/nordic/identity';
import { parseNorwegianAccount } from '../../shared/nordic/kid';
import { parseBankgiro, parsePlusgiro } from '../../shared/nordic/ocr';
import type { FieldIssue } from '../../shared/result';
import { checkTemplate } from '../../shared/text/merge-fields';

/** The stored settings: the parsed form, normalised. */
export type StoredDuesSettings = z.output<typeof duesSettingsInputSchema>;

/** Norwegian organisation number: 9 digits, MOD11 with weights 3,2,7,6,5,4,3,2 (10 never issued). */
function parseNorwegianOrgNumber(input: string): { ok: true; normalized: string } | { ok: false; code: string } {
  const s = input.replace(/[\s.-]+/g, '');
  if (!/^\d{9}$/.test(s)) return { ok: false, code: 'orgnr-format' };
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((n, w, i) => n + w * (s.charCodeAt(i) - 48), 0);
  const c = (11 - (sum % 11)) % 11;
  if (c === 10 || c !== s.charCodeAt(8) - 48) return { ok: false, code: 'orgnr-check-digit' };
  return { ok: true, normalized: s };
}

/** IBAN: country, two check digits, 11–30 letters/digits; mod 97 of the rearranged number is 1. */
export function parseIban(input: string): { ok: true; iban: string } | { ok: false; code: 'iban-format' | 'iban-check-digits' } {
  const s = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return { ok: false, code: 'iban-format' };
  let r = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const c = ch.charCodeAt(0);
    r = c <= 57 ? (r * 10 + (c - 48)) % 97 : (r * 100 + (c - 55)) % 97;
  }
  return r === 1 ? { ok: true, iban: s } : { ok: false, code: 'iban-check-digits' };
}

/**
 * Checks the form and returns the normalised values with every problem at once (the form shows
 * them all). Numbers are kept as digits, IBAN/BIC upper-case without spaces.
 */
export function normalizeSettings(input: StoredDuesSettings, country: RegisterCountry): { value: StoredDuesSettings; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const v: StoredDuesSettings = { ...input, addressLines: input.addressLines.filter((l) => l !== '') };
  const fail = (field: string, code: string) => issues.push({ field, code });

  if (v.orgNumber) {
    const r = country === 'NO' ? parseNorwegianOrgNumber(v.orgNumber) : parseSwedishOrgNumber(v.orgNumber);
    if (r.ok) v.orgNumber = r.normalized;
    else fail('orgNumber', r.code);
  }
  for (const [field, parse] of [['bankgiro', parseBankgiro], ['plusgiro', parsePlusgiro]] as const) {
    const raw = v[field];
    if (!raw) continue;
    const r = parse(raw);
    if (r.ok) v[field] = r.number;
    else fail(field, r.code);
  }
  if (v.swishNumber) {
    // Associations get a Swish number of the form 123 xxx xx xx (Swish Företag / Förening).
    const digits = v.swishNumber.replace(/[\s-]+/g, '');
    if (/^123\d{7}$/.test(digits)) v.swishNumber = digits;
    else fail('swishNumber', 'swish-number-format');
  }
  if (v.bankAccount) {
    const r = parseNorwegianAccount(v.bankAccount);
    if (r.ok) v.bankAccount = r.account;
    else fail('bankAccount', r.code);
  }
  if (v.iban) {
    const r = parseIban(v.iban);
    if (r.ok) v.iban = r.iban;
    else fail('iban', r.code);
  }
  if (v.bic) {
    v.bic = v.bic.replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v.bic)) fail('bic', 'bic-format');
  }
  if ((country === 'SE' && v.referenceKind === 'kid') || (country === 'NO' && v.referenceKind === 'ocr')) {
    fail('referenceKind', 'reference-kind-country');
  }
  if (v.ocrLevel === 'fixed' && v.ocrLength === null && country === 'SE' && v.referenceKind === 'ocr') fail('ocrLength', 'ocr-length-required');
  if (v.ocrLevel !== 'fixed') v.ocrLength = null;
  for (const field of ['ocrLength', 'kidLength'] as const) {
    const n = v[field];
    if (n !== null && (n < 5 || n > 25)) fail(field, 'length-out-of-range');
  }
  const letter = checkTemplate(v.letterText, DUES_MERGE_FIELDS);
  if (letter) fail('letterText', letter.code);
  return { value: v, issues };
}

/** What an invoice run still needs, given settings that passed `normalizeSettings`. */
export function missingForRun(s: StoredDuesSettings, country: RegisterCountry): FieldIssue[] {
  const missing: FieldIssue[] = [];
  if (!s.associationName) missing.push({ field: 'associationName', code: 'required' });
  if (country === 'SE' && !s.bankgiro && !s.plusgiro) missing.push({ field: 'bankgiro', code: 'bankgiro-or-plusgiro-required' });
  if (country === 'NO' && !s.bankAccount) missing.push({ field: 'bankAccount', code: 'required' });
  if (country === 'SE' && s.referenceKind === 'ocr' && s.ocrLevel === 'fixed' && s.ocrLength === null) {
    missing.push({ field: 'ocrLength', code: 'ocr-length-required' });
  }
  return missing;
}
