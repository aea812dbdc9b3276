import type { InvoiceStatus } from '../../shared/contract/dues';
import { raw, sql, type SqlQuery } from '../db/sql';

/**
 * An invoice's status and what it still owes, derived from its row and its payments — never
 * stored, so a payment recorded or removed can never leave a stale status behind. The same rule
 * as SQL (for lists, filters and the runs over thousands of invoices) and as TypeScript (for
 * tests and single invoices); state.test.ts keeps them in step.
 *
 * Precedence: a credit note is a credit note; then credited, written off and carried (those owe
 * nothing whatever was paid); then by the sum paid.
 */
export interface StateInput {
  kind: 'invoice' | 'creditNote';
  total: number;
  paid: number;
  creditedById: number | null;
  writtenOffOn: string | null;
  carriedToId: number | null;
}

export function invoiceStatus(i: StateInput): InvoiceStatus {
  if (i.kind === 'creditNote') return 'creditNote';
  if (i.creditedById !== null) return 'credited';
  if (i.writtenOffOn !== null) return 'writtenOff';
  if (i.carriedToId !== null) return 'carried';
  if (i.paid <= 0) return 'open';
  if (i.paid < i.total) return 'partlyPaid';
  return i.paid === i.total ? 'paid' : 'overPaid';
}

export function invoiceOwed(i: StateInput): number {
  const s = invoiceStatus(i);
  return s === 'open' || s === 'partlyPaid' ? i.total - i.paid : 0;
}

const STATUS_SQL = `CASE
    WHEN s.kind = 'creditNote' THEN 'creditNote'
    WHEN s.credited_by_id IS NOT NULL THEN 'credited'
    WHEN s.written_off_on IS NOT NULL THEN 'writtenOff'
    WHEN s.carried_to_id IS NOT NULL THEN 'carried'
    WHEN s.paid <= 0 THEN 'open'
    WHEN s.paid < s.total THEN 'partlyPaid'
    WHEN s.paid = s.total THEN 'paid'
    ELSE 'overPaid' END`;

/**
 * Every invoice matching `where` (over alias `i` = invoices) with `paid`, `status` and `owed`
 * columns. Use as a subquery: `SELECT ... FROM (${invoiceStates(...)}) x WHERE x.status = ...`.
 */
export function invoiceStates(where: SqlQuery = sql`1`): SqlQuery {
  return sql`SELECT s.*, ${raw(STATUS_SQL)} AS status,
      CASE WHEN (${raw(STATUS_SQL)}) IN ('open', 'partlyPaid') THEN s.total - s.paid ELSE 0 END AS owed
    FROM (SELECT i.*, coalesce((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid
          FROM invoices i WHERE ${where}) s`;
}
