import type { MemberInputParsed, RegisterCountry } from '../../shared/contract';
import { parseIdentityNumber } from '../../shared/nordic/identity';
import { parseMobile } from '../../shared/nordic/phone';
import { parsePostcode } from '../../shared/nordic/postcode';
import { parseEmail } from '../../shared/nordic/email';
import type { FieldIssue } from '../../shared/result';

/** A member as stored: every value normalised (E.164 mobile, canonical postcode and identity number). */
export interface NormalizedMember extends Omit<MemberInputParsed, 'birthDate' | 'identityNumber'> {
  birthDate: string | null;
  identityNumber: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD. Arithmetic, not Date objects: an import checks 100,000s. */
export function isRealIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

const empty = (s: string | null | undefined): s is null | undefined | '' => s == null || s === '';

/**
 * Checks and normalises what the member form sends. Every problem is reported at its field with
 * an error code the UI translates; nothing is saved unless all are fixed.
 */
export function normalizeMember(
  input: MemberInputParsed,
  registerCountry: RegisterCountry,
  today: string,
): { value: NormalizedMember; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const country = (input.country || registerCountry).toUpperCase();
  const v: NormalizedMember = {
    ...input,
    country,
    birthDate: empty(input.birthDate) ? null : input.birthDate,
    identityNumber: null,
    street: empty(input.street) ? null : input.street,
    postcode: null,
    city: empty(input.city) ? null : input.city,
    email: null,
    mobile: null,
    joinedOn: empty(input.joinedOn) ? null : input.joinedOn,
  };

  if (!input.firstName) issues.push({ field: 'firstName', code: 'required' });
  if (!input.lastName) issues.push({ field: 'lastName', code: 'required' });

  if (v.birthDate && (!isRealIsoDate(v.birthDate) || v.birthDate > today)) {
    issues.push({ field: 'birthDate', code: 'date-invalid' });
  }

  if (!empty(input.identityNumber)) {
    const idCountry = country === 'NO' ? 'NO' : country === 'SE' ? 'SE' : registerCountry;
    const parsed = parseIdentityNumber(input.identityNumber, idCountry, new Date(`${today}T12:00:00Z`));
    if (!parsed.ok) issues.push({ field: 'identityNumber', code: parsed.code });
    else {
      v.identityNumber = parsed.normalized;
      if (parsed.birthDate) {
        if (v.birthDate && v.birthDate !== parsed.birthDate) issues.push({ field: 'birthDate', code: 'birth-date-mismatch' });
        else v.birthDate = parsed.birthDate;
      }
    }
  }

  if (!empty(input.postcode)) {
    const parsed = parsePostcode(input.postcode, country);
    if (!parsed.ok) issues.push({ field: 'postcode', code: parsed.code });
    else v.postcode = parsed.postcode;
  }

  if (!empty(input.email)) {
    const parsed = parseEmail(input.email);
    if (!parsed.ok) issues.push({ field: 'email', code: parsed.code });
    else v.email = parsed.email;
  }

  if (!empty(input.mobile)) {
    const parsed = parseMobile(input.mobile, country);
    if (!parsed.ok) issues.push({ field: 'mobile', code: parsed.code });
    else v.mobile = parsed.e164;
  }

  if (v.joinedOn && !isRealIsoDate(v.joinedOn)) issues.push({ field: 'joinedOn', code: 'date-invalid' });

  return { value: v, issues };
}
