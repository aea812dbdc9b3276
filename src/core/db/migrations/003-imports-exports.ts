import type { Migration } from './index';

/** What was imported (for the register's history and one-step undo) and what was exported (the log). */
export const m003: Migration = {
  version: 3,
  name: 'imports-exports',
  up: `
    CREATE TABLE import_runs (
      id           INTEGER PRIMARY KEY,
      at           TEXT NOT NULL,
      file_name    TEXT NOT NULL,
      created      INTEGER NOT NULL,
      updated      INTEGER NOT NULL,
      skipped      INTEGER NOT NULL,
      -- The operation whose recorded changes undo the import (see operations / bulk_changes).
      operation_id INTEGER REFERENCES operations(id),
      undone_at    TEXT
    );

    CREATE TABLE import_mappings (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL UNIQUE,
      mapping    TEXT NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE export_log (
      id           INTEGER PRIMARY KEY,
      at           TEXT NOT NULL,
      kind         TEXT NOT NULL,
      format       TEXT NOT NULL,
      segment_id   INTEGER,
      segment_name TEXT,
      people       INTEGER NOT NULL,
      columns      TEXT NOT NULL,
      file_name    TEXT NOT NULL
    );
    CREATE INDEX export_log_at ON export_log(at);
  `,
};
