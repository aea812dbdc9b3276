import type { Language } from '../../../shared/contract';
import type { PaymentMethod } from '../../../shared/contract/dues';
import type { Db } from '../../db/database';
import { sql } from '../../db/sql';
import { formatMoney } from '../../dues/money';
import { recordHistory } from '../../history/queries';
import type { PlannedAllocation } from '../matching/match';
import { BANK_IMPORT_TEXTS } from './texts';

export interface BookContext {
  db: Db;
  language: Language;
  currency: 'SEK' | 'NOK';
  at: string;
}

/**
 * Books an item's money: one payment per allocation (an invoice, or the member's credit), each
 * linked to the item so undo and reopen find exactly what it booked, and each in the member's
 * history like a payment recorded by hand.
 */
export function bookAllocations(
  b: BookContext,
  itemId: number,
  tx: { paidOn: string; method: PaymentMethod; reference: string | null; origin: string },
  allocations: PlannedAllocation[],
): void {
  const texts = BANK_IMPORT_TEXTS[b.language];
  const invoiceNumber = allocations.find((a) => a.invoice)?.invoice?.number ?? null;
  for (const a of allocations) {
    const note = a.invoice ? tx.origin : `${tx.origin}; ${invoiceNumber ? texts.excess(invoiceNumber) : texts.credit}`;
    const { lastId } = b.db.run(sql`INSERT INTO payments (invoice_id, member_id, paid_on, amount, method, reference, note, year, created_at)
      VALUES (${a.invoice?.id ?? null}, ${a.memberId}, ${tx.paidOn}, ${a.amount}, ${tx.method}, ${tx.reference}, ${note}, NULL, ${b.at})`);
    b.db.run(sql`INSERT INTO payment_import_payments (payment_id, item_id) VALUES (${lastId}, ${itemId})`);
    recordHistory(b.db, a.memberId, b.at, [{ field: 'duesPayment', oldValue: null, newValue: formatMoney(a.amount, b.language, b.currency) }], 'dues');
  }
}

/** Removes what an item booked (undo, reopen), with the member's history saying so. */
export function unbookItem(b: BookContext, itemId: number): void {
  const rows = b.db.all<{ id: number; member_id: number; amount: number }>(sql`SELECT p.id, p.member_id, p.amount FROM payment_import_payments l
      JOIN payments p ON p.id = l.payment_id WHERE l.item_id = ${itemId}`);
  for (const p of rows) {
    b.db.run(sql`DELETE FROM payments WHERE id = ${p.id}`);
    recordHistory(b.db, p.member_id, b.at, [{ field: 'duesPayment', oldValue: formatMoney(p.amount, b.language, b.currency), newValue: null }], 'dues');
  }
}
