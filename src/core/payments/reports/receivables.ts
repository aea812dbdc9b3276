import type { ReceivablesReport } from '../../../shared/contract/reports';
import { sql } from '../../db/sql';
import { statesWhere, toRows } from '../../dues/invoices';
import type { RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';

/**
 * The ledger of receivables for a dues year: every invoice of the year with what was paid and
 * what is still owed, and totals that add up (invoiced = paid + outstanding + written off +
 * carried + credited − overpaid), read from the same derived statuses the dues screens show.
 */
export function receivables(ctx: RegisterContext, year: number): ReceivablesReport {
  const db = ctx.db;
  const states = statesWhere(db, sql`i.year = ${year} AND i.kind = 'invoice'`);
  const rows = toRows(db, states);
  const debit = new Map(
    db
      .all<{ invoice_id: number; kind: 'autogiro' | 'avtalegiro' }>(sql`SELECT o.invoice_id, o.kind FROM direct_debit_orders o JOIN invoices i ON i.id = o.invoice_id WHERE i.year = ${year}`)
      .map((r) => [r.invoice_id, r.kind]),
  );
  const totals = { invoices: rows.length, invoiced: 0, paid: 0, outstanding: 0, writtenOff: 0, carried: 0, credited: 0, overpaid: 0 };
  for (const r of rows) {
    totals.invoiced += r.total;
    totals.paid += r.paid;
    totals.outstanding += r.owed;
    if (r.status === 'writtenOff') totals.writtenOff += r.total - r.paid;
    if (r.status === 'carried') totals.carried += r.total - r.paid;
    if (r.status === 'credited') {
      totals.credited += r.total;
      totals.overpaid += r.paid;
    }
    if (r.status === 'overPaid') totals.overpaid += r.paid - r.total;
  }
  return {
    year,
    currency: currencyOf(ctx.country),
    rows: rows.map((r) => ({
      invoiceId: r.id,
      number: r.number,
      member: r.member,
      issuedOn: r.issuedOn,
      dueOn: r.dueOn,
      total: r.total,
      paid: r.paid,
      owed: r.owed,
      status: r.status,
      directDebit: debit.get(r.id) ?? null,
      reminders: r.reminderRounds.length,
    })),
    totals,
  };
}
