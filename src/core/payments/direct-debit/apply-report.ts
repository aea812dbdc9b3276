import type { DebitReportResult, OrderStatus } from '../../../shared/contract/direct-debit';
import { sql } from '../../db/sql';
import { recordPayment } from '../../dues/payments';
import { formatMoney } from '../../dues/money';
import { recordHistory } from '../../history/queries';
import { isoTime, type RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';
import { DIRECT_DEBIT_TEXTS } from './texts';

/** One transaction the bank reports on a direct-debit order, whatever the file it came in. */
export interface BankAnswer {
  line: number;
  kind: 'debit' | 'refund' | 'other';
  date: string;
  /** Autogiro payer number; null for AvtaleGiro (the KID says it all). */
  payerNumber: string | null;
  /** The invoice reference written into the order (Autogiro) or the KID (AvtaleGiro). */
  reference: string;
  amount: number;
  /** Carried out, failed with a code, or renewed (Bankgirot tries again). */
  outcome: 'paid' | 'failed' | 'retrying';
  code: string | null;
}

interface DbOrder {
  id: number;
  invoice_id: number;
  member_id: number;
  amount: number;
  result: 'paid' | 'failed' | 'refunded' | null;
  payment_id: number | null;
}

type Outcome = Omit<DebitReportResult, 'fileId'>;

/** The order the answer is about: by its reference first, else by payer and amount among the unanswered. */
function findOrder(ctx: RegisterContext, kind: 'autogiro' | 'avtalegiro', a: BankAnswer): DbOrder | undefined {
  const db = ctx.db;
  const byReference = db.get<DbOrder>(sql`SELECT o.id, o.invoice_id, o.member_id, o.amount, o.result, o.payment_id
      FROM direct_debit_orders o JOIN invoices i ON i.id = o.invoice_id
      WHERE i.kind = 'invoice' AND i.reference = ${a.reference} AND o.kind = ${kind} AND (${a.payerNumber} IS NULL OR o.payer_reference = ${a.payerNumber})`);
  if (byReference || a.payerNumber === null) return byReference;
  return db.get<DbOrder>(sql`SELECT id, invoice_id, member_id, amount, result, payment_id FROM direct_debit_orders
      WHERE kind = ${kind} AND payer_reference = ${a.payerNumber} AND amount = ${a.amount} AND file_id IS NOT NULL
        AND (result IS NULL OR result = 'failed') ORDER BY debit_on, id LIMIT 1`);
}

/** A payment of this amount on this day already on the invoice (booked by the bank-file import from BgMax or OCR). */
function existingPayment(ctx: RegisterContext, invoiceId: number, a: BankAnswer): number | null {
  // Not one an order already claims (the order of this very invoice is the only one that could).
  const r = ctx.db.get<{ id: number }>(sql`SELECT p.id FROM payments p WHERE p.invoice_id = ${invoiceId} AND p.amount = ${a.amount} AND p.paid_on = ${a.date}
      AND NOT EXISTS (SELECT 1 FROM direct_debit_orders o WHERE o.invoice_id = p.invoice_id AND o.payment_id = p.id) LIMIT 1`);
  return r?.id ?? null;
}

function setResult(ctx: RegisterContext, orderId: number, result: DbOrder['result'], code: string | null, on: string, paymentId: number | null): void {
  ctx.db.run(sql`UPDATE direct_debit_orders SET result = ${result}, result_code = ${code}, result_on = ${on}, payment_id = coalesce(${paymentId}, payment_id)
                 WHERE id = ${orderId}`);
}

/**
 * Books the bank's answers on the orders: a debit carried out becomes a payment on the order's
 * invoice (method autogiro / avtalegiro); a failed one leaves the invoice owed (reminders then
 * find it); a refund is a negative payment, so the invoice is owed again. Answers already booked
 * are counted, never booked twice. Call inside ctx.write.
 */
export function applyAnswers(ctx: RegisterContext, kind: 'autogiro' | 'avtalegiro', answers: BankAnswer[]): Outcome {
  const out: Outcome = { paid: 0, paidTotal: 0, failed: 0, refunded: 0, refundedTotal: 0, alreadyBooked: 0, unmatched: [] };
  const texts = DIRECT_DEBIT_TEXTS[ctx.language];
  for (const a of answers) {
    const order = a.kind === 'other' ? undefined : findOrder(ctx, kind, a);
    if (!order) {
      out.unmatched.push({ reference: a.reference || (a.payerNumber ?? ''), amount: a.amount, date: a.date, line: a.line });
      continue;
    }
    if (a.kind === 'refund') {
      if (order.result === 'refunded') {
        out.alreadyBooked++;
        continue;
      }
      const now = isoTime(ctx.now());
      ctx.db.run(sql`INSERT INTO payments (invoice_id, member_id, paid_on, amount, method, reference, note, year, created_at)
        VALUES (${order.invoice_id}, ${order.member_id}, ${a.date}, ${-a.amount}, ${kind}, ${a.reference}, ${texts.refundNote(a.code ?? '')}, NULL, ${now})`);
      recordHistory(ctx.db, order.member_id, now, [{ field: 'duesPayment', oldValue: null, newValue: formatMoney(-a.amount, ctx.language, currencyOf(ctx.country)) }], 'dues');
      setResult(ctx, order.id, 'refunded', a.code, a.date, null);
      out.refunded++;
      out.refundedTotal += a.amount;
      continue;
    }
    if (a.outcome !== 'paid') {
      if (order.result === 'paid' || order.result === 'refunded') {
        out.alreadyBooked++;
        continue;
      }
      setResult(ctx, order.id, a.outcome === 'failed' ? 'failed' : null, a.code, a.date, null);
      out.failed++;
      continue;
    }
    if (order.result === 'paid' || order.result === 'refunded') {
      out.alreadyBooked++;
      continue;
    }
    const booked = existingPayment(ctx, order.invoice_id, a);
    if (booked !== null) {
      setResult(ctx, order.id, 'paid', null, a.date, booked);
      out.alreadyBooked++;
      continue;
    }
    const p = recordPayment(ctx, {
      invoiceId: order.invoice_id,
      memberId: null,
      paidOn: a.date,
      amount: a.amount,
      method: kind,
      reference: a.reference,
      note: null,
      year: null,
    });
    setResult(ctx, order.id, 'paid', null, a.date, p.id);
    out.paid++;
    out.paidTotal += a.amount;
  }
  return out;
}

/** An order's state for lists: from its file and the bank's answer. */
export function orderStatus(fileId: number | null, result: DbOrder['result']): OrderStatus {
  if (result === 'paid') return 'paid';
  if (result === 'failed') return 'failed';
  if (result === 'refunded') return 'refunded';
  return fileId === null ? 'notSent' : 'sent';
}
