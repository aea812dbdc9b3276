/**
 * Phone numbers, stored as E.164 ("+46701234567"), shown in national form for the register's
 * own country and in international form otherwise.
 *
 * Uses libphonenumber-js with the "max" metadata: the default "min" metadata checks only the
 * length, so it cannot tell a mobile from a landline (nordic-formats.md §9). Which number ranges
 * count as mobile depends on the metadata version shipped with libphonenumber-js — see the test.
 */
import { isSupportedCountry, Metadata, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

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

/**
 * What a plainly written mobile of a Nordic country needs, read once from libphonenumber's own
 * metadata: the calling code, the trunk prefix, and the patterns of all numbers and of mobiles.
 */
interface PlainPlan {
  callingCode: string;
  trunkPrefix: string;
  anyNumber: RegExp;
  mobile: RegExp;
  mobileLengths: number[];
}

const plans = new Map<string, PlainPlan>();

/** The parts of libphonenumber's numbering plan read here: at runtime it has them, its types declare fewer. */
interface FullNumberingPlan {
  callingCode(): string;
  nationalPrefix(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[];
  type(t: 'MOBILE'): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

function plainPlan(country: CountryCode): PlainPlan {
  let plan = plans.get(country);
  if (!plan) {
    const m = new Metadata();
    m.selectNumberingPlan(country);
    const np = m.numberingPlan as unknown as FullNumberingPlan;
    const mobile = np.type('MOBILE')!;
    plan = {
      callingCode: np.callingCode(),
      trunkPrefix: np.nationalPrefix() ?? '',
      anyNumber: new RegExp(`^(?:${np.nationalNumberPattern()})$`),
      mobile: new RegExp(`^(?:${mobile.pattern()})$`),
      mobileLengths: mobile.possibleLengths() ?? np.possibleLengths(),
    };
    plans.set(country, plan);
  }
  return plan;
}

/** Digits with spaces or dashes between them, optionally after "+" or "00": the way most lists write a mobile. */
const PLAIN = /^(?:\+|00)?\d[\d -]*$/;

/**
 * The E.164 form of a mobile of the member's own Nordic country written plainly ("070-123 45 67",
 * "+47 912 34 567", "0046701234567"), or null for anything else. libphonenumber compiles its
 * patterns again for every number it parses — most of an import's row check — while these are
 * compiled once. It answers only when the national number is a mobile by the same metadata
 * (so libphonenumber's type would be MOBILE or FIXED_LINE_OR_MOBILE, both a mobile here) and
 * leaves every other case to parsePhone; a test compares the two over many numbers.
 */
function plainMobile(raw: string, country: CountryCode): string | null {
  if (!NEIGHBOURS.includes(country) || !PLAIN.test(raw)) return null;
  const digits = raw.replace(/[ -]/g, '');
  const plan = plainPlan(country);
  let national: string;
  if (digits.startsWith('+') || digits.startsWith('00')) {
    const afterPrefix = digits.slice(digits.startsWith('+') ? 1 : 2);
    if (!afterPrefix.startsWith(plan.callingCode)) return null;
    national = afterPrefix.slice(plan.callingCode.length);
  } else {
    national = plan.trunkPrefix && digits.startsWith(plan.trunkPrefix) ? digits.slice(plan.trunkPrefix.length) : digits;
  }
  if (!plan.mobileLengths.includes(national.length) || !plan.anyNumber.test(national) || !plan.mobile.test(national)) return null;
  return `+${plan.callingCode}${national}`;
}

/** For tests: the shortcut on its own. */
export const __testing = { plainMobile: (raw: string, country: string) => plainMobile(raw.trim(), region(country)!) };

/** A mobile number (for SMS). Landlines and other valid numbers give 'phone-not-mobile'. */
export function parseMobile(input: string, country: string): MobileResult {
  const raw = (input ?? '').trim();
  const defaultCountry = region(country);
  const plain = defaultCountry ? plainMobile(raw, defaultCountry) : null;
  if (plain) return { ok: true, e164: plain };
  const r = parsePhone(raw, country);
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
