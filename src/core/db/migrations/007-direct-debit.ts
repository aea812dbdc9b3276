import type { Migration } from './index';

/**
 * Direct debit and the treasurer's books (issue 6).
 *
 * - `autogiro_mandates`: one Autogiro mandate per member; the payer number is the member number.
 *   `pending` is what the next mandate file must still send to Bankgirot.
 * - `direct_debit_files`: every file written for or read from the bank, with the hash of an
 *   imported file so the same file is never booked twice.
 * - `direct_debit_orders`: a direct-debit member's dues are an ordinary invoice (so payments,
 *   statuses, reports and bookkeeping stay uniform); the order marks it as direct debit, never
 *   printed, and records which file carried it and what the bank answered. The payment it
 *   produced is in `payments` like any other.
 * - `treasury_settings`: Bankgirot / Nets identifiers and the bookkeeping accounts, as JSON
 *   validated by the core.
 */
export const m007: Migration = {
  version: 7,
  name: 'direct-debit',
  up: `
    CREATE TABLE autogiro_mandates (
      member_id    INTEGER PRIMARY KEY REFERENCES members(id),
      payer_number TEXT NOT NULL UNIQUE,
      account      TEXT,
      id_number    TEXT,
      status       TEXT NOT NULL CHECK (status IN ('requested', 'active', 'cancelled', 'rejected')),
      pending      TEXT CHECK (pending IN ('new', 'cancel')),
      status_code  TEXT,
      status_on    TEXT,
      sent_on      TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    );

    CREATE TABLE direct_debit_files (
      id         INTEGER PRIMARY KEY,
      kind       TEXT NOT NULL CHECK (kind IN ('ag-mandates', 'ag-payments', 'ag-advice', 'ag-report', 'avtalegiro-claims', 'avtalegiro-ocr')),
      direction  TEXT NOT NULL CHECK (direction IN ('export', 'import')),
      file_name  TEXT NOT NULL,
      -- SHA-256 of an imported file's bytes.
      hash       TEXT,
      records    INTEGER NOT NULL,
      amount     INTEGER NOT NULL,
      at         TEXT NOT NULL
    );
    CREATE UNIQUE INDEX direct_debit_files_hash ON direct_debit_files(hash) WHERE hash IS NOT NULL;

    CREATE TABLE direct_debit_orders (
      id              INTEGER PRIMARY KEY,
      invoice_id      INTEGER NOT NULL UNIQUE REFERENCES invoices(id),
      member_id       INTEGER NOT NULL REFERENCES members(id),
      kind            TEXT NOT NULL CHECK (kind IN ('autogiro', 'avtalegiro')),
      -- Autogiro payer number or AvtaleGiro KID, as written in the file.
      payer_reference TEXT NOT NULL,
      amount          INTEGER NOT NULL CHECK (amount > 0),
      debit_on        TEXT NOT NULL,
      file_id         INTEGER REFERENCES direct_debit_files(id),
      result          TEXT CHECK (result IN ('paid', 'failed', 'refunded')),
      result_code     TEXT,
      result_on       TEXT,
      payment_id      INTEGER REFERENCES payments(id)
    );
    CREATE INDEX direct_debit_orders_unsent ON direct_debit_orders(kind) WHERE file_id IS NULL;
    CREATE INDEX direct_debit_orders_reference ON direct_debit_orders(payer_reference);

    CREATE TABLE treasury_settings (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      data       TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
