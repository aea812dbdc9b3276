import type { DuesAccount, InvoiceRow } from '../../shared/contract/dues';
import { sql } from '../db/sql';
import { mustGetMember } from '../members/queries';
import type { RegisterContext } from '../register/context';
import { currencyOf } from '../register/settings';
import { getDirectDebit } from './direct-debit';
import { listInvoices, paymentsWhere } from './invoices';

/**
 * What one invoice adds to the member's balance: what is still owed, or − what was paid on an
 * invoice that was credited (owed back). Written-off and carried invoices add nothing (a carried
 * amount counts on the invoice that took it over); credit notes count through the invoice they
 * credit.
 */
function balanceOf(i: InvoiceRow): number {
  switch (i.status) {
    case 'open':
    case 'partlyPaid':
    case 'paid':
    case 'overPaid':
      return i.total - i.paid;
    case 'credited':
      return -i.paid;
    default:
      return 0;
  }
}

export function duesAccount(ctx: RegisterContext, memberId: number): DuesAccount {
  const db = ctx.db;
  mustGetMember(db, memberId);
  const { rows } = listInvoices(db, { memberId, offset: 0, limit: 100_000 });
  const ids = JSON.stringify(rows.map((r) => r.id));
  const payments = paymentsWhere(db, sql`(p.invoice_id IN (SELECT value FROM json_each(${ids})) OR p.member_id = ${memberId})`);
  // Money paid on the member alone, not for a dues year, is a credit on account.
  const onAccount = payments.filter((p) => p.invoiceId === null && p.year === null).reduce((n, p) => n + p.amount, 0);
  return {
    memberId,
    currency: currencyOf(ctx.country),
    directDebit: getDirectDebit(db, memberId),
    invoices: rows,
    payments,
    balance: rows.reduce((n, r) => n + balanceOf(r), 0) - onAccount,
  };
}
