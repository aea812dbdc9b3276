import type { HistoryEntity, HistorySource } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql } from '../db/sql';

export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** History stores text: booleans as "1"/"0", numbers as written, empty as null. */
export function historyText(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/** One row per field whose value really changed. */
export function recordHistory(
  db: Db,
  memberId: number,
  at: string,
  changes: FieldChange[],
  source: HistorySource,
  opId: number | null = null,
): number {
  let n = 0;
  for (const c of changes) {
    const o = historyText(c.oldValue);
    const v = historyText(c.newValue);
    if (o === v) continue;
    db.run(sql`INSERT INTO member_history (member_id, at, field, old_value, new_value, source, op_id)
               VALUES (${memberId}, ${at}, ${c.field}, ${o}, ${v}, ${source}, ${opId})`);
    n++;
  }
  return n;
}

/**
 * The one entry "added to the register" of a member made by hand: no value before or after, at the
 * member's creation. (An import's members get theirs from the import's range record instead: see
 * listHistory.)
 */
export function recordCreated(db: Db, memberId: number, at: string): void {
  db.run(sql`INSERT INTO member_history (member_id, at, field, old_value, new_value, source)
             VALUES (${memberId}, ${at}, 'created', NULL, NULL, 'edit')`);
}

interface DbHistory {
  id: number;
  member_id: number;
  at: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  source: HistorySource;
}

/**
 * A member's history: the stored changes, and for a member an import created, one entry
 * "created" with the file's name. That entry is read from the import's one record of the ids
 * it created ('created-range' in bulk_changes) rather than stored as a row per member: an import
 * of 100,000 rows would otherwise write 100,000 identical rows. Imports made before the range
 * record stored the row (the NOT EXISTS keeps it from showing twice). Undone imports show
 * nothing: their members are gone. "Created" comes last of the entries of its moment (first in
 * time): a member made as already gone has its status change written in the same instant.
 */
export function listHistory(db: Db, memberId: number, offset: number, limit: number): { total: number; rows: HistoryEntity[] } {
  const entries = sql`
    SELECT id, at, field, old_value, new_value, source FROM member_history WHERE member_id = ${memberId}
    UNION ALL
    SELECT -r.id, r.at, 'created', NULL, r.file_name, 'import'
      FROM import_runs r JOIN bulk_changes c ON c.op_id = r.operation_id AND c.tbl = 'members' AND c.col = 'created-range'
     WHERE r.undone_at IS NULL AND ${memberId} BETWEEN c.row_id AND c.old_value
       AND NOT EXISTS (SELECT 1 FROM member_history h WHERE h.member_id = ${memberId} AND h.op_id = r.operation_id AND h.field = 'created')`;
  const total = db.column(sql`SELECT count(*) FROM (${entries})`)[0];
  const rows = db
    .all<Omit<DbHistory, 'member_id'>>(sql`SELECT * FROM (${entries}) ORDER BY at DESC, field = 'created', id DESC LIMIT ${limit} OFFSET ${offset}`)
    .map((r) => ({ id: r.id, memberId, at: r.at, field: r.field, oldValue: r.old_value, newValue: r.new_value, source: r.source }));
  return { total, rows };
}
