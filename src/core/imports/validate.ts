import type { MemberInputParsed, RegisterCountry } from '../../shared/contract';
import type { DuplicatePolicy, ImportIssue, ImportMemberField, ImportTarget } from '../../shared/contract/imports';
import { checkCustomValue, type FieldDef, type StoredValue } from '../custom-fields/rules';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { cleanName, parseCountry, parseDate, parseYesNo } from './normalize';

/** The longest value each field takes (as the member form's schema). */
const MAX: Record<ImportMemberField, number> = {
  firstName: 100, lastName: 100, birthDate: 40, identityNumber: 20, street: 200, postcode: 20, city: 100, country: 60,
  email: 254, mobile: 30, consentSms: 20, consentEmail: 20, consentPost: 20, joinedOn: 40, memberNumber: 20,
};

/** The highest member number kept from a file: far above any register, far below 2^31. */
export const MAX_MEMBER_NUMBER = 999_999_999;

/** A member number as the old register wrote it ("123", " 1 234 "); null when it is not a positive whole number. */
export function parseMemberNumber(raw: string): number | null {
  const digits = raw.replace(/[\s\u00a0]/g, '');
  if (!/^\d{1,9}$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 && n <= MAX_MEMBER_NUMBER ? n : null;
}

export interface PlanOptions {
  headerRow: number;
  mapping: (ImportTarget | null)[];
  fixes: { row: number; column: number; value: string }[];
  skip: number[];
  duplicatePolicy: DuplicatePolicy;
  decisions: { row: number; policy: DuplicatePolicy }[];
  membershipTypeId: number | null;
}

/** The register's own fields and open groups a column may go into. */
export interface Extras {
  fields: Map<number, FieldDef>;
  groups: Set<number>;
}

export function loadExtras(db: Db): Extras {
  const fields = new Map<number, FieldDef>();
  for (const f of db.all<{ id: number; kind: FieldDef['kind']; options: string }>(sql`SELECT id, kind, options FROM custom_fields WHERE archived_at IS NULL`)) {
    fields.set(f.id, { id: f.id, kind: f.kind, options: JSON.parse(f.options) as string[] });
  }
  return { fields, groups: new Set(db.column(sql`SELECT id FROM groups WHERE archived_at IS NULL`)) };
}

/** What reading a row's cells gave: the member form's values, and what only an import has. */
export interface RowInput {
  input: MemberInputParsed;
  issues: ImportIssue[];
  /** Own-field values (stored form) and the groups the row says yes to. */
  custom: { fieldId: number; stored: StoredValue }[];
  groups: number[];
  /** The old register's number, when mapped and readable. */
  memberNumber: number | null;
}

/** Shared by the rows without own-field values or groups (most): nothing to allocate for them. */
const NONE: never[] = [];

/**
 * The mapped fields a row of the file gives a value for: what "update" may write. For a row
 * without problems these are exactly the mapped columns with a value in them.
 */
export function givenFields(cells: string[], mapping: (ImportTarget | null)[]): Set<ImportTarget> {
  const given = new Set<ImportTarget>();
  mapping.forEach((f, c) => f && (cells[c] ?? '').trim() !== '' && given.add(f));
  return given;
}

/** A row's values as the member form would send them, with the problems reading them. */
export function rowInput(
  cells: string[],
  mapping: (ImportTarget | null)[],
  registerCountry: RegisterCountry,
  membershipTypeId: number | null,
  extras: Extras = { fields: new Map(), groups: new Set() },
): RowInput {
  const issues: ImportIssue[] = [];
  let custom: RowInput['custom'] = NONE;
  let groups: number[] = NONE;
  const compiled = compile(mapping);
  // Only a field mapped from two columns needs to know which it already took (the first with a value).
  const taken = compiled.repeats ? new Set<ImportTarget>() : null;
  const text: Partial<Record<ImportMemberField, string>> = {};
  const flags: Partial<Record<'consentSms' | 'consentEmail' | 'consentPost', boolean>> = {};
  let country: string | null = null;
  let memberNumber: number | null = null;
  for (let c = 0; c < mapping.length; c++) {
    const field = mapping[c];
    if (!field) continue;
    const raw = (cells[c] ?? '').trim();
    if (raw === '' || taken?.has(field)) continue;
    if (compiled.extra[c]) {
      if (custom === NONE) custom = [];
      if (groups === NONE) groups = [];
      const problem = readExtra(field, raw, extras, custom, groups);
      if (problem) issues.push({ column: c, field, code: problem });
      else taken?.add(field);
      continue;
    }
    if (raw.length > MAX[field as ImportMemberField]) {
      issues.push({ column: c, field, code: 'too-long' });
      continue;
    }
    taken?.add(field);
    switch (field) {
      case 'firstName':
      case 'lastName':
        text[field] = cleanName(raw);
        break;
      case 'birthDate':
      case 'joinedOn': {
        const d = parseDate(raw);
        if (d) text[field] = d;
        else issues.push({ column: c, field, code: 'date-unreadable' });
        break;
      }
      case 'consentSms':
      case 'consentEmail':
      case 'consentPost': {
        const b = parseYesNo(raw);
        if (b === undefined) issues.push({ column: c, field, code: 'yes-no-unreadable' });
        else if (b !== null) flags[field] = b;
        break;
      }
      case 'country':
        country = parseCountry(raw);
        if (!country) issues.push({ column: c, field, code: 'country-unknown' });
        break;
      case 'memberNumber':
        memberNumber = parseMemberNumber(raw);
        if (memberNumber === null) issues.push({ column: c, field, code: 'member-number-invalid' });
        break;
      default:
        // Most cells hold no run of white space: skip the replace for them.
        text[field as ImportMemberField] = WHITE_RUN.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
    }
  }
  const memberCountry = country ?? registerCountry;
  // Excel reads a Norwegian postcode as a number and saves "0150" as "150": give the zero back.
  // Only three digits in a Norwegian row (Swedish postcodes never begin with 0).
  if (memberCountry === 'NO' && text.postcode && /^\d{3}$/.test(text.postcode)) text.postcode = `0${text.postcode}`;
  const input: MemberInputParsed = {
    firstName: text.firstName ?? '',
    lastName: text.lastName ?? '',
    birthDate: text.birthDate ?? null,
    identityNumber: text.identityNumber ?? null,
    street: text.street ?? null,
    postcode: text.postcode ?? null,
    city: text.city ?? null,
    country: memberCountry,
    email: text.email ?? null,
    mobile: text.mobile ?? null,
    consentSms: flags.consentSms ?? false,
    consentEmail: flags.consentEmail ?? false,
    consentPost: flags.consentPost ?? true,
    membershipTypeId,
    joinedOn: text.joinedOn ?? null,
    status: 'active',
  };
  return { input, issues, custom: custom.length ? custom : NONE, groups: groups.length ? groups : NONE, memberNumber };
}

/** Per column whether it goes into an own field or a group, and whether any field is mapped twice: once per mapping, not per cell. */
const compiled = new WeakMap<(ImportTarget | null)[], { extra: boolean[]; repeats: boolean }>();
function compile(mapping: (ImportTarget | null)[]) {
  let out = compiled.get(mapping);
  if (!out) {
    const targets = mapping.filter((f) => f !== null);
    out = { extra: mapping.map((f) => !!f && (f.startsWith('custom:') || f.startsWith('group:'))), repeats: new Set(targets).size !== targets.length };
    compiled.set(mapping, out);
  }
  return out;
}

/** White space that the replace above would change: two in a row, or any but a plain space. */
const WHITE_RUN = /\s\s|[^\S ]/;

/** An own field's value by its kind, or a group's yes/no; returns a problem code, or null. */
function readExtra(field: ImportTarget, raw: string, extras: Extras, custom: RowInput['custom'], groups: number[]): string | null {
  const id = Number(field.slice(field.indexOf(':') + 1));
  if (field.startsWith('group:')) {
    const yes = parseYesNo(raw);
    if (yes === undefined) return 'yes-no-unreadable';
    if (yes) groups.push(id);
    return null;
  }
  const def = extras.fields.get(id);
  if (!def) return 'not-found';
  if (raw.length > 1000) return 'too-long';
  let value: string | number | boolean;
  switch (def.kind) {
    case 'number':
      value = Number(raw.replace(/\s/g, '').replace(',', '.'));
      break;
    case 'date':
      value = parseDate(raw) ?? raw;
      break;
    case 'boolean': {
      const b = parseYesNo(raw);
      if (b === undefined || b === null) return 'yes-no-unreadable';
      value = b;
      break;
    }
    case 'choice':
      value = def.options.find((o) => o.toLowerCase() === raw.toLowerCase()) ?? raw;
      break;
    default:
      value = raw;
  }
  const checked = checkCustomValue(def, value);
  if (!checked.ok) return checked.code;
  custom.push({ fieldId: id, stored: checked.stored });
  return null;
}

