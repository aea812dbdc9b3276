import type { CreditsReport } from '../../../shared/contract/reports';
import { sql } from '../../db/sql';
import { invoiceStates } from '../../dues/state';
import type { RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';

interface DbCredit {
  id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  overpaid: number;
  credited_paid: number;
  on_account: number;
  owed: number;
}

/**
 * Members the association owes money: the member account's balance (src/core/dues/account.ts)
 * below zero — paid beyond invoice totals, paid on invoices later credited, or paid on the member
 * without an invoice, less what they still owe. An invoice counts for its addressee, so a
 * household's over-payment is listed once.
 */
export function creditsReport(ctx: RegisterContext): CreditsReport {
  const rows = ctx.db.all<DbCredit>(sql`
    WITH per AS (
      SELECT x.member_id,
        sum(CASE WHEN x.status = 'overPaid' THEN x.paid - x.total ELSE 0 END) AS overpaid,
        sum(CASE WHEN x.status = 'credited' THEN x.paid ELSE 0 END) AS credited_paid,
        sum(x.owed) AS owed
      FROM (${invoiceStates(sql`i.kind = 'invoice'`)}) x GROUP BY x.member_id),
    acc AS (
      SELECT member_id, sum(amount) AS on_account FROM payments
      WHERE invoice_id IS NULL AND year IS NULL AND member_id IS NOT NULL GROUP BY member_id)
    SELECT m.id, m.member_number, m.first_name, m.last_name,
      coalesce(per.overpaid, 0) AS overpaid, coalesce(per.credited_paid, 0) AS credited_paid,
      coalesce(acc.on_account, 0) AS on_account, coalesce(per.owed, 0) AS owed
    FROM members m LEFT JOIN per ON per.member_id = m.id LEFT JOIN acc ON acc.member_id = m.id
    WHERE coalesce(per.overpaid, 0) + coalesce(per.credited_paid, 0) + coalesce(acc.on_account, 0) - coalesce(per.owed, 0) > 0
    ORDER BY m.sort_last, m.sort_first, m.id`);
  const out = rows.map((r) => ({
    member: { memberId: r.id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name },
    credit: r.overpaid + r.credited_paid + r.on_account - r.owed,
    overpaid: r.overpaid,
    creditedPaid: r.credited_paid,
    onAccount: r.on_account,
    owed: r.owed,
  }));
  return { currency: currencyOf(ctx.country), rows: out, total: out.reduce((n, r) => n + r.credit, 0) };
}
