import type { PaymentEntity, RefundInput } from '../../shared/contract/dues';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { invalid } from '../members/errors';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import { currencyOf } from '../register/settings';
import { duesAccount } from './account';
import { allot, creditSources, moveCredit } from './credit-balance';
import { paymentsWhere } from './invoices';
import { formatMoney } from './money';

/**
 * Money paid back to a member out of their credit: a negative payment on the member's account.
 * Credit lying in over-paid invoices is first moved onto the account ('credit' payments), so the
 * over-paid invoice becomes paid and the refund is one row the treasurer recognises in the bank.
 * Call inside ctx.write.
 */
export function refund(ctx: RegisterContext, r: Required<RefundInput>): PaymentEntity {
  const db = ctx.db;
  if (r.amount <= 0) throw invalid('amount', 'amount-not-positive');
  if (r.paidOn > isoDate(ctx.now())) throw invalid('paidOn', 'date-in-future');
  const credit = Math.max(0, -duesAccount(ctx, r.memberId).balance);
  if (r.amount > credit) throw invalid('amount', 'refund-exceeds-credit');
  const now = isoTime(ctx.now());
  const sources = creditSources(db, r.memberId).get(r.memberId) ?? [];
  const onAccount = sources.filter((s) => s.invoiceId === null).reduce((n, s) => n + s.amount, 0);
  moveCredit(db, allot(sources.filter((s) => s.invoiceId !== null), r.amount - onAccount), null, r.paidOn, now);
  const { lastId } = db.run(sql`INSERT INTO payments (invoice_id, member_id, paid_on, amount, method, reference, note, year, created_at)
    VALUES (NULL, ${r.memberId}, ${r.paidOn}, ${-r.amount}, ${r.method}, NULL, ${r.note}, NULL, ${now})`);
  const text = formatMoney(-r.amount, ctx.language, currencyOf(ctx.country));
  recordHistory(db, r.memberId, now, [{ field: 'duesPayment', oldValue: null, newValue: text }], 'dues');
  return paymentsWhere(db, sql`p.id = ${lastId}`)[0];
}
