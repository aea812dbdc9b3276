import type { BulkOperationEntity } from '../../shared/contract';
import type { Db } from '../db/database';
import { raw, sql } from '../db/sql';
import { refreshLastContactOfSelection } from '../contact-log/queries';
import { conflict, notFound } from '../members/errors';
import { addDays } from '../periods/rules';
import { classify, type ParsedBulkAction } from './rules';

/** Session-only scratch tables (never saved: temp tables are not in the exported file). */
export function prepareSelection(db: Db, ids: number[]) {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS bulk_members (id INTEGER PRIMARY KEY);
           CREATE TEMP TABLE IF NOT EXISTS bulk_changing (id INTEGER PRIMARY KEY);`);
  db.run(sql`DELETE FROM temp.bulk_members`);
  db.run(sql`INSERT OR IGNORE INTO temp.bulk_members (id) SELECT value FROM json_each(${JSON.stringify(ids)})`);
}

/**
 * Values a bulk action overwrites, kept per row so undo restores them exactly. Table and column
 * names come from this list only.
 */
const RESTORABLE = {
  members: ['membership_type_id', 'archived_at'],
  member_type_periods: ['membership_type_id', 'to_on'],
} as const;
type Tbl = keyof typeof RESTORABLE;

function keepOld(db: Db, op: number, tbl: Tbl, col: string, rowsSql: string, newValue: string | number | null, params: (string | number)[]) {
  db.run({
    text: `INSERT INTO bulk_changes (op_id, tbl, row_id, col, old_value, new_value)
           SELECT ?, '${tbl}', t.id, '${col}', t.${col}, ? FROM ${tbl} t WHERE ${rowsSql}`,
    params: [op, newValue, ...params],
  });
}

/** Applies the action to the changing members (temp.bulk_changing); every row it adds carries op_id. */
export function applyAction(db: Db, a: ParsedBulkAction, op: number, now: string) {
  const changing = 'IN (SELECT id FROM temp.bulk_changing)';
  switch (a.kind) {
    case 'addToGroup':
      db.run(sql`INSERT INTO group_roles (member_id, group_id, role, from_on, op_id)
                 SELECT id, ${a.groupId}, ${a.role}, ${a.from}, ${op} FROM temp.bulk_changing`);
      return;
    case 'addContact': {
      const c = a.contact;
      db.run(sql`INSERT INTO contact_log (member_id, kind, on_date, made_by, outcome, notes, follow_up_on, created_at, op_id)
                 SELECT id, ${c.kind}, ${c.on}, ${c.madeBy}, ${c.outcome}, ${c.notes}, ${c.followUpOn}, ${now}, ${op} FROM temp.bulk_changing`);
      db.run(sql`DELETE FROM temp.bulk_members`);
      db.run(sql`INSERT INTO temp.bulk_members SELECT id FROM temp.bulk_changing`);
      refreshLastContactOfSelection(db);
      return;
    }
    case 'archive':
      keepOld(db, op, 'members', 'archived_at', `t.id ${changing}`, now, []);
      db.run(sql`INSERT INTO member_history (member_id, at, field, old_value, new_value, source, op_id)
                 SELECT id, ${now}, 'archivedAt', NULL, ${now}, 'bulk', ${op} FROM temp.bulk_changing`);
      db.run(sql`UPDATE members SET archived_at = ${now}, updated_at = ${now} WHERE id ${raw(changing)}`);
      return;
    case 'setType': {
      const t = a.membershipTypeId;
      const open = `t.member_id ${changing} AND t.to_on IS NULL`;
      // Same day as the open period began: a correction of that period's type.
      keepOld(db, op, 'member_type_periods', 'membership_type_id', `${open} AND t.from_on = ?`, t, [a.from]);
      db.run(sql`UPDATE member_type_periods SET membership_type_id = ${t}
                 WHERE member_id ${raw(changing)} AND to_on IS NULL AND from_on = ${a.from}`);
      const closeOn = addDays(a.from, -1);
      keepOld(db, op, 'member_type_periods', 'to_on', `${open} AND t.from_on < ?`, closeOn, [a.from]);
      db.run(sql`UPDATE member_type_periods SET to_on = ${closeOn}
                 WHERE member_id ${raw(changing)} AND to_on IS NULL AND from_on < ${a.from}`);
      db.run(sql`INSERT INTO member_type_periods (member_id, membership_type_id, from_on, op_id)
                 SELECT id, ${t}, ${a.from}, ${op} FROM temp.bulk_changing c
                 WHERE NOT EXISTS (SELECT 1 FROM member_type_periods p WHERE p.member_id = c.id AND p.to_on IS NULL)`);
      db.run(sql`INSERT INTO member_history (member_id, at, field, old_value, new_value, source, op_id)
                 SELECT id, ${now}, 'membershipTypeId', membership_type_id, ${t}, 'bulk', ${op} FROM members WHERE id ${raw(changing)}`);
      keepOld(db, op, 'members', 'membership_type_id', `t.id ${changing}`, t, []);
      db.run(sql`UPDATE members SET membership_type_id = ${t}, updated_at = ${now} WHERE id ${raw(changing)}`);
      return;
    }
  }
}

/** Fills temp.bulk_changing with the members the action changes; returns how many. */
export function selectChanging(db: Db, a: ParsedBulkAction, now: string): number {
  db.run(sql`DELETE FROM temp.bulk_changing`);
  db.run(sql`INSERT INTO temp.bulk_changing SELECT id FROM (${classify(a, now)}) WHERE reason IS NULL`);
  return db.column(sql`SELECT count(*) FROM temp.bulk_changing`)[0];
}

interface DbOp {
  id: number;
  kind: BulkOperationEntity['kind'];
  summary: string;
  created_at: string;
  undone_at: string | null;
}

export function listOperations(db: Db, limit: number): BulkOperationEntity[] {
  // "Latest" counts imports too (a bulk action before an import must not be undone under it),
  // but imports are listed and undone by the import screen, which knows their whole effect.
  const latest = db.column(sql`SELECT coalesce(max(id), 0) FROM operations WHERE undone_at IS NULL`)[0];
  return db
    .all<DbOp>(sql`SELECT * FROM operations WHERE kind != 'import' ORDER BY id DESC LIMIT ${limit}`)
    .map((o) => ({
      id: o.id,
      kind: o.kind,
      changed: (JSON.parse(o.summary) as { changed: number }).changed,
      createdAt: o.created_at,
      undoneAt: o.undone_at,
      undoable: o.undone_at === null && o.id === latest,
    }));
}

export function getOperation(db: Db, id: number): BulkOperationEntity {
  const op = listOperations(db, 1_000_000).find((o) => o.id === id);
  if (!op) throw notFound('operation', id, 'operationId');
  return op;
}

/**
 * Reverses one operation exactly: rows it added (carrying its op_id, history rows included) are
 * deleted, values it overwrote are put back. Only the latest operation, and only while the values
 * it wrote are still there — otherwise undo would overwrite someone's later edit.
 */
export function undoOperation(db: Db, id: number, now: string) {
  const op = getOperation(db, id);
  if (op.undoneAt) throw conflict('bulk-already-undone', 'operationId');
  if (!op.undoable) throw conflict('bulk-undo-not-latest', 'operationId');
  for (const [tbl, cols] of Object.entries(RESTORABLE) as [Tbl, readonly string[]][]) {
    for (const col of cols) {
      const changed = db.column({
        text: `SELECT count(*) FROM bulk_changes c JOIN ${tbl} t ON t.id = c.row_id
               WHERE c.op_id = ? AND c.tbl = '${tbl}' AND c.col = '${col}' AND t.${col} IS NOT c.new_value`,
        params: [id],
      })[0];
      if (changed) throw conflict('bulk-changed-since', 'operationId', { count: changed });
    }
  }
  // Members whose contact log changes need their last contact recomputed.
  prepareSelection(db, db.column(sql`SELECT DISTINCT member_id FROM contact_log WHERE op_id = ${id}`));
  for (const tbl of ['group_roles', 'contact_log', 'member_type_periods', 'member_history'] as const) {
    db.run(sql`DELETE FROM ${raw(tbl)} WHERE op_id = ${id}`);
  }
  // A row recorded twice gets its first old value: the one from before the operation.
  for (const [tbl, cols] of Object.entries(RESTORABLE) as [Tbl, readonly string[]][]) {
    for (const col of cols) {
      db.run({
        text: `UPDATE ${tbl} SET ${col} = (SELECT c.old_value FROM bulk_changes c WHERE c.op_id = ? AND c.tbl = '${tbl}' AND c.col = '${col}' AND c.row_id = ${tbl}.id ORDER BY c.rowid LIMIT 1)
               WHERE id IN (SELECT row_id FROM bulk_changes WHERE op_id = ? AND tbl = '${tbl}' AND col = '${col}')`,
        params: [id, id],
      });
    }
  }
  db.run(sql`UPDATE members SET updated_at = ${now} WHERE id IN (SELECT row_id FROM bulk_changes WHERE op_id = ${id} AND tbl = 'members')`);
  refreshLastContactOfSelection(db);
  db.run(sql`UPDATE operations SET undone_at = ${now} WHERE id = ${id}`);
}
