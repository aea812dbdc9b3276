import type { PaymentEntity, PaymentInput } from '../../shared/contract/dues';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { conflict, invalid, notFound } from '../members/errors';
import { mustGetMember } from '../members/queries';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import { currencyOf } from '../register/settings';
import { mustGetInvoice, paymentsWhere } from './invoices';
import { formatMoney } from './money';

type ParsedPayment = Required<PaymentInput>;

/**
 * A payment the treasurer records by hand (cash at a meeting, a transfer seen in the bank).
 * On an invoice it belongs to the invoice's addressee unless another covered member is named.
 */
export function recordPayment(ctx: RegisterContext, p: ParsedPayment): PaymentEntity {
  const db = ctx.db;
  if (p.amount <= 0) throw invalid('amount', 'amount-not-positive');
  if (p.paidOn > isoDate(ctx.now())) throw invalid('paidOn', 'date-in-future');
  let memberId = p.memberId;
  if (p.invoiceId !== null) {
    const inv = mustGetInvoice(db, p.invoiceId);
    if (inv.kind === 'creditNote') throw invalid('invoiceId', 'invoice-is-credit-note');
    if (memberId !== null && !inv.covers.some((c) => c.memberId === memberId)) throw invalid('memberId', 'member-not-on-invoice');
    memberId ??= inv.member.memberId;
  } else {
    mustGetMember(db, memberId!);
  }
  const now = isoTime(ctx.now());
  const year = p.invoiceId === null ? p.year : null;
  const { lastId } = db.run(sql`INSERT INTO payments (invoice_id, member_id, paid_on, amount, method, reference, note, year, created_at)
    VALUES (${p.invoiceId}, ${memberId}, ${p.paidOn}, ${p.amount}, ${p.method}, ${p.reference}, ${p.note}, ${year}, ${now})`);
  const text = formatMoney(p.amount, ctx.language, currencyOf(ctx.country));
  recordHistory(db, memberId!, now, [{ field: 'duesPayment', oldValue: null, newValue: text }], 'dues');
  return paymentsWhere(db, sql`p.id = ${lastId}`)[0];
}

/**
 * Removes a payment recorded by mistake. A 'credit' payment is one half of a move of the member's
 * credit (credit-balance.ts: − where it lay, + where the invoice run or a refund used it); alone,
 * either half would make or lose money, so it is refused. The treasurer undoes such a move by
 * crediting the invoice the credit went to, or by removing the payment that made the credit.
 */
export function removePayment(ctx: RegisterContext, id: number) {
  const db = ctx.db;
  const [p] = paymentsWhere(db, sql`p.id = ${id}`);
  if (!p) throw notFound('payment', id, 'id');
  if (p.method === 'credit') throw conflict('payment-is-credit-use', 'id');
  db.run(sql`DELETE FROM payments WHERE id = ${id}`);
  if (p.memberId !== null) {
    const text = formatMoney(p.amount, ctx.language, currencyOf(ctx.country));
    recordHistory(db, p.memberId, isoTime(ctx.now()), [{ field: 'duesPayment', oldValue: text, newValue: null }], 'dues');
  }
}
