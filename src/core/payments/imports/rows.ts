import type { InvoicePersonRef, PaymentMethod } from '../../../shared/contract/dues';
import type { Allocation, BankTransactionRow, BlockedReason, PaymentDuplicateReason, ItemStatus } from '../../../shared/contract/payments';
import type { Db } from '../../db/database';
import { sql, type SqlQuery } from '../../db/sql';
import type { BankTransaction } from '../bank-files/types';
import type { MatchOutcome } from '../matching/match';

/** Why an item in review cannot be booked as it is (money out, or another currency). */
export function blockedOf(kind: BankTransaction['kind'], amount: number, currency: string, registerCurrency: string): BlockedReason | null {
  if (kind !== 'payment' || amount <= 0) return 'negative';
  return currency === registerCurrency ? null : 'currency';
}

/** A preview row from a match outcome. */
export function previewRow(o: MatchOutcome): BankTransactionRow {
  const t = o.tx;
  return {
    id: null,
    line: t.line,
    kind: t.kind,
    paidOn: t.paidOn,
    amount: t.amount,
    currency: t.currency,
    references: t.references.map((r) => r.reference),
    payerName: t.payerName,
    message: t.message,
    method: t.method,
    status: o.status,
    duplicateReason: o.duplicateReason,
    blocked: o.blocked,
    allocations: o.allocations.map((a) => ({
      invoiceId: a.invoice?.id ?? null,
      invoiceNumber: a.invoice?.number ?? null,
      member: (a.invoice ?? o.allocations.find((x) => x.invoice)?.invoice)!.member,
      amount: a.amount,
    })),
    note: null,
  };
}

export interface DbItem {
  id: number;
  import_id: number;
  line: number;
  kind: BankTransaction['kind'];
  paid_on: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  refs: string;
  payer_name: string | null;
  message: string | null;
  status: ItemStatus;
  duplicate_of: number | null;
  note: string | null;
  file_name: string;
  import_currency: string;
}

export function itemsWhere(db: Db, where: SqlQuery, tail: SqlQuery = sql`ORDER BY it.import_id, it.line, it.id`): DbItem[] {
  return db.all<DbItem>(sql`SELECT it.id, it.import_id, it.line, it.kind, it.paid_on, it.amount, it.currency, it.method, it.refs, it.payer_name,
      it.message, it.status, it.duplicate_of, it.note, im.file_name, im.currency AS import_currency
    FROM payment_import_items it JOIN payment_imports im ON im.id = it.import_id WHERE ${where} ${tail}`);
}

/** What each item booked: its payments, on invoices or (invoice null) on members. */
export function allocationsOf(db: Db, itemIds: number[]): Map<number, Allocation[]> {
  const out = new Map<number, Allocation[]>();
  if (!itemIds.length) return out;
  const rows = db.all<{ item_id: number; invoice_id: number | null; seq: number | null; amount: number; member_id: number; member_number: number; first_name: string; last_name: string }>(
    sql`SELECT l.item_id, p.invoice_id, i.seq, p.amount, m.id AS member_id, m.member_number, m.first_name, m.last_name
        FROM payment_import_payments l JOIN payments p ON p.id = l.payment_id LEFT JOIN invoices i ON i.id = p.invoice_id
        JOIN members m ON m.id = p.member_id
        WHERE l.item_id IN (SELECT value FROM json_each(${JSON.stringify(itemIds)})) ORDER BY l.item_id, p.id`,
  );
  for (const r of rows) {
    const member: InvoicePersonRef = { memberId: r.member_id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name };
    const list = out.get(r.item_id) ?? [];
    list.push({ invoiceId: r.invoice_id, invoiceNumber: r.seq === null ? null : String(r.seq), member, amount: r.amount });
    out.set(r.item_id, list);
  }
  return out;
}

export function itemRow(it: DbItem, allocations: Allocation[], registerCurrency: string): BankTransactionRow {
  const refs = JSON.parse(it.refs) as { reference: string }[];
  return {
    id: it.id,
    line: it.line,
    kind: it.kind,
    paidOn: it.paid_on,
    amount: it.amount,
    currency: it.currency,
    references: refs.map((r) => r.reference),
    payerName: it.payer_name,
    message: it.message ?? '',
    method: it.method,
    status: it.status,
    duplicateReason: it.status === 'duplicate' ? ((it.duplicate_of === null ? 'recorded' : 'imported') as PaymentDuplicateReason) : null,
    blocked: it.status === 'review' || it.status === 'left' ? blockedOf(it.kind, it.amount, it.currency, registerCurrency) : null,
    allocations,
    note: it.note,
  };
}
