import { sql, type SqlQuery } from '../db/sql';
import { invoiceStates } from './state';

/**
 * "Has paid the dues for `year`", over alias `m` = members — for the annual-meeting roll, where
 * many associations let only paid-up members vote:
 * - nothing the member is on for that year is still owed (open or partly paid), and
 * - the member is on an invoice of that year that is paid (or over-paid), or paid the year
 *   without an invoice (a payment on the member for that year, as the invoice run counts it), or
 *   their membership type is free that year (or pays no dues), or they pay by direct debit
 *   (autogiro / AvtaleGiro: no invoice; an unpaid debit shows as an owed invoice).
 * Credited, written-off and carried invoices do not count as paid: the dues were not received.
 */
export function paidDuesFor(year: number): SqlQuery {
  const onInvoice = (statuses: SqlQuery) => sql`EXISTS (
      SELECT 1 FROM invoice_members im
        JOIN (${invoiceStates(sql`i.year = ${year} AND i.kind = 'invoice'`)}) x ON x.id = im.invoice_id
      WHERE im.member_id = m.id AND x.status IN ${statuses})`;
  return sql`(
    NOT ${onInvoice(sql`('open', 'partlyPaid')`)}
    AND (
      ${onInvoice(sql`('paid', 'overPaid')`)}
      OR EXISTS (SELECT 1 FROM payments p WHERE p.member_id = m.id AND p.invoice_id IS NULL AND p.year = ${year})
      OR coalesce(
           (SELECT f.free = 1 OR f.amount = 0 FROM dues_fees f WHERE f.year = ${year} AND f.membership_type_id = m.membership_type_id),
           (SELECT t.pays_dues = 0 FROM membership_types t WHERE t.id = m.membership_type_id),
           0)
      OR EXISTS (SELECT 1 FROM dues_direct_debits d WHERE d.member_id = m.id)
    )
  )`;
}
