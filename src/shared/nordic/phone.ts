/**
 * Phone numbers, stored as E.164 ("+46701234567"), shown in national form for the register's
 * own country and in international form otherwise.
 *
 * Uses libphonenumber-js with the "max" metadata: the default "min" metadata checks only the
 * length, so it cannot tell a mobile from a landline (nordic-formats.md §9). Which number ranges
 * count as mobile depends on the metadata version shipped with libphonenumber-js — see the test.
 */
import { isSupportedCountry, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

export type PhoneErrorCode =
  | 'phone-empty'
  | 'phone-invalid'
  | 'phone-too-short'
  | 'phone-too-long'
  /** Neither too short nor too long, but no number in that country has this many digits. */
  | 'phone-wrong-length'
  | 'phone-not-mobile'
  /** Not valid in the member's country, but a valid number of a neighbouring one: type it with +47 / +46 … */
  | 'phone-needs-country-code';

export type PhoneKind = 'mobile' | 'fixed-line' | 'other';

export type PhoneResult =
  | { ok: true; e164: string; kind: PhoneKind; /** ISO country the number belongs to, if known. */ country: string | null }
  | { ok: false; code: PhoneErrorCode };

export type MobileResult = { ok: true; e164: string } | { ok: false; code: PhoneErrorCode };

/** Countries tried when a number is not valid in the member's own country. */
const NEIGHBOURS: CountryCode[] = ['SE', 'NO', 'DK', 'FI'];

function region(country: string | undefined | null): CountryCode | undefined {
  const c = (country ?? '').toUpperCase();
  return c && isSupportedCountry(c) ? (c as CountryCode) : undefined;
}

function kindOf(p: PhoneNumber): PhoneKind {
  return kindOfType(p.getType());
}

function kindOfType(t: ReturnType<PhoneNumber['getType']>): PhoneKind {
  if (t === 'MOBILE' || t === 'FIXED_LINE_OR_MOBILE') return 'mobile';
  if (t === 'FIXED_LINE') return 'fixed-line';
  return 'other';
}

const digitsOf = (s: string): string => s.replace(/\D+/g, '');

const hasInternationalPrefix = (s: string): boolean => /^\s*(\+|00)/.test(s);

/**
 * Parse any phone number. `country` is the member's country and the default region for
 * numbers typed without a country code; "+47…", "0047…" and "(0)" are understood.
 */
export function parsePhone(input: string, country: string): PhoneResult {
  const raw = (input ?? '').trim();
  if (raw === '') return { ok: false, code: 'phone-empty' };
  const defaultCountry = region(country);

  // extract: false — the whole field must be the number, not "ring 070-… efter 18".
  const p = parsePhoneNumberFromString(raw, { defaultCountry, extract: false });
  // getType() is defined exactly for valid numbers (libphonenumber's isValid is "has a type"):
  // asking once instead of isValid() and then getType() halves the metadata matching, which is
  // most of an import's row check.
  const type = p && !p.ext ? p.getType() : undefined;
  if (p && type !== undefined) {
    return { ok: true, e164: p.number, kind: kindOfType(type), country: p.country ?? null };
  }

  // A number that is valid in a neighbouring country (e.g. a Norwegian mobile typed for a
  // Swedish member without +47) gets a code that tells the user what to do.
  if (!hasInternationalPrefix(raw)) {
    for (const other of NEIGHBOURS) {
      if (other === defaultCountry) continue;
      const q = parsePhoneNumberFromString(raw, { defaultCountry: other, extract: false });
      // Only a mobile or landline typed exactly as a national number there (trunk "0" included),
      // so that seven stray digits are not "a Swedish landline without its 0" nor "07012" a
      // Norwegian 5-digit service number.
      if (q && q.isValid() && !q.ext && q.country === other && kindOf(q) !== 'other' && digitsOf(q.formatNational()) === digitsOf(raw)) {
        return { ok: false, code: 'phone-needs-country-code' };
      }
    }
  }

  const length = validatePhoneNumberLength(raw, { defaultCountry });
  if (length === 'TOO_SHORT') return { ok: false, code: 'phone-too-short' };
  if (length === 'TOO_LONG') return { ok: false, code: 'phone-too-long' };
  if (length === 'INVALID_LENGTH') return { ok: false, code: 'phone-wrong-length' };
  return { ok: false, code: 'phone-invalid' };
}

/** A mobile number (for SMS). Landlines and other valid numbers give 'phone-not-mobile'. */
export function parseMobile(input: string, country: string): MobileResult {
  const r = parsePhone(input, country);
  if (!r.ok) return r;
  if (r.kind !== 'mobile') return { ok: false, code: 'phone-not-mobile' };
  return { ok: true, e164: r.e164 };
}

/**
 * Display form: national ("070-123 45 67", "41 23 45 67") when the number belongs to
 * `displayCountry`, international ("+47 41 23 45 67") otherwise. Unparseable input is returned as is.
 */
export function formatPhone(e164: string, displayCountry: string): string {
  const p = parsePhoneNumberFromString(e164 ?? '', { extract: false });
  if (!p) return e164 ?? '';
  return p.country && p.country === region(displayCountry) ? p.formatNational() : p.formatInternational();
}
