import type { Db } from '../../db/database';
import { sql } from '../../db/sql';

export interface UndoBlock {
  reason: 'undone' | 'later-payments' | 'invoice-changed' | 'direct-debit';
  invoices: string[];
}

/** Whether the direct-debit tables exist (migration 007): their orders may point to a payment. */
function hasDirectDebitOrders(db: Db): boolean {
  return db.column(sql`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'direct_debit_orders'`)[0] > 0;
}

/**
 * What stops taking back the payments of `itemIds` (an import, or one item being reopened):
 * - later-payments: a payment booked after them (by hand, by another import, or by an
 *   assignment of another item) on the same invoices, or as credit on the same members — it
 *   was booked knowing these were there (a rest paid, an over-payment made credit);
 * - invoice-changed: an invoice they paid was credited, written off or carried since;
 * - direct-debit: a direct-debit order took one of them as its payment.
 * Null when nothing depends on them.
 */
export function undoBlock(db: Db, itemIds: number[]): UndoBlock | null {
  const ids = JSON.stringify(itemIds);
  const mine = sql`SELECT payment_id FROM payment_import_payments WHERE item_id IN (SELECT value FROM json_each(${ids}))`;
  const first = db.column(sql`SELECT min(payment_id) FROM payment_import_payments WHERE item_id IN (SELECT value FROM json_each(${ids}))`)[0];
  if (first === null || first === undefined) return null;
  if (hasDirectDebitOrders(db)) {
    const dd = db.column<number>(sql`SELECT i.seq FROM direct_debit_orders o JOIN invoices i ON i.id = o.invoice_id WHERE o.payment_id IN (${mine})`);
    if (dd.length) return { reason: 'direct-debit', invoices: dd.map(String) };
  }
  const changed = db.column<number>(sql`SELECT DISTINCT i.seq FROM payments p JOIN invoices i ON i.id = p.invoice_id
      WHERE p.id IN (${mine}) AND (i.credited_by_id IS NOT NULL OR i.written_off_on IS NOT NULL OR i.carried_to_id IS NOT NULL) ORDER BY i.seq`);
  if (changed.length) return { reason: 'invoice-changed', invoices: changed.map(String) };
  // Ids grow: a payment with a higher id than the first of these was booked after it.
  const later = db.all<{ seq: number | null }>(sql`SELECT DISTINCT i.seq FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id
      WHERE p.id > ${first} AND p.id NOT IN (${mine}) AND (
        p.invoice_id IN (SELECT invoice_id FROM payments WHERE id IN (${mine}) AND invoice_id IS NOT NULL)
        OR (p.invoice_id IS NULL AND p.member_id IN (SELECT member_id FROM payments WHERE id IN (${mine}) AND invoice_id IS NULL)))`);
  if (later.length) return { reason: 'later-payments', invoices: later.filter((r) => r.seq !== null).map((r) => String(r.seq)) };
  return null;
}
