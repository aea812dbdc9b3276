import type { PaymentImportEntity } from '../../../shared/contract/payments';
import { sql } from '../../db/sql';
import { conflict } from '../../members/errors';
import { isoTime, type RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';
import { moneyText } from './book';
import { insertMany } from './bulk';
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
  const money = moneyText(ctx.language, currencyOf(ctx.country));
  const mine = sql`SELECT l.payment_id FROM payment_import_payments l JOIN payment_import_items it ON it.id = l.item_id WHERE it.import_id = ${importId}`;
  // Set-wise, not item by item: an import of 10,000 payments is undone in a few statements.
  const removed = db.all<{ member_id: number; amount: number }>(sql`SELECT member_id, amount FROM payments WHERE id IN (${mine}) ORDER BY id`);
  insertMany(db, 'member_history', ['member_id', 'at', 'field', 'old_value', 'new_value', 'source', 'op_id'],
    removed.map((p) => [p.member_id, at, 'duesPayment', money(p.amount), null, 'dues', null]));
  db.run(sql`DELETE FROM payments WHERE id IN (${mine})`);
  db.run(sql`DELETE FROM payment_import_items WHERE import_id = ${importId}`);
  db.run(sql`UPDATE payment_imports SET undone_at = ${at} WHERE id = ${importId}`);
  return importEntity(db, importId);
}
