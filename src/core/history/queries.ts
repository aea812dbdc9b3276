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

interface DbHistory {
  id: number;
  member_id: number;
  at: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  source: HistorySource;
}

export function listHistory(db: Db, memberId: number, offset: number, limit: number): { total: number; rows: HistoryEntity[] } {
  const total = db.column(sql`SELECT count(*) FROM member_history WHERE member_id = ${memberId}`)[0];
  const rows = db
    .all<DbHistory>(sql`SELECT id, member_id, at, field, old_value, new_value, source FROM member_history
                        WHERE member_id = ${memberId} ORDER BY at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`)
    .map((r) => ({ id: r.id, memberId: r.member_id, at: r.at, field: r.field, oldValue: r.old_value, newValue: r.new_value, source: r.source }));
  return { total, rows };
}
