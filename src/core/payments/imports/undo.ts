import type { PaymentImportEntity } from '../../../shared/contract/payments';
import { sql } from '../../db/sql';
import { conflict } from '../../members/errors';
import { isoTime, type RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';
import { unbookItem } from './book';
import { importEntity } from './entities';

/**
 * Takes an import back in one step: every payment it booked (matched, and assigned in review
 * since), its transactions, and its hash (so the file can be imported again). Refused, with
 * nothing removed, while something later depends on those payments (see undoBlock).
 * Call inside ctx.write.
 */
export function undoImport(ctx: RegisterContext, importId: number): PaymentImportEntity {
  const db = ctx.db;
  const entity = importEntity(db, importId);
  if (entity.undoBlocked) throw conflict(entity.undoBlocked, 'importId', { invoices: entity.blockedBy.join(', ') });
  const at = isoTime(ctx.now());
  const book = { db, language: ctx.language, currency: currencyOf(ctx.country), at };
  for (const id of db.column(sql`SELECT id FROM payment_import_items WHERE import_id = ${importId}`)) unbookItem(book, id);
  db.run(sql`DELETE FROM payment_import_payments WHERE item_id IN (SELECT id FROM payment_import_items WHERE import_id = ${importId})`);
  db.run(sql`DELETE FROM payment_import_items WHERE import_id = ${importId}`);
  db.run(sql`UPDATE payment_imports SET undone_at = ${at} WHERE id = ${importId}`);
  return importEntity(db, importId);
}
