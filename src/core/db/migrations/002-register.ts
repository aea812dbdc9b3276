import type { Migration } from './index';

/**
 * The complete register: type periods, the status life cycle, groups and roles, households,
 * custom fields, the contact log, the change history, saved segments and undoable bulk actions.
 *
 * Dates are ISO `YYYY-MM-DD`; a period is inclusive at both ends and open when `to_on` is NULL,
 * so "held at D" is `from_on <= D AND (to_on IS NULL OR to_on >= D)` everywhere.
 *
 * Rows a bulk action inserts carry its `op_id`, so undo deletes exactly them; values it overwrote
 * are in `bulk_changes`.
 */
export const m002: Migration = {
  version: 2,
  name: 'register',
  up: `
    ALTER TABLE membership_types ADD COLUMN archived_at TEXT;

    CREATE TABLE households (
      id         INTEGER PRIMARY KEY,
      name       TEXT,
      created_at TEXT NOT NULL
    );

    -- members.status mirrors the latest member_status_events row; status_since is its date.
    ALTER TABLE members ADD COLUMN status_since TEXT;
    ALTER TABLE members ADD COLUMN household_id INTEGER REFERENCES households(id);
    ALTER TABLE members ADD COLUMN merged_into INTEGER REFERENCES members(id);
    -- Latest contact that reached the member (not 'no-answer'): the journey stage and segments
    -- read it for 100,000 members without touching the 300,000-row contact log.
    ALTER TABLE members ADD COLUMN last_contact_on TEXT;
    CREATE INDEX members_household ON members(household_id) WHERE household_id IS NOT NULL;
    CREATE INDEX members_type ON members(membership_type_id);
    CREATE INDEX members_birth ON members(birth_date);
    CREATE INDEX members_email ON members(email) WHERE email IS NOT NULL;
    CREATE INDEX members_mobile ON members(mobile) WHERE mobile IS NOT NULL;
    CREATE INDEX members_sort_city ON members(sort_city);

    CREATE TABLE operations (
      id         INTEGER PRIMARY KEY,
      kind       TEXT NOT NULL,
      summary    TEXT NOT NULL,
      created_at TEXT NOT NULL,
      undone_at  TEXT
    );

    CREATE TABLE bulk_changes (
      op_id     INTEGER NOT NULL REFERENCES operations(id),
      tbl       TEXT NOT NULL,
      row_id    INTEGER NOT NULL,
      col       TEXT NOT NULL,
      old_value,
      new_value
    );
    -- Undo looks up each restored row's old value by (op, table, column, row).
    CREATE INDEX bulk_changes_op ON bulk_changes(op_id, tbl, col, row_id);

    CREATE TABLE member_type_periods (
      id                 INTEGER PRIMARY KEY,
      member_id          INTEGER NOT NULL REFERENCES members(id),
      membership_type_id INTEGER NOT NULL REFERENCES membership_types(id),
      from_on            TEXT NOT NULL,
      to_on              TEXT,
      op_id              INTEGER REFERENCES operations(id),
      CHECK (to_on IS NULL OR to_on >= from_on)
    );
    CREATE INDEX type_periods_member ON member_type_periods(member_id, from_on);
    CREATE INDEX type_periods_type ON member_type_periods(membership_type_id);
    CREATE INDEX type_periods_op ON member_type_periods(op_id) WHERE op_id IS NOT NULL;

    CREATE TABLE member_status_events (
      id         INTEGER PRIMARY KEY,
      member_id  INTEGER NOT NULL REFERENCES members(id),
      status     TEXT NOT NULL CHECK (status IN ('active', 'left', 'struck_off')),
      kind       TEXT NOT NULL CHECK (kind IN ('joined', 'rejoined', 'left', 'struck_off')),
      on_date    TEXT NOT NULL,
      reason     TEXT,
      note       TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX status_events_member ON member_status_events(member_id, on_date, id);

    CREATE TABLE groups (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('board', 'section', 'committee', 'other')),
      archived_at TEXT,
      created_at  TEXT NOT NULL
    );

    CREATE TABLE group_roles (
      id        INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members(id),
      group_id  INTEGER NOT NULL REFERENCES groups(id),
      role      TEXT NOT NULL,
      from_on   TEXT NOT NULL,
      to_on     TEXT,
      op_id     INTEGER REFERENCES operations(id),
      CHECK (to_on IS NULL OR to_on >= from_on)
    );
    CREATE INDEX group_roles_member ON group_roles(member_id, group_id);
    CREATE INDEX group_roles_group ON group_roles(group_id, role, from_on);
    CREATE INDEX group_roles_op ON group_roles(op_id) WHERE op_id IS NOT NULL;

    CREATE TABLE custom_fields (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'boolean', 'choice')),
      options     TEXT NOT NULL DEFAULT '[]',
      position    INTEGER NOT NULL DEFAULT 0,
      archived_at TEXT,
      created_at  TEXT NOT NULL
    );

    -- One value per member and field, typed by the field's kind: TEXT for text/date/choice,
    -- REAL for number, 0/1 for boolean. Absent row = empty.
    CREATE TABLE custom_values (
      member_id INTEGER NOT NULL REFERENCES members(id),
      field_id  INTEGER NOT NULL REFERENCES custom_fields(id),
      value     NOT NULL,
      PRIMARY KEY (member_id, field_id)
    ) WITHOUT ROWID;
    CREATE INDEX custom_values_field ON custom_values(field_id, value);

    CREATE TABLE contact_log (
      id           INTEGER PRIMARY KEY,
      member_id    INTEGER NOT NULL REFERENCES members(id),
      kind         TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'letter', 'email', 'sms')),
      on_date      TEXT NOT NULL,
      made_by      TEXT NOT NULL DEFAULT '',
      outcome      TEXT CHECK (outcome IS NULL OR outcome IN ('reached', 'no-answer', 'call-back', 'declined')),
      notes        TEXT NOT NULL DEFAULT '',
      follow_up_on TEXT,
      follow_up_done_on TEXT,
      created_at   TEXT NOT NULL,
      op_id        INTEGER REFERENCES operations(id)
    );
    CREATE INDEX contact_log_member ON contact_log(member_id, on_date);
    CREATE INDEX contact_log_follow_up ON contact_log(follow_up_on) WHERE follow_up_on IS NOT NULL AND follow_up_done_on IS NULL;
    CREATE INDEX contact_log_op ON contact_log(op_id) WHERE op_id IS NOT NULL;

    CREATE TABLE member_history (
      id        INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members(id),
      at        TEXT NOT NULL,
      field     TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      source    TEXT NOT NULL CHECK (source IN ('edit', 'bulk', 'merge', 'status', 'undo')),
      op_id     INTEGER REFERENCES operations(id)
    );
    CREATE INDEX member_history_member ON member_history(member_id, at);
    CREATE INDEX member_history_op ON member_history(op_id) WHERE op_id IS NOT NULL;

    CREATE TABLE segments (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL UNIQUE,
      definition TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    -- Registers made before this migration: their members' current type and status become the
    -- first period and event, dated from what is known.
    UPDATE members SET status_since = coalesce(joined_on, substr(created_at, 1, 10));
    INSERT INTO member_type_periods (member_id, membership_type_id, from_on)
      SELECT id, membership_type_id, coalesce(joined_on, substr(created_at, 1, 10))
      FROM members WHERE membership_type_id IS NOT NULL;
    INSERT INTO member_status_events (member_id, status, kind, on_date, reason, created_at)
      SELECT id, status, CASE status WHEN 'active' THEN 'joined' ELSE status END,
             coalesce(joined_on, substr(created_at, 1, 10)), CASE status WHEN 'active' THEN NULL ELSE 'other' END, created_at
      FROM members;
  `,
};
