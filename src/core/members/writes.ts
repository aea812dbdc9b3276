import type { MemberEntity, MemberInputParsed } from '../../shared/contract';
import { maskIdentityNumber } from '../../shared/nordic/identity';
import { KansliError, validationError } from '../../shared/result';
import type { Db } from '../db/database';
import { sql, type SqlValue } from '../db/sql';
import { recordHistory, type FieldChange } from '../history/queries';
import { applyTypeChange, assertTypeAssignable, endTypePeriod } from '../membership-types/queries';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import { checkStatusChange, recordStatusEvent, statusEvents } from './lifecycle';
import { normalizeMember, type NormalizedMember } from './rules';
import { searchText, sortKeys } from './search';

/**
 * Reserves `count` member numbers and returns the first: after the counter, after the highest
 * number in the register, and after `above` (the highest number an import keeps from its file).
 * The counter means a number is never reused, even after archiving. One call for a whole batch
 * moves the counter exactly as `count` single calls would.
 */
export function reserveMemberNumbers(db: Db, count: number, above = 0): number {
  const row = db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = 'nextMemberNumber'`);
  const highest = db.column(sql`SELECT coalesce(max(member_number), 0) FROM members`)[0];
  const n = Math.max(row ? Number(row.value) : 1, highest + 1, above + 1);
  db.run(sql`INSERT INTO settings (key, value) VALUES ('nextMemberNumber', ${String(n + count)})
             ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  return n;
}

/** A member number given to a new member (an import keeping the old register's numbers) must be free. */
export function assertMemberNumbersFree(db: Db, numbers: number[]) {
  if (!numbers.length) return;
  if (new Set(numbers).size !== numbers.length) {
    throw new KansliError('validation', 'member number given twice', { fields: [{ field: 'memberNumber', code: 'member-number-in-use' }] });
  }
  const taken = db.column(sql`SELECT member_number FROM members WHERE member_number IN (SELECT value FROM json_each(${JSON.stringify(numbers)})) LIMIT 1`);
  if (taken.length) {
    throw new KansliError('validation', 'member number in use', { fields: [{ field: 'memberNumber', code: 'member-number-in-use' }], memberNumber: taken[0] });
  }
}

export function validated(ctx: RegisterContext, input: MemberInputParsed): NormalizedMember {
  const { value, issues } = normalizeMember(input, ctx.country, isoDate(ctx.now()));
  if (issues.length) throw validationError(issues);
  return value;
}

const identityInUse = (memberNumber: number | null) =>
  new KansliError('validation', 'identity number in use', { fields: [{ field: 'identityNumber', code: 'identity-in-use' }], memberNumber });

function assertIdentityFree(db: Db, identity: string | null, exceptId: number) {
  if (!identity) return;
  const other = db.get<{ member_number: number }>(
    sql`SELECT member_number FROM members WHERE identity_number = ${identity} AND id != ${exceptId}`,
  );
  if (other) throw identityInUse(other.member_number);
}

/** The same rule for many new members at once: one query, and no number twice among them. */
export function assertIdentitiesFree(db: Db, identities: string[]) {
  if (!identities.length) return;
  if (new Set(identities).size !== identities.length) throw identityInUse(null);
  const other = db.column(sql`SELECT member_number FROM members WHERE identity_number IN (SELECT value FROM json_each(${JSON.stringify(identities)})) LIMIT 1`);
  if (other.length) throw identityInUse(other[0]);
}

/** The columns a new member's row is written with, in the order memberRow gives their values. */
export const MEMBER_INSERT_COLUMNS = [
  'id', 'member_number', 'first_name', 'last_name', 'birth_date', 'identity_number', 'street', 'postcode',
  'city', 'country', 'email', 'mobile', 'consent_sms', 'consent_email', 'consent_post', 'membership_type_id', 'joined_on',
  'status', 'status_since', 'created_at', 'updated_at', 'search_text', 'sort_last', 'sort_first', 'sort_city',
] as const;

/**
 * A new member's row as both insert paths write it: an active member since the join date (or
 * today), with the search text and sort keys. `id` is the next rowid, given explicitly so a
 * batch knows its ids without asking.
 */
export function memberRow(
  m: NormalizedMember,
  id: number,
  memberNumber: number,
  language: RegisterContext['language'],
  now: string,
  today: string,
): SqlValue[] {
  const keys = sortKeys(m, language);
  const joined = m.joinedOn ?? today;
  return [
    id, memberNumber, m.firstName, m.lastName, m.birthDate, m.identityNumber, m.street ?? null, m.postcode ?? null,
    m.city ?? null, m.country, m.email ?? null, m.mobile ?? null, m.consentSms ? 1 : 0, m.consentEmail ? 1 : 0, m.consentPost ? 1 : 0, m.membershipTypeId ?? null, joined,
    'active', joined, now, now, searchText(m, memberNumber), keys.sortLast, keys.sortFirst, keys.sortCity,
  ];
}

/** The id the next inserted member gets (SQLite's own choice for a rowid table: one above the highest). */
export function nextMemberId(db: Db): number {
  return db.column(sql`SELECT coalesce(max(id), 0) + 1 FROM members`)[0];
}

const INSERT_ONE = {
  text: `INSERT INTO members (${MEMBER_INSERT_COLUMNS.join(', ')}) VALUES (${MEMBER_INSERT_COLUMNS.map(() => '?').join(', ')})`,
};

/**
 * The single insert path (the form, the bench's seeding, and the reference the batch path in
 * batch-insert.ts is tested against): member row with its search and sort keys, the 'joined'
 * event, and the first type period. `memberNumber` keeps a number from an old register; without
 * it the next number is handed out. Call inside ctx.write.
 */
export function insertMember(ctx: RegisterContext, m: NormalizedMember, memberNumber?: number): number {
  const db = ctx.db;
  if (m.membershipTypeId != null) assertTypeAssignable(db, m.membershipTypeId);
  assertIdentityFree(db, m.identityNumber, 0);
  if (memberNumber !== undefined) assertMemberNumbersFree(db, [memberNumber]);
  const number = memberNumber ?? reserveMemberNumbers(db, 1);
  const now = isoTime(ctx.now());
  const today = isoDate(ctx.now());
  const id = nextMemberId(db);
  const row = memberRow(m, id, number, ctx.language, now, today);
  db.run({ text: INSERT_ONE.text, params: row });
  const joined = m.joinedOn ?? today;
  recordStatusEvent(db, id, { to: 'active', on: joined }, null, now);
  if (m.membershipTypeId != null) {
    db.run(sql`INSERT INTO member_type_periods (member_id, membership_type_id, from_on) VALUES (${id}, ${m.membershipTypeId}, ${joined})`);
  }
  if (m.status !== 'active') {
    // A member registered as already gone (e.g. typed in from old papers): dated today.
    const on = joined > today ? joined : today;
    recordStatusEvent(db, id, { to: m.status, on, reason: 'other' }, 'active', now);
  }
  return id;
}

const FIELDS = [
  'firstName', 'lastName', 'birthDate', 'identityNumber', 'street', 'postcode', 'city', 'country',
  'email', 'mobile', 'consentSms', 'consentEmail', 'consentPost', 'joinedOn',
] as const;

/**
 * Writes a member's fields (the form, a merge), with one history row per changed field, the type
 * through its periods and the status through the life cycle (both dated today from here).
 * Call inside ctx.write.
 */
export function updateMember(ctx: RegisterContext, existing: MemberEntity, m: NormalizedMember, source: 'edit' | 'merge' | 'import' = 'edit') {
  const db = ctx.db;
  const id = existing.id;
  const today = isoDate(ctx.now());
  const now = isoTime(ctx.now());
  assertIdentityFree(db, m.identityNumber, id);
  const keys = sortKeys(m, ctx.language);
  const search = searchText(m, existing.memberNumber);
  db.run(sql`
    UPDATE members SET first_name = ${m.firstName}, last_name = ${m.lastName}, birth_date = ${m.birthDate},
      identity_number = ${m.identityNumber}, street = ${m.street}, postcode = ${m.postcode}, city = ${m.city},
      country = ${m.country}, email = ${m.email}, mobile = ${m.mobile}, consent_sms = ${m.consentSms},
      consent_email = ${m.consentEmail}, consent_post = ${m.consentPost}, joined_on = ${m.joinedOn},
      updated_at = ${now}, search_text = ${search}, sort_last = ${keys.sortLast},
      sort_first = ${keys.sortFirst}, sort_city = ${keys.sortCity}
    WHERE id = ${id}`);
  const mask = (v: string | null) => (v ? maskIdentityNumber(v, existing.country === 'NO' ? 'NO' : 'SE') : null);
  const changes: FieldChange[] = FIELDS.map((f) =>
    f === 'identityNumber'
      ? { field: f, oldValue: existing.identityNumber === m.identityNumber ? null : mask(existing.identityNumber), newValue: existing.identityNumber === m.identityNumber ? null : mask(m.identityNumber) }
      : { field: f, oldValue: existing[f], newValue: m[f] },
  );
  recordHistory(db, id, now, changes, source);

  // The only 'joined' event moves with a corrected join date.
  if (m.joinedOn && m.joinedOn !== existing.joinedOn) {
    const events = statusEvents(db, id);
    if (events.length === 1 && events[0].kind === 'joined') {
      db.run(sql`UPDATE member_status_events SET on_date = ${m.joinedOn} WHERE id = ${events[0].id}`);
      db.run(sql`UPDATE members SET status_since = ${m.joinedOn} WHERE id = ${id}`);
    }
  }

  const typeId = m.membershipTypeId ?? null;
  if (typeId !== existing.membershipTypeId) {
    if (typeId === null) endTypePeriod(db, id, today);
    else {
      assertTypeAssignable(db, typeId);
      applyTypeChange(db, id, typeId, today, today);
    }
    recordHistory(db, id, now, [{ field: 'membershipTypeId', oldValue: existing.membershipTypeId, newValue: typeId }], source);
  }

  if (m.status !== existing.status) {
    const change = { to: m.status, on: today, reason: m.status === 'active' ? null : ('other' as const) };
    const problem = checkStatusChange(statusEvents(db, id), change, today);
    if (problem) throw validationError([{ field: 'status', code: problem }]);
    recordStatusEvent(db, id, change, existing.status, now);
  }
}
