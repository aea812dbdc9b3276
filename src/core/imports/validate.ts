import type { DuplicateReason, MemberInputParsed, RegisterCountry } from '../../shared/contract';
import type { DuplicatePolicy, ImportDuplicate, ImportIssue, ImportMemberField, ImportRowAction, ImportTarget } from '../../shared/contract/imports';
import { checkCustomValue, type FieldDef, type StoredValue } from '../custom-fields/rules';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { similarNames } from '../duplicates/rules';
import { normalizeMember, type NormalizedMember } from '../members/rules';
import { cleanName, parseCountry, parseDate, parseYesNo } from './normalize';
import { isEmptyRow } from './parse';
import { invalid } from '../members/errors';

/** The longest value each field takes (as the member form's schema). */
const MAX: Record<ImportMemberField, number> = {
  firstName: 100, lastName: 100, birthDate: 40, identityNumber: 20, street: 200, postcode: 20, city: 100, country: 60,
  email: 254, mobile: 30, consentSms: 20, consentEmail: 20, consentPost: 20, joinedOn: 40,
};

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

export interface PlannedRow {
  /** 1-based row in the file. */
  row: number;
  cells: string[];
  action: ImportRowAction;
  issues: ImportIssue[];
  duplicate: ImportDuplicate | null;
  /** For create and update. */
  member: NormalizedMember | null;
  /** The mapped fields that had a value: what "update" may write. */
  given: Set<ImportTarget>;
  /** Own-field values (stored form) and the groups the row says yes to. */
  custom: { fieldId: number; stored: StoredValue }[];
  groups: number[];
  policy: DuplicatePolicy;
}

interface Existing {
  id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  identity_number: string | null;
  email: string | null;
  mobile: string | null;
  archived: number;
}

/**
 * The register's members by the keys duplicates are found by (the same rules as duplicates.find:
 * identity number, e-mail, mobile, a similar name with the same birth date). Built once per check.
 */
export class ExistingIndex {
  private readonly byIdentity = new Map<string, Existing>();
  private readonly byEmail = new Map<string, Existing>();
  private readonly byMobile = new Map<string, Existing>();
  private readonly byBirth = new Map<string, Existing[]>();

  constructor(db: Db) {
    for (const m of db.all<Existing>(sql`SELECT id, member_number, first_name, last_name, birth_date, identity_number, email, mobile,
                                         archived_at IS NOT NULL AS archived FROM members`)) {
      // Identity numbers are unique across all members, archived ones too (the insert refuses a second).
      if (m.identity_number) this.byIdentity.set(m.identity_number, m);
      if (m.archived) continue;
      if (m.email && !this.byEmail.has(m.email)) this.byEmail.set(m.email, m);
      if (m.mobile && !this.byMobile.has(m.mobile)) this.byMobile.set(m.mobile, m);
      if (m.birth_date) {
        const list = this.byBirth.get(m.birth_date);
        if (list) list.push(m);
        else this.byBirth.set(m.birth_date, [m]);
      }
    }
  }

  /** The best match (most reasons) for a member to be imported, or null. */
  match(v: NormalizedMember): ImportDuplicate | null {
    const found = new Map<number, { m: Existing; reasons: DuplicateReason[] }>();
    const add = (m: Existing | undefined, reason: DuplicateReason) => {
      if (!m) return;
      const f = found.get(m.id) ?? { m, reasons: [] };
      f.reasons.push(reason);
      found.set(m.id, f);
    };
    if (v.identityNumber) add(this.byIdentity.get(v.identityNumber), 'same-identity');
    if (v.email) add(this.byEmail.get(v.email), 'same-email');
    if (v.mobile) add(this.byMobile.get(v.mobile), 'same-mobile');
    if (v.birthDate) {
      for (const m of this.byBirth.get(v.birthDate) ?? []) {
        if (similarNames(v, { firstName: m.first_name, lastName: m.last_name })) add(m, 'similar-name-same-birth-date');
      }
    }
    let best: { m: Existing; reasons: DuplicateReason[] } | null = null;
    for (const f of found.values()) if (!best || f.reasons.length > best.reasons.length) best = f;
    if (!best) return null;
    return { memberId: best.m.id, memberNumber: best.m.member_number, firstName: best.m.first_name, lastName: best.m.last_name, reasons: best.reasons };
  }
}

/** A row's values as the member form would send them, with the problems reading them. */
export function rowInput(
  cells: string[],
  mapping: (ImportTarget | null)[],
  registerCountry: RegisterCountry,
  membershipTypeId: number | null,
  extras: Extras = { fields: new Map(), groups: new Set() },
): { input: MemberInputParsed; issues: ImportIssue[]; given: Set<ImportTarget>; custom: PlannedRow['custom']; groups: number[] } {
  const issues: ImportIssue[] = [];
  const given = new Set<ImportTarget>();
  const custom: PlannedRow['custom'] = [];
  const groups: number[] = [];
  const text: Partial<Record<ImportMemberField, string>> = {};
  const flags: Partial<Record<'consentSms' | 'consentEmail' | 'consentPost', boolean>> = {};
  let country: string | null = null;
  for (let c = 0; c < mapping.length; c++) {
    const field = mapping[c];
    if (!field) continue;
    const raw = (cells[c] ?? '').trim();
    if (raw === '' || given.has(field)) continue;
    if (field.startsWith('custom:') || field.startsWith('group:')) {
      const problem = readExtra(field, raw, extras, custom, groups);
      if (problem) issues.push({ column: c, field, code: problem });
      else given.add(field);
      continue;
    }
    if (raw.length > MAX[field as ImportMemberField]) {
      issues.push({ column: c, field, code: 'too-long' });
      continue;
    }
    given.add(field);
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
      default:
        text[field as ImportMemberField] = raw.replace(/\s+/g, ' ');
    }
  }
  const input: MemberInputParsed = {
    firstName: text.firstName ?? '',
    lastName: text.lastName ?? '',
    birthDate: text.birthDate ?? null,
    identityNumber: text.identityNumber ?? null,
    street: text.street ?? null,
    postcode: text.postcode ?? null,
    city: text.city ?? null,
    country: country ?? registerCountry,
    email: text.email ?? null,
    mobile: text.mobile ?? null,
    consentSms: flags.consentSms ?? false,
    consentEmail: flags.consentEmail ?? false,
    consentPost: flags.consentPost ?? true,
    membershipTypeId,
    joinedOn: text.joinedOn ?? null,
    status: 'active',
  };
  return { input, issues, given, custom, groups };
}

/** An own field's value by its kind, or a group's yes/no; returns a problem code, or null. */
function readExtra(field: ImportTarget, raw: string, extras: Extras, custom: PlannedRow['custom'], groups: number[]): string | null {
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

/**
 * Checks every data row and decides what happens to it, calling `visit` for each (rows are not
 * kept here: the caller keeps what it needs). A value repeated within the file (identity number,
 * e-mail, mobile) makes the later row a problem the user decides on.
 */
export function planRows(
  rows: string[][],
  o: PlanOptions,
  ctx: { db: Db; country: RegisterCountry; today: string },
  visit: (r: PlannedRow) => void,
) {
  const fixes = new Map<string, string>();
  for (const f of o.fixes) fixes.set(`${f.row}:${f.column}`, f.value);
  const skip = new Set(o.skip);
  const decisions = new Map(o.decisions.map((d) => [d.row, d.policy]));
  const existing = new ExistingIndex(ctx.db);
  const extras = loadExtras(ctx.db);
  const seen = { identity: new Set<string>(), email: new Set<string>(), mobile: new Set<string>() };
  const column = new Map<ImportTarget, number>();
  for (const t of o.mapping) {
    if (!t) continue;
    const id = Number(t.slice(t.indexOf(':') + 1));
    if ((t.startsWith('custom:') && !extras.fields.has(id)) || (t.startsWith('group:') && !extras.groups.has(id))) throw invalid('mapping', 'not-found');
  }
  o.mapping.forEach((t, c) => t && !column.has(t) && column.set(t, c));

  for (let i = o.headerRow; i < rows.length; i++) {
    const row = i + 1;
    let cells = rows[i];
    if (isEmptyRow(cells)) continue;
    if (fixes.size) {
      cells = cells.slice();
      for (let c = 0; c < o.mapping.length; c++) {
        const f = fixes.get(`${row}:${c}`);
        if (f !== undefined) cells[c] = f;
      }
    }
    const policy = decisions.get(row) ?? o.duplicatePolicy;
    const base = { row, cells, duplicate: null, member: null, given: new Set<ImportTarget>(), custom: [], groups: [], policy };
    if (skip.has(row)) {
      visit({ ...base, action: 'skip', issues: [] });
      continue;
    }
    const { input, issues, given, custom, groups } = rowInput(cells, o.mapping, ctx.country, o.membershipTypeId, extras);
    const { value, issues: rule } = normalizeMember(input, ctx.country, ctx.today);
    for (const r of rule) {
      const field = r.field as ImportTarget;
      // A birth date that disagrees with the identity number: blame the birth-date column if mapped.
      issues.push({ column: column.get(field) ?? null, field: column.has(field) ? field : null, code: r.code });
    }
    const duplicate = issues.length ? null : existing.match(value);
    if (!issues.length) {
      for (const [key, v] of [['identity', value.identityNumber], ['email', value.email], ['mobile', value.mobile]] as const) {
        if (!v) continue;
        if (seen[key].has(v)) {
          const field = key === 'identity' ? 'identityNumber' : key;
          issues.push({ column: column.get(field) ?? null, field, code: 'repeated-in-file' });
        }
        seen[key].add(v);
      }
    }
    if (!issues.length && duplicate && policy === 'create' && duplicate.reasons.includes('same-identity')) {
      issues.push({ column: column.get('identityNumber') ?? null, field: 'identityNumber', code: 'identity-in-use' });
    }
    if (issues.length) {
      visit({ ...base, action: 'invalid', issues, given, custom, groups });
      continue;
    }
    const action: ImportRowAction = !duplicate || policy === 'create' ? 'create' : policy === 'skip' ? 'skip' : 'update';
    visit({ ...base, action, issues: [], duplicate, member: value, given, custom, groups });
  }
}
