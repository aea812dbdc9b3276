import type { Migration } from './index';

/**
 * Bank imports may be camt.053 statements: payment_imports.format's CHECK gains 'camt053'.
 *
 * SQLite cannot change a CHECK in place, so the table is made again with the same columns and
 * rows. The migration runs in one transaction with foreign keys on, where PRAGMA foreign_keys
 * cannot be switched off; instead defer_foreign_keys holds the check of payment_import_items'
 * references to commit: dropping the old table counts its items as orphans, and inserting each
 * row into the new table (same name, same ids) counts them found again, so the commit passes
 * exactly when every item has its import back. The pragma ends with the transaction.
 */
export const m012: Migration = {
  version: 12,
  name: 'camt053-imports',
  up: `
    PRAGMA defer_foreign_keys = ON;
    CREATE TEMP TABLE payment_imports_012 AS SELECT * FROM payment_imports;
    DROP TABLE payment_imports;
    CREATE TABLE payment_imports (
      id         INTEGER PRIMARY KEY,
      format     TEXT NOT NULL CHECK (format IN ('bgmax', 'nets-ocr', 'camt054', 'camt053', 'csv')),
      file_name  TEXT NOT NULL,
      hash       TEXT NOT NULL,
      payee      TEXT,
      currency   TEXT NOT NULL,
      count      INTEGER NOT NULL,
      total      INTEGER NOT NULL,
      at         TEXT NOT NULL,
      undone_at  TEXT
    );
    INSERT INTO payment_imports (id, format, file_name, hash, payee, currency, count, total, at, undone_at)
      SELECT id, format, file_name, hash, payee, currency, count, total, at, undone_at FROM temp.payment_imports_012;
    DROP TABLE temp.payment_imports_012;
    CREATE UNIQUE INDEX payment_imports_hash ON payment_imports(hash) WHERE undone_at IS NULL;
  `,
};
