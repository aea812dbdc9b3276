import type { Migration } from './index';

/**
 * The treasurer's year: dues settings, fee schedules, direct debit, invoice runs, invoices and
 * credit notes with their lines, payments, reminder rounds and strike-offs.
 *
 * Money is INTEGER minor units. An invoice's status is never stored: it follows from its
 * payments, `credited_by_id`, `written_off_on` and `carried_to_id` (src/core/dues/state.ts).
 * `invoice_members` says whom an invoice is for (the addressee, and a household's others), so
 * "already invoiced this year" is one indexed lookup per member.
 *
 * member_history is rebuilt to accept the source 'dues' (SQLite cannot alter a CHECK).
 */
export const m004: Migration = {
  version: 4,
  name: 'dues',
  up: `
    CREATE TABLE dues_settings (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      -- The settings form as JSON (validated and normalised by the core before it is stored).
      data        TEXT NOT NULL,
      logo        BLOB,
      logo_mime   TEXT CHECK (logo_mime IS NULL OR logo_mime IN ('image/png', 'image/jpeg')),
      logo_width  INTEGER,
      logo_height INTEGER,
      updated_at  TEXT NOT NULL
    );

    CREATE TABLE dues_fees (
      year               INTEGER NOT NULL,
      -- A type can be deleted only while no member holds it; its fees go with it.
      membership_type_id INTEGER NOT NULL REFERENCES membership_types(id) ON DELETE CASCADE,
      amount             INTEGER NOT NULL CHECK (amount >= 0),
      free               INTEGER NOT NULL DEFAULT 0,
      per_household      INTEGER NOT NULL DEFAULT 0,
      due_on             TEXT NOT NULL,
      intro_from         TEXT,
      intro_to           TEXT,
      intro_amount       INTEGER,
      PRIMARY KEY (year, membership_type_id)
    ) WITHOUT ROWID;

    -- A member without a row pays by invoice.
    CREATE TABLE dues_direct_debits (
      member_id    INTEGER PRIMARY KEY REFERENCES members(id),
      kind         TEXT NOT NULL CHECK (kind IN ('autogiro', 'avtalegiro')),
      since        TEXT,
      payer_number TEXT,
      updated_at   TEXT NOT NULL
    );

    CREATE TABLE dues_runs (
      id           INTEGER PRIMARY KEY,
      year         INTEGER NOT NULL,
      invoice_date TEXT NOT NULL,
      created_at   TEXT NOT NULL
    );
    CREATE INDEX dues_runs_year ON dues_runs(year);

    CREATE TABLE dues_reminder_rounds (
      id        INTEGER PRIMARY KEY,
      year      INTEGER NOT NULL,
      number    INTEGER NOT NULL,
      remind_on TEXT NOT NULL,
      due_on    TEXT NOT NULL,
      fee       INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
      text      TEXT NOT NULL DEFAULT '',
      run_at    TEXT,
      UNIQUE (year, number)
    );

    CREATE TABLE invoices (
      id                 INTEGER PRIMARY KEY,
      -- The invoice number; invoices and credit notes share the series and never reuse a number.
      seq                INTEGER NOT NULL UNIQUE,
      kind               TEXT NOT NULL CHECK (kind IN ('invoice', 'creditNote')),
      year               INTEGER NOT NULL,
      run_id             INTEGER REFERENCES dues_runs(id),
      member_id          INTEGER NOT NULL REFERENCES members(id),
      -- No foreign key: a household may be dissolved later; the invoice keeps what it was for.
      household_id       INTEGER,
      membership_type_id INTEGER,
      issued_on          TEXT NOT NULL,
      due_on             TEXT NOT NULL,
      reference          TEXT NOT NULL,
      reference_kind     TEXT NOT NULL CHECK (reference_kind IN ('ocr', 'kid', 'rf')),
      total              INTEGER NOT NULL,
      credits_invoice_id INTEGER REFERENCES invoices(id),
      credited_by_id     INTEGER REFERENCES invoices(id),
      carried_to_id      INTEGER REFERENCES invoices(id),
      written_off_on     TEXT,
      note               TEXT,
      created_at         TEXT NOT NULL
    );
    -- Payments are matched by reference: one invoice per reference (credit notes repeat the
    -- reference of the invoice they credit).
    CREATE UNIQUE INDEX invoices_reference ON invoices(reference) WHERE kind = 'invoice';
    CREATE INDEX invoices_year ON invoices(year, kind);
    CREATE INDEX invoices_member ON invoices(member_id);
    CREATE INDEX invoices_run ON invoices(run_id) WHERE run_id IS NOT NULL;

    CREATE TABLE invoice_members (
      invoice_id INTEGER NOT NULL REFERENCES invoices(id),
      member_id  INTEGER NOT NULL REFERENCES members(id),
      PRIMARY KEY (invoice_id, member_id)
    ) WITHOUT ROWID;
    CREATE INDEX invoice_members_member ON invoice_members(member_id, invoice_id);

    CREATE TABLE invoice_lines (
      id                 INTEGER PRIMARY KEY,
      invoice_id         INTEGER NOT NULL REFERENCES invoices(id),
      position           INTEGER NOT NULL,
      kind               TEXT NOT NULL CHECK (kind IN ('fee', 'intro', 'household', 'carried', 'reminderFee', 'credit')),
      description        TEXT NOT NULL,
      amount             INTEGER NOT NULL,
      carried_invoice_id INTEGER REFERENCES invoices(id),
      reminder_round_id  INTEGER REFERENCES dues_reminder_rounds(id)
    );
    CREATE INDEX invoice_lines_invoice ON invoice_lines(invoice_id, position);

    -- Money received: on an invoice, or on a member (optionally for a whole dues year). Bank
    -- files (BgMax, Nets OCR, camt.054) will add rows here too.
    CREATE TABLE payments (
      id         INTEGER PRIMARY KEY,
      invoice_id INTEGER REFERENCES invoices(id),
      member_id  INTEGER REFERENCES members(id),
      paid_on    TEXT NOT NULL,
      amount     INTEGER NOT NULL,
      method     TEXT NOT NULL,
      reference  TEXT,
      note       TEXT,
      year       INTEGER,
      created_at TEXT NOT NULL,
      CHECK (invoice_id IS NOT NULL OR member_id IS NOT NULL)
    );
    CREATE INDEX payments_invoice ON payments(invoice_id) WHERE invoice_id IS NOT NULL;
    CREATE INDEX payments_member ON payments(member_id) WHERE member_id IS NOT NULL;

    -- Which invoices a round reminded, and what they owed then.
    CREATE TABLE dues_reminders (
      round_id   INTEGER NOT NULL REFERENCES dues_reminder_rounds(id),
      invoice_id INTEGER NOT NULL REFERENCES invoices(id),
      owed       INTEGER NOT NULL,
      PRIMARY KEY (round_id, invoice_id)
    ) WITHOUT ROWID;
    CREATE INDEX dues_reminders_invoice ON dues_reminders(invoice_id);

    CREATE TABLE dues_strike_offs (
      id         INTEGER PRIMARY KEY,
      year       INTEGER NOT NULL,
      on_date    TEXT NOT NULL,
      reason     TEXT NOT NULL,
      note       TEXT,
      created_at TEXT NOT NULL,
      undone_at  TEXT
    );

    -- What undo needs per member: the status event the strike-off added, the status before it,
    -- and the roles it ended (JSON [[role id, old to_on], ...]).
    CREATE TABLE dues_strike_off_members (
      strike_off_id     INTEGER NOT NULL REFERENCES dues_strike_offs(id),
      member_id         INTEGER NOT NULL REFERENCES members(id),
      status_event_id   INTEGER NOT NULL,
      prev_status       TEXT NOT NULL,
      prev_status_since TEXT,
      roles             TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (strike_off_id, member_id)
    ) WITHOUT ROWID;

    CREATE TABLE member_history_new (
      id        INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members(id),
      at        TEXT NOT NULL,
      field     TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      source    TEXT NOT NULL CHECK (source IN ('edit', 'bulk', 'merge', 'status', 'undo', 'dues')),
      op_id     INTEGER REFERENCES operations(id)
    );
    INSERT INTO member_history_new (id, member_id, at, field, old_value, new_value, source, op_id)
      SELECT id, member_id, at, field, old_value, new_value, source, op_id FROM member_history;
    DROP TABLE member_history;
    ALTER TABLE member_history_new RENAME TO member_history;
    CREATE INDEX member_history_member ON member_history(member_id, at);
    CREATE INDEX member_history_op ON member_history(op_id) WHERE op_id IS NOT NULL;
  `,
};
