import type { Db } from '../db/database';
import { sql, type SqlValue } from '../db/sql';
import { assertTypeAssignable } from '../membership-types/queries';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import { insertingMany } from './list-index';
import type { NormalizedMember } from './rules';
import {
  assertIdentitiesFree, assertMemberNumbersFree, insertMember, MEMBER_INSERT_COLUMNS, memberRow, nextMemberId, reserveMemberNumbers,
} from './writes';

export interface NewMember {
  member: NormalizedMember;
  /** A number kept from an old register; null for the next free one. */
  memberNumber: number | null;
}

/** Rows per INSERT: 25 values each, well under SQLite's limit on bound parameters. */
const ROWS_PER_STATEMENT = 40;
/** Rows written before their events and periods follow (bounds the rows held as SQL values). */
const ROWS_PER_FLUSH = 2_000;
/**
 * From this many new members on, the members table's own indexes are dropped and built again
 * once: sql.js spends about two thirds of a row's insert keeping nine indexes up to date one
 * entry at a time, while CREATE INDEX sorts all entries in one go.
 */
export const REBUILD_INDEXES_FROM = 5_000;

/**
 * Columns in which every row of a batch has the same value (an active member, written now):
 * bound once per statement instead of once per row — binding a string is most of what sql.js
 * spends on a row.
 */
const SHARED_COLUMNS = ['status', 'created_at', 'updated_at'] as const;
const SHARED_AT = SHARED_COLUMNS.map((c) => MEMBER_INSERT_COLUMNS.indexOf(c));
const OWN_AT = MEMBER_INSERT_COLUMNS.map((_, i) => i).filter((i) => !SHARED_AT.includes(i));

/**
 * The INSERT for `rows` rows, made once per size (the statement cache knows it by its text):
 * parameters ?1… are the rows' own values in order, the shared columns' values follow.
 */
const insertTexts = new Map<number, string>();
function insertMany(rows: number): string {
  let text = insertTexts.get(rows);
  if (!text) {
    const tuples: string[] = [];
    for (let r = 0, n = 1; r < rows; r++) {
      tuples.push(`(${MEMBER_INSERT_COLUMNS.map((_, c) => `?${SHARED_AT.includes(c) ? rows * OWN_AT.length + SHARED_AT.indexOf(c) + 1 : n++}`).join(', ')})`);
    }
    insertTexts.set(rows, (text = `INSERT INTO members (${MEMBER_INSERT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`));
  }
  return text;
}

/**
 * Many new members at once (an import), writing for each exactly what insertMember writes — the
 * member row, its 'joined' event, its first type period — with the same checks made once for
 * all, member numbers reserved in one step, rows inserted many per statement, and events and
 * periods inserted set-based from the rows just written. New numbers come after every number kept
 * in `items`. Returns the new ids in the order of `items`. Call inside ctx.write.
 */
export function insertMembers(ctx: RegisterContext, items: NewMember[]): number[] {
  const db = ctx.db;
  if (!items.length) return [];
  const types = new Set<number>();
  const identities: string[] = [];
  const kept: number[] = [];
  let fresh = 0;
  for (const { member, memberNumber } of items) {
    if (member.membershipTypeId != null) types.add(member.membershipTypeId);
    if (member.identityNumber) identities.push(member.identityNumber);
    if (memberNumber === null) fresh++;
    else kept.push(memberNumber);
  }
  for (const typeId of types) assertTypeAssignable(db, typeId);
  assertIdentitiesFree(db, identities);
  assertMemberNumbersFree(db, kept);
  let nextNumber = fresh ? reserveMemberNumbers(db, fresh, kept.reduce((a, b) => Math.max(a, b), 0)) : 0;

  const now = isoTime(ctx.now());
  const today = isoDate(ctx.now());
  const ids: number[] = [];
  let pending: SqlValue[][] = [];
  let firstId = nextMemberId(db);

  // Rows of active members go in many at a time; their events and periods follow per flush, so
  // event and period ids come in the same order as the single path gives them.
  const flush = () => {
    if (!pending.length) return;
    for (let i = 0; i < pending.length; i += ROWS_PER_STATEMENT) {
      const rows = Math.min(ROWS_PER_STATEMENT, pending.length - i);
      const params: SqlValue[] = new Array(rows * OWN_AT.length + SHARED_AT.length);
      let k = 0;
      for (let r = 0; r < rows; r++) {
        const row = pending[i + r];
        for (const c of OWN_AT) params[k++] = row[c];
      }
      for (const c of SHARED_AT) params[k++] = pending[i][c];
      db.run({ text: insertMany(rows), params });
    }
    const lastId = firstId + pending.length - 1;
    db.run(sql`INSERT INTO member_status_events (member_id, status, kind, on_date, reason, note, created_at)
               SELECT id, 'active', 'joined', joined_on, NULL, NULL, created_at FROM members WHERE id BETWEEN ${firstId} AND ${lastId} ORDER BY id`);
    db.run(sql`INSERT INTO member_type_periods (member_id, membership_type_id, from_on)
               SELECT id, membership_type_id, joined_on FROM members
               WHERE id BETWEEN ${firstId} AND ${lastId} AND membership_type_id IS NOT NULL ORDER BY id`);
    pending = [];
    firstId = lastId + 1;
  };

  const write = () => {
    for (const { member, memberNumber } of items) {
      const number = memberNumber ?? nextNumber++;
      if (member.status !== 'active') {
        // Rare (a member entered as already gone): the single path, in its place in the order.
        flush();
        ids.push(insertMember(ctx, member, number));
        firstId = nextMemberId(db);
        continue;
      }
      const id = firstId + pending.length;
      pending.push(memberRow(member, id, number, ctx.language, now, today));
      ids.push(id);
      if (pending.length >= ROWS_PER_FLUSH) flush();
    }
    flush();
  };

  // The single path looks members up by identity number; only a batch of active members skips it.
  if (items.length >= REBUILD_INDEXES_FROM && items.every((i) => i.member.status === 'active')) {
    insertingMany(db, () => withIndexesRebuilt(db, 'members', write));
  } else write();
  return ids;
}

/**
 * Runs `fn` with the table's own indexes dropped, then creates them again from their stored
 * definitions. Inside the caller's transaction: a failure rolls the drop back with everything else.
 */
function withIndexesRebuilt(db: Db, table: string, fn: () => void) {
  const indexes = db.all<{ name: string; sql: string }>(
    sql`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL ORDER BY name`,
  );
  for (const i of indexes) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  fn();
  for (const i of indexes) db.exec(i.sql);
}
