import type { Migration } from './index';

/** The first register: settings, membership types and members. */
export const m001: Migration = {
  version: 1,
  name: 'foundation',
  up: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE membership_types (
      id        INTEGER PRIMARY KEY,
      code      TEXT UNIQUE,
      name      TEXT NOT NULL,
      pays_dues INTEGER NOT NULL DEFAULT 1,
      may_vote  INTEGER NOT NULL DEFAULT 1,
      position  INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO membership_types (code, name, pays_dues, may_vote, position) VALUES
      ('full',       'Full',       1, 1, 1),
      ('supporting', 'Supporting', 1, 0, 2),
      ('family',     'Family',     1, 1, 3),
      ('youth',      'Youth',      1, 1, 4),
      ('honorary',   'Honorary',   0, 1, 5);

    CREATE TABLE members (
      id                 INTEGER PRIMARY KEY,
      member_number      INTEGER NOT NULL UNIQUE,
      first_name         TEXT NOT NULL,
      last_name          TEXT NOT NULL,
      birth_date         TEXT,
      identity_number    TEXT,
      street             TEXT,
      postcode           TEXT,
      city               TEXT,
      country            TEXT NOT NULL,
      email              TEXT,
      mobile             TEXT,
      consent_sms        INTEGER NOT NULL DEFAULT 0,
      consent_email      INTEGER NOT NULL DEFAULT 0,
      consent_post       INTEGER NOT NULL DEFAULT 1,
      membership_type_id INTEGER REFERENCES membership_types(id),
      joined_on          TEXT,
      status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left', 'struck_off')),
      archived_at        TEXT,
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      -- Derived columns, kept by the code on every write: sql.js folds case only for ASCII and
      -- sorts by bytes, so search and sort use precomputed, language-aware keys.
      search_text        TEXT NOT NULL,
      sort_last          TEXT NOT NULL,
      sort_first         TEXT NOT NULL,
      sort_city          TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX members_identity ON members(identity_number) WHERE identity_number IS NOT NULL;
    CREATE INDEX members_sort_name ON members(sort_last, sort_first, id);
    CREATE INDEX members_archived ON members(archived_at);
  `,
};
