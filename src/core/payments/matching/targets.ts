import type { InvoicePersonRef, InvoiceStatus } from '../../../shared/contract/dues';
import type { Db } from '../../db/database';
import { sql } from '../../db/sql';
import { invoiceStates } from '../../dues/state';

/** An invoice as matching sees it: its reference, its addressee and what it still owes. */
export interface InvoiceTarget {
  id: number;
  number: string;
  reference: string;
  year: number;
  status: InvoiceStatus;
  total: number;
  owed: number;
  carriedToId: number | null;
  member: InvoicePersonRef;
}

interface Row {
  id: number;
  seq: number;
  reference: string;
  year: number;
  status: InvoiceStatus;
  total: number;
  owed: number;
  carried_to_id: number | null;
  member_id: number;
  member_number: number;
  first_name: string;
  last_name: string;
}

const toTarget = (r: Row): InvoiceTarget => ({
  id: r.id,
  number: String(r.seq),
  reference: r.reference,
  year: r.year,
  status: r.status,
  total: r.total,
  owed: r.owed,
  carriedToId: r.carried_to_id,
  member: { memberId: r.member_id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name },
});

/** Invoices (not credit notes) matching `where` over `x` (the invoice state row), with their addressee. */
export function targetsWhere(db: Db, where = sql`1`): InvoiceTarget[] {
  return db
    .all<Row>(sql`SELECT x.id, x.seq, x.reference, x.year, x.status, x.total, x.owed, x.carried_to_id, x.member_id,
          m.member_number, m.first_name, m.last_name
        FROM (${invoiceStates(sql`i.kind = 'invoice'`)}) x JOIN members m ON m.id = x.member_id WHERE ${where}`)
    .map(toTarget);
}

/**
 * Every invoice by its reference, in one query: matching 10 000 payments must not ask the
 * database 10 000 times. References are unique among invoices (a unique index), compared as
 * written (RF741 and RF740000000001 are different references with the same check digits).
 */
export function targetsByReference(db: Db): Map<string, InvoiceTarget> {
  return new Map(targetsWhere(db).map((t) => [t.reference.toUpperCase(), t]));
}

/** Payments recorded on invoices by hand or by the direct-debit import (not by a bank-file import): invoice:amount:date → how many. */
export function recordedPayments(db: Db): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of db.all<{ invoice_id: number; amount: number; paid_on: string }>(sql`SELECT invoice_id, amount, paid_on FROM payments
      WHERE invoice_id IS NOT NULL AND id NOT IN (SELECT payment_id FROM payment_import_payments)`)) {
    const k = `${r.invoice_id}:${r.amount}:${r.paid_on}`;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Transaction keys of items that stand (imports not undone) → their item, to recognise a transaction seen before. */
export function knownKeys(db: Db): Map<string, number> {
  return new Map(db.all<{ tx_key: string; id: number }>(sql`SELECT tx_key, id FROM payment_import_items WHERE status <> 'duplicate'`).map((r) => [r.tx_key, r.id]));
}
