import type { Migration } from './index';

/**
 * An import is its own source in a member's history ('import', beside 'edit', 'bulk' …), so the
 * register shows which values came from a file. SQLite cannot alter a CHECK: member_history is
 * rebuilt as 004 built it, with 'import' added.
 *
 * members.merged_into gets an index: deleting a member (undoing an import of 100,000) makes
 * SQLite look for members merged into it, which without one is a scan of all members per row.
 */
export const m006: Migration = {
  version: 6,
  name: 'import-history',
  up: `
    CREATE TABLE member_history_new (
      id        INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members(id),
      at        TEXT NOT NULL,
      field     TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      source    TEXT NOT NULL CHECK (source IN ('edit', 'bulk', 'merge', 'status', 'undo', 'dues', 'import')),
      op_id     INTEGER REFERENCES operations(id)
    );
    INSERT INTO member_history_new (id, member_id, at, field, old_value, new_value, source, op_id)
      SELECT id, member_id, at, field, old_value, new_value, source, op_id FROM member_history;
    DROP TABLE member_history;
    ALTER TABLE member_history_new RENAME TO member_history;
    CREATE INDEX member_history_member ON member_history(member_id, at);
    CREATE INDEX member_history_op ON member_history(op_id) WHERE op_id IS NOT NULL;
    CREATE INDEX members_merged_into ON members(merged_into) WHERE merged_into IS NOT NULL;
  `,
};
