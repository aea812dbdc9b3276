import type { BankFileFormat, BankFileTotals, ItemStatus, PaymentImportEntity } from '../../../shared/contract/payments';
import type { Db } from '../../db/database';
import { sql } from '../../db/sql';
import { notFound } from '../../members/errors';
import { undoBlock } from './undo-check';

interface DbImport {
  id: number;
  format: BankFileFormat;
  file_name: string;
  hash: string;
  payee: string | null;
  currency: string;
  count: number;
  total: number;
  at: string;
  undone_at: string | null;
}

const none = (): BankFileTotals => ({ count: 0, amount: 0 });

function toEntity(db: Db, r: DbImport): PaymentImportEntity {
  const by: Record<ItemStatus, BankFileTotals> = { matched: none(), review: none(), assigned: none(), left: none(), duplicate: none() };
  for (const s of db.all<{ status: ItemStatus; n: number; amount: number }>(sql`SELECT status, count(*) AS n, coalesce(sum(amount), 0) AS amount
      FROM payment_import_items WHERE import_id = ${r.id} GROUP BY status`)) {
    by[s.status] = { count: s.n, amount: s.amount };
  }
  const credit = db.column(sql`SELECT coalesce(sum(p.amount), 0) FROM payment_import_payments l JOIN payments p ON p.id = l.payment_id
      JOIN payment_import_items it ON it.id = l.item_id WHERE it.import_id = ${r.id} AND p.invoice_id IS NULL`)[0];
  const block = r.undone_at
    ? { reason: 'undone' as const, invoices: [] }
    : undoBlock(db, db.column(sql`SELECT id FROM payment_import_items WHERE import_id = ${r.id} AND status IN ('matched', 'assigned')`));
  return {
    id: r.id,
    format: r.format,
    fileName: r.file_name,
    at: r.at,
    payee: r.payee,
    currency: r.currency,
    all: { count: r.count, amount: r.total },
    matched: by.matched,
    review: by.review,
    assigned: by.assigned,
    left: by.left,
    duplicates: by.duplicate,
    credit,
    undoneAt: r.undone_at,
    undoBlocked: block?.reason ?? null,
    blockedBy: block?.invoices ?? [],
  };
}

export function importEntity(db: Db, id: number): PaymentImportEntity {
  const r = db.get<DbImport>(sql`SELECT * FROM payment_imports WHERE id = ${id}`);
  if (!r) throw notFound('import', id, 'importId');
  return toEntity(db, r);
}

export function listImports(db: Db, limit: number): PaymentImportEntity[] {
  return db.all<DbImport>(sql`SELECT * FROM payment_imports ORDER BY at DESC, id DESC LIMIT ${limit}`).map((r) => toEntity(db, r));
}
