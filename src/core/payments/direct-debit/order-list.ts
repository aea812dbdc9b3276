import type { DirectDebitOrderEntity } from '../../../shared/contract/direct-debit';
import type { Db } from '../../db/database';
import { sql, type SqlQuery } from '../../db/sql';
import { orderStatus } from './apply-report';

interface DbOrderRow {
  id: number;
  kind: 'autogiro' | 'avtalegiro';
  invoice_id: number;
  seq: number;
  year: number;
  reference: string;
  member_id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  payer_reference: string;
  amount: number;
  debit_on: string;
  file_id: number | null;
  result: 'paid' | 'failed' | 'refunded' | null;
  result_code: string | null;
  result_on: string | null;
}

export interface OrderRow extends DirectDebitOrderEntity {
  /** The invoice's payment reference (OCR / KID), written into the file. */
  invoiceReference: string;
  fileId: number | null;
}

export function ordersWhere(db: Db, where: SqlQuery): OrderRow[] {
  return db
    .all<DbOrderRow>(sql`SELECT o.id, o.kind, o.invoice_id, i.seq, i.year, i.reference, o.member_id, m.member_number, m.first_name, m.last_name,
        o.payer_reference, o.amount, o.debit_on, o.file_id, o.result, o.result_code, o.result_on
      FROM direct_debit_orders o JOIN invoices i ON i.id = o.invoice_id JOIN members m ON m.id = o.member_id
      WHERE ${where} ORDER BY o.debit_on DESC, m.sort_last, m.sort_first, o.id`)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      invoiceId: r.invoice_id,
      invoiceNumber: String(r.seq),
      year: r.year,
      member: { memberId: r.member_id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name },
      payerReference: r.payer_reference,
      amount: r.amount,
      debitOn: r.debit_on,
      status: orderStatus(r.file_id, r.result),
      resultCode: r.result_code,
      resultOn: r.result_on,
      invoiceReference: r.reference,
      fileId: r.file_id,
    }));
}

export function listOrders(db: Db, year: number | undefined): DirectDebitOrderEntity[] {
  return ordersWhere(db, year === undefined ? sql`1` : sql`i.year = ${year}`).map(({ invoiceReference: _r, fileId: _f, ...o }) => o);
}
