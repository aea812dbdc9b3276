import type { Db } from '../../db/database';
import { raw, sql, type SqlValue } from '../../db/sql';

/**
 * Inserts many rows with few statements: one INSERT per chunk of rows instead of one per row.
 * A bank file of 10,000 payments writes some 40,000 rows (items, payments, links, history); in
 * sql.js each statement costs tens of microseconds, so row-by-row inserts alone would eat the
 * import's time budget. Table and column names come from this module's callers (fixed text),
 * values are bound parameters. Chunks stay under SQLite's historic 999-variable limit.
 */
export function insertMany(db: Db, table: string, columns: readonly string[], rows: SqlValue[][]): void {
  const per = Math.max(1, Math.floor(900 / columns.length));
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    db.run({ text: head + chunk.map(() => tuple).join(', '), params: chunk.flat() });
  }
}

/** The next free id of a table: rows are inserted with their ids, so links can point to them before they exist. */
export function nextId(db: Db, table: 'payments' | 'payment_import_items'): number {
  return db.column(sql`SELECT coalesce(max(id), 0) + 1 FROM ${raw(table)}`)[0];
}
