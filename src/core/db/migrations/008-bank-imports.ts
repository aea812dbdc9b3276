import type { Migration } from './index';

/**
 * Bank files imported and matched (issue 6): BgMax, Nets OCR giro, camt.054 and bank/Swish/Vipps
 * CSV reports.
 *
 * - `payment_imports`: one row per imported file, the batch an undo takes back. The file's hash
 *   is unique among imports that stand, so the same file is never booked twice (an undone
 *   import frees its hash).
 * - `payment_import_items`: every transaction of the file as read, with what became of it:
 *   matched (booked by reference), review (waiting for the treasurer), assigned (booked by the
 *   treasurer), left (kept unassigned), duplicate (already imported or recorded; not booked).
 *   `tx_key` identifies the bank's transaction across files (BgMax BGC serial, Nets archive
 *   reference, camt account-servicer reference, …), unique among items that were not duplicates.
 * - `payment_import_payments`: the payments an item booked (one on the invoice, one more on the
 *   member when it paid more than was owed). ON DELETE CASCADE: a payment the treasurer removes
 *   by hand takes its link with it instead of being refused.
 */
export const m008: Migration = {
  version: 8,
  name: 'bank-imports',
  up: `
    CREATE TABLE payment_imports (
      id         INTEGER PRIMARY KEY,
      format     TEXT NOT NULL CHECK (format IN ('bgmax', 'nets-ocr', 'camt054', 'csv')),
      file_name  TEXT NOT NULL,
      hash       TEXT NOT NULL,
      payee      TEXT,
      currency   TEXT NOT NULL,
      count      INTEGER NOT NULL,
      total      INTEGER NOT NULL,
      at         TEXT NOT NULL,
      undone_at  TEXT
    );
    CREATE UNIQUE INDEX payment_imports_hash ON payment_imports(hash) WHERE undone_at IS NULL;

    CREATE TABLE payment_import_items (
      id           INTEGER PRIMARY KEY,
      import_id    INTEGER NOT NULL REFERENCES payment_imports(id),
      line         INTEGER NOT NULL,
      tx_key       TEXT NOT NULL,
      kind         TEXT NOT NULL CHECK (kind IN ('payment', 'deduction', 'reversal')),
      paid_on      TEXT NOT NULL,
      amount       INTEGER NOT NULL,
      currency     TEXT NOT NULL,
      method       TEXT NOT NULL,
      -- JSON [{ "reference": "…", "amount": 123 | null }, …] as the file gave them.
      refs         TEXT NOT NULL DEFAULT '[]',
      payer_name   TEXT,
      message      TEXT,
      status       TEXT NOT NULL CHECK (status IN ('matched', 'review', 'assigned', 'left', 'duplicate')),
      -- duplicate: why (another import's item, or a payment recorded before).
      duplicate_of INTEGER,
      note         TEXT,
      decided_at   TEXT
    );
    CREATE INDEX payment_import_items_import ON payment_import_items(import_id, status);
    CREATE UNIQUE INDEX payment_import_items_key ON payment_import_items(tx_key) WHERE status <> 'duplicate';
    CREATE INDEX payment_import_items_review ON payment_import_items(status) WHERE status = 'review';

    CREATE TABLE payment_import_payments (
      payment_id INTEGER PRIMARY KEY REFERENCES payments(id) ON DELETE CASCADE,
      item_id    INTEGER NOT NULL REFERENCES payment_import_items(id)
    );
    CREATE INDEX payment_import_payments_item ON payment_import_payments(item_id);
  `,
};
