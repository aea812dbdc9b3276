import type { InvoiceEntity } from '../../shared/contract/dues';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { conflict, invalid } from '../members/errors';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import { mustGetInvoice } from './invoices';
import { nextSeq } from './run';
import { readDuesSettings } from './settings';

function checkedDate(ctx: RegisterContext, inv: InvoiceEntity, on: string | undefined): string {
  const date = on ?? isoDate(ctx.now());
  if (date < inv.issuedOn) throw invalid('on', 'date-before-invoice');
  return date;
}

/**
 * Credits an invoice in full with a credit note: its own number from the same series, the same
 * lines negated, the same reference (so a bank file still finds the pair). Whatever the invoice
 * had carried from last year is owed again on the old invoice — the credit cancels this
 * invoice, not the member's older debt. Call inside ctx.write.
 */
export function creditInvoice(ctx: RegisterContext, invoiceId: number, on: string | undefined, note: string | null): InvoiceEntity {
  const db = ctx.db;
  const inv = mustGetInvoice(db, invoiceId);
  if (inv.kind !== 'invoice' || ['credited', 'writtenOff', 'carried'].includes(inv.status)) throw conflict('invoice-not-creditable', 'invoiceId');
  const date = checkedDate(ctx, inv, on);
  const now = isoTime(ctx.now());
  const seq = nextSeq(db, readDuesSettings(ctx).nextInvoiceNumber);
  const { lastId: id } = db.run(sql`INSERT INTO invoices (seq, kind, year, run_id, member_id, household_id, membership_type_id,
      issued_on, due_on, reference, reference_kind, total, credits_invoice_id, note, created_at)
    VALUES (${seq}, 'creditNote', ${inv.year}, NULL, ${inv.member.memberId}, ${inv.householdId}, NULL,
      ${date}, ${date}, ${inv.reference}, ${inv.referenceKind}, ${-inv.total}, ${inv.id}, ${note}, ${now})`);
  inv.lines.forEach((l, position) => {
    db.run(sql`INSERT INTO invoice_lines (invoice_id, position, kind, description, amount)
               VALUES (${id}, ${position}, 'credit', ${l.description}, ${-l.amount})`);
  });
  for (const c of inv.covers) {
    db.run(sql`INSERT INTO invoice_members (invoice_id, member_id) VALUES (${id}, ${c.memberId})`);
    recordHistory(db, c.memberId, now, [{ field: 'duesCreditNote', oldValue: inv.number, newValue: String(seq) }], 'dues');
  }
  db.run(sql`UPDATE invoices SET credited_by_id = ${id} WHERE id = ${inv.id}`);
  db.run(sql`UPDATE invoices SET carried_to_id = NULL WHERE carried_to_id = ${inv.id}`);
  return mustGetInvoice(db, id);
}

/** The association gives up what is still owed. Call inside ctx.write. */
export function writeOffInvoice(ctx: RegisterContext, invoiceId: number, on: string | undefined, note: string | null): InvoiceEntity {
  const db = ctx.db;
  const inv = mustGetInvoice(db, invoiceId);
  if (inv.status !== 'open' && inv.status !== 'partlyPaid') throw conflict('invoice-not-open', 'invoiceId');
  const date = checkedDate(ctx, inv, on);
  const now = isoTime(ctx.now());
  // The date may be set back; the time it was recorded orders it in the dues log.
  db.run(sql`UPDATE invoices SET written_off_on = ${date}, written_off_at = ${now}, note = coalesce(${note}, note) WHERE id = ${inv.id}`);
  for (const c of inv.covers) recordHistory(db, c.memberId, now, [{ field: 'duesWriteOff', oldValue: null, newValue: inv.number }], 'dues');
  return mustGetInvoice(db, inv.id);
}
