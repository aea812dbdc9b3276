/**
 * National identity numbers: Swedish personnummer / samordningsnummer, Norwegian fødselsnummer
 * (with D-, H- and FH-numbers), Danish CPR, and the Swedish organisationsnummer.
 *
 * Pure: no I/O, runs in the core and in the renderer. Failures are i18n codes, never sentences.
 * See shared/reference/nordic-formats.md §7.
 */

export type IdentityCountry = 'SE' | 'NO' | 'DK';

export type IdentityKind =
  | 'personnummer'
  | 'samordningsnummer'
  | 'fodselsnummer'
  | 'd-nummer'
  | 'h-nummer'
  | 'fh-nummer'
  | 'cpr';

export type IdentityResult =
  | {
      ok: true;
      /** SE: YYYYMMDDNNNC, NO: 11 digits, DK: 10 digits (DDMMYYSSSS). */
      normalized: string;
      /** ISO date (YYYY-MM-DD), or null where the number carries no birth date (FH-numbers). */
      birthDate: string | null;
      kind: IdentityKind;
    }
  | { ok: false; code: IdentityErrorCode };

export type IdentityErrorCode =
  | 'identity-empty'
  | 'identity-country'
  | 'personnummer-format'
  | 'personnummer-date'
  | 'personnummer-future'
  | 'personnummer-serial'
  | 'personnummer-check-digit'
  | 'fodselsnummer-format'
  | 'fodselsnummer-date'
  | 'fodselsnummer-future'
  | 'fodselsnummer-check-digit'
  | 'cpr-format'
  | 'cpr-date'
  | 'cpr-future';

// ---------------------------------------------------------------------------------------------
// helpers

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const iso = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;

/** Today's local date as YYYY-MM-DD (string comparison then orders dates). */
function isoToday(today: Date): string {
  return iso(today.getFullYear(), today.getMonth() + 1, today.getDate());
}

/** Luhn (mod 10) over a digit string, check digit included. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------
// Sweden

const SE_10 = /^(\d{6})([-+]?)(\d{4})$/;
const SE_12 = /^(\d{8})[-+]?(\d{4})$/; // '+' is redundant with a 4-digit year but seen in data

function parseSwedish(raw: string, today: Date): IdentityResult {
  const s = raw.replace(/\s+/g, '');
  let yyyy: number;
  let mm: number;
  let dd: number;
  let last4: string;
  let yy: string;

  const m12 = SE_12.exec(s);
  const m10 = m12 ? null : SE_10.exec(s);
  if (m12) {
    yyyy = Number(m12[1].slice(0, 4));
    yy = m12[1].slice(2, 4);
    mm = Number(m12[1].slice(4, 6));
    dd = Number(m12[1].slice(6, 8));
    last4 = m12[2];
  } else if (m10) {
    yy = m10[1].slice(0, 2);
    mm = Number(m10[1].slice(2, 4));
    dd = Number(m10[1].slice(4, 6));
    last4 = m10[3];
    yyyy = NaN; // decided below, once the day is known
  } else {
    return { ok: false, code: 'personnummer-format' };
  }

  const ten = yy + pad2(mm) + pad2(dd) + last4;
  const coordination = dd > 60;
  const day = coordination ? dd - 60 : dd;
  const todayIso = isoToday(today);

  if (m10) {
    // The short form leaves the century out: the person is under 100 ("-" or no separator)
    // or 100 or older ("+"). Take the latest century that puts the birth date on or before
    // today (respectively on or before today minus 100 years).
    const plus = m10[2] === '+';
    const limitYear = today.getFullYear() - (plus ? 100 : 0);
    const limitIso = iso(limitYear, today.getMonth() + 1, today.getDate());
    const y2 = Number(yy);
    yyyy = limitYear - ((((limitYear - y2) % 100) + 100) % 100);
    // Compare as if the date were valid; an invalid date is reported below anyway.
    if (iso(yyyy, mm, day) > limitIso) yyyy -= 100;
  }

  if (!isRealDate(yyyy, mm, day)) return { ok: false, code: 'personnummer-date' };
  if (!luhnValid(ten)) return { ok: false, code: 'personnummer-check-digit' };
  if (last4.slice(0, 3) === '000') return { ok: false, code: 'personnummer-serial' };
  const birthDate = iso(yyyy, mm, day);
  if (birthDate > todayIso) return { ok: false, code: 'personnummer-future' };

  return {
    ok: true,
    normalized: String(yyyy).padStart(4, '0') + ten.slice(2),
    birthDate,
    kind: coordination ? 'samordningsnummer' : 'personnummer',
  };
}

// ---------------------------------------------------------------------------------------------
// Norway

const NO_W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const NO_W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function mod11Check(digits: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i] * (digits.charCodeAt(i) - 48);
  return (11 - (sum % 11)) % 11; // 10 means "no valid number with this base"
}

/** Century of a Norwegian birth number from the individual number (digits 7–9) and YY. */
function norwegianYear(yy: number, individual: number): number | null {
  if (individual < 500) return 1900 + yy;
  if (individual < 750 && yy >= 54) return 1800 + yy;
  if (yy < 40) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  return null;
}

function parseNorwegian(raw: string, today: Date): IdentityResult {
  const s = raw.replace(/[\s\-.:]+/g, '');
  if (!/^\d{11}$/.test(s)) return { ok: false, code: 'fodselsnummer-format' };
  if (mod11Check(s, NO_W1) !== s.charCodeAt(9) - 48 || mod11Check(s, NO_W2) !== s.charCodeAt(10) - 48) {
    return { ok: false, code: 'fodselsnummer-check-digit' };
  }

  const first = s.charCodeAt(0) - 48;
  // FH-numbers (helsevesenets hjelpenummer) start with 8 or 9 and carry no birth date by design.
  if (first >= 8) return { ok: true, normalized: s, birthDate: null, kind: 'fh-nummer' };

  let dd = Number(s.slice(0, 2));
  let mm = Number(s.slice(2, 4));
  let kind: IdentityKind = 'fodselsnummer';
  if (dd > 40) {
    dd -= 40;
    kind = 'd-nummer';
  } else if (mm > 40) {
    mm -= 40;
    kind = 'h-nummer';
  }
  const year = norwegianYear(Number(s.slice(4, 6)), Number(s.slice(6, 9)));
  if (year === null || !isRealDate(year, mm, dd)) return { ok: false, code: 'fodselsnummer-date' };
  const birthDate = iso(year, mm, dd);
  if (birthDate > isoToday(today)) return { ok: false, code: 'fodselsnummer-future' };
  return { ok: true, normalized: s, birthDate, kind };
}

// ---------------------------------------------------------------------------------------------
// Denmark (CPR). The mod-11 check was dropped in 2007, so only shape and date are checked.

function danishYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy; // 5–8
}

function parseDanish(raw: string, today: Date): IdentityResult {
  const s = raw.replace(/[\s-]+/g, '');
  if (!/^\d{10}$/.test(s)) return { ok: false, code: 'cpr-format' };
  const dd = Number(s.slice(0, 2));
  const mm = Number(s.slice(2, 4));
  const year = danishYear(Number(s.slice(4, 6)), s.charCodeAt(6) - 48);
  if (!isRealDate(year, mm, dd)) return { ok: false, code: 'cpr-date' };
  const birthDate = iso(year, mm, dd);
  if (birthDate > isoToday(today)) return { ok: false, code: 'cpr-future' };
  return { ok: true, normalized: s, birthDate, kind: 'cpr' };
}

// ---------------------------------------------------------------------------------------------
// public API

/**
 * Parse and validate an identity number typed (or imported) for a member of the given country.
 * Tolerates spaces and the usual separators. `today` decides the century of short Swedish
 * numbers and rejects birth dates in the future.
 */
export function parseIdentityNumber(input: string, country: IdentityCountry, today: Date = new Date()): IdentityResult {
  const raw = (input ?? '').trim();
  if (raw === '') return { ok: false, code: 'identity-empty' };
  switch (country) {
    case 'SE':
      return parseSwedish(raw, today);
    case 'NO':
      return parseNorwegian(raw, today);
    case 'DK':
      return parseDanish(raw, today);
    default:
      return { ok: false, code: 'identity-country' };
  }
}

/** For lists: "19880320-****" (SE), "260815*****" (NO), "211062-****" (DK). FH-numbers are masked whole. */
export function maskIdentityNumber(normalized: string, country: IdentityCountry): string {
  const s = normalized ?? '';
  if (country === 'SE' && /^\d{12}$/.test(s)) return s.slice(0, 8) + '-****';
  if (country === 'NO' && /^\d{11}$/.test(s)) {
    // An FH-number's first digits are not a birth date; showing them only leaks the number.
    return s.charCodeAt(0) >= 56 ? '*'.repeat(11) : s.slice(0, 6) + '*****';
  }
  if (country === 'DK' && /^\d{10}$/.test(s)) return s.slice(0, 6) + '-****';
  return s === '' ? '' : '****';
}

/** For display: "19880320-0016" (SE), "260815 93816" (NO), "211062-5629" (DK). Unknown shapes come back as given. */
export function formatIdentityNumber(normalized: string, country: IdentityCountry): string {
  const s = normalized ?? '';
  if (country === 'SE' && /^\d{12}$/.test(s)) return s.slice(0, 8) + '-' + s.slice(8);
  if (country === 'NO' && /^\d{11}$/.test(s)) return s.slice(0, 6) + ' ' + s.slice(6);
  if (country === 'DK' && /^\d{10}$/.test(s)) return s.slice(0, 6) + '-' + s.slice(6);
  return s;
}

/**
 * The legal sex encoded in a normalized number ('M' odd, 'F' even), or null where none is
 * encoded (FH-numbers). Not stored; offered for statistics that grant bodies ask for.
 */
export function sexFromIdentityNumber(normalized: string, country: IdentityCountry): 'M' | 'F' | null {
  let digit: number;
  if (country === 'SE' && /^\d{12}$/.test(normalized)) digit = normalized.charCodeAt(10) - 48;
  else if (country === 'NO' && /^\d{11}$/.test(normalized) && normalized.charCodeAt(0) < 56) digit = normalized.charCodeAt(8) - 48;
  else if (country === 'DK' && /^\d{10}$/.test(normalized)) digit = normalized.charCodeAt(9) - 48;
  else return null;
  return digit % 2 === 1 ? 'M' : 'F';
}

// ---------------------------------------------------------------------------------------------
// Swedish organisationsnummer (the association's own number, e.g. 802002-4280)

export type OrgNumberResult = { ok: true; normalized: string } | { ok: false; code: 'orgnr-empty' | 'orgnr-format' | 'orgnr-check-digit' };

/**
 * 10 digits (optionally "NNNNNN-NNNN", or with the "16" century prefix some systems add),
 * Luhn. The third digit is ≥ 2 for legal persons, which keeps a personnummer out of the field.
 */
export function parseSwedishOrgNumber(input: string): OrgNumberResult {
  const raw = (input ?? '').replace(/\s+/g, '');
  if (raw === '') return { ok: false, code: 'orgnr-empty' };
  const m = /^(?:16)?(\d{6})-?(\d{4})$/.exec(raw);
  if (!m) return { ok: false, code: 'orgnr-format' };
  const s = m[1] + m[2];
  if (s.charCodeAt(2) - 48 < 2) return { ok: false, code: 'orgnr-format' };
  if (!luhnValid(s)) return { ok: false, code: 'orgnr-check-digit' };
  return { ok: true, normalized: s };
}

export function formatSwedishOrgNumber(normalized: string): string {
  return /^\d{10}$/.test(normalized) ? normalized.slice(0, 6) + '-' + normalized.slice(6) : normalized;
}

/** A Norwegian organisation number as Brønnøysundregistrene prints it: "974 760 673". */
export function formatNorwegianOrgNumber(normalized: string): string {
  return /^\d{9}$/.test(normalized) ? normalized.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3') : normalized;
}
