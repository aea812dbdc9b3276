import type { InvoicePersonRef } from '../../../shared/contract/dues';
import type { Candidate, ReviewItem } from '../../../shared/contract/payments';
import type { Db } from '../../db/database';
import { sql } from '../../db/sql';
import { personRef } from '../../dues/invoices';
import { conflict, invalid, notFound } from '../../members/errors';
import { isoTime, type RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';
import type { PlannedAllocation } from '../matching/match';
import { targetsWhere, type InvoiceTarget } from '../matching/targets';
import { bookAllocations, unbookItem } from './book';
import { allocationsOf, itemRow, itemsWhere, type DbItem } from './rows';
import { nameTokens, suggestFor, suggestIndex } from './suggest';
import { BANK_IMPORT_TEXTS } from './texts';
import { undoBlock } from './undo-check';

function memberByNumber(db: Db) {
  return (n: number): InvoicePersonRef | null => {
    const r = db.get<{ id: number }>(sql`SELECT id FROM members WHERE member_number = ${n}`);
    return r ? personRef(db, r.id) : null;
  };
}

function toReviewItems(ctx: RegisterContext, items: DbItem[]): ReviewItem[] {
  const db = ctx.db;
  const currency = currencyOf(ctx.country);
  const allocations = allocationsOf(db, items.map((i) => i.id));
  const index = items.some((i) => i.status === 'review') ? suggestIndex(targetsWhere(db), memberByNumber(db)) : null;
  return items.map((it) => {
    const row = itemRow(it, allocations.get(it.id) ?? [], currency);
    const suggestions = index && it.status === 'review' && !row.blocked ? suggestFor(row, index) : [];
    return { ...row, id: it.id, importId: it.import_id, fileName: it.file_name, suggestions };
  });
}

export function reviewList(ctx: RegisterContext, q: { importId?: number; status: ('review' | 'assigned' | 'left')[]; limit: number }): ReviewItem[] {
  const where = sql`it.status IN (SELECT value FROM json_each(${JSON.stringify(q.status)})) AND (${q.importId ?? null} IS NULL OR it.import_id = ${q.importId ?? null})`;
  return toReviewItems(ctx, itemsWhere(ctx.db, where, sql`ORDER BY it.paid_on, it.import_id, it.line LIMIT ${q.limit}`));
}

function mustGetItem(ctx: RegisterContext, id: number): DbItem {
  const [it] = itemsWhere(ctx.db, sql`it.id = ${id}`);
  if (!it) throw notFound('item', id, 'itemId');
  return it;
}

const reviewItem = (ctx: RegisterContext, id: number): ReviewItem => toReviewItems(ctx, [mustGetItem(ctx, id)])[0];

/**
 * Books a transaction from review: on an invoice (up to what it owes; the rest is credit on the
 * member) or on a member as credit. Call inside ctx.write.
 */
export function assignItem(ctx: RegisterContext, a: { itemId: number; invoiceId: number | null; memberId: number | null }): ReviewItem {
  const db = ctx.db;
  const it = mustGetItem(ctx, a.itemId);
  if (it.status !== 'review') throw conflict('item-not-in-review', 'itemId');
  const row = itemRow(it, [], currencyOf(ctx.country));
  if (row.blocked) throw conflict('item-blocked', 'itemId', { blocked: row.blocked });
  const allocations: PlannedAllocation[] = [];
  let invoice: InvoiceTarget | null = null;
  if (a.invoiceId !== null) {
    invoice = targetsWhere(db, sql`x.id = ${a.invoiceId}`)[0] ?? null;
    if (!invoice) {
      const note = db.get(sql`SELECT id FROM invoices WHERE id = ${a.invoiceId} AND kind = 'creditNote'`);
      if (note) throw invalid('invoiceId', 'invoice-is-credit-note');
      throw notFound('invoice', a.invoiceId, 'invoiceId');
    }
    const take = Math.min(it.amount, Math.max(0, invoice.owed));
    if (take > 0) allocations.push({ invoice, memberId: invoice.member.memberId, amount: take });
  }
  const creditTo = a.memberId ?? invoice!.member.memberId;
  if (a.memberId !== null) personRef(db, a.memberId); // not-found when the member is gone
  const rest = it.amount - allocations.reduce((n, x) => n + x.amount, 0);
  if (rest > 0) allocations.push({ invoice: null, memberId: creditTo, amount: rest });
  const at = isoTime(ctx.now());
  const refs = (JSON.parse(it.refs) as { reference: string }[]).map((r) => r.reference).join(' ').slice(0, 100) || null;
  const origin = BANK_IMPORT_TEXTS[ctx.language].line(it.file_name, it.line);
  bookAllocations({ db, language: ctx.language, currency: currencyOf(ctx.country), at }, it.id, { paidOn: it.paid_on, method: it.method, reference: refs, origin }, allocations);
  db.run(sql`UPDATE payment_import_items SET status = 'assigned', decided_at = ${at} WHERE id = ${it.id}`);
  return reviewItem(ctx, it.id);
}

/** Leaves a transaction unassigned: kept with its note, on nobody's account. Call inside ctx.write. */
export function leaveItem(ctx: RegisterContext, itemId: number, note: string | null): ReviewItem {
  const it = mustGetItem(ctx, itemId);
  if (it.status !== 'review') throw conflict('item-not-in-review', 'itemId');
  ctx.db.run(sql`UPDATE payment_import_items SET status = 'left', note = ${note}, decided_at = ${isoTime(ctx.now())} WHERE id = ${itemId}`);
  return reviewItem(ctx, itemId);
}

/** Back to review: what the assignment booked is removed, unless something later depends on it. Call inside ctx.write. */
export function reopenItem(ctx: RegisterContext, itemId: number): ReviewItem {
  const it = mustGetItem(ctx, itemId);
  if (it.status !== 'assigned' && it.status !== 'left') throw conflict('item-not-decided', 'itemId');
  const block = undoBlock(ctx.db, [itemId]);
  if (block) throw conflict(block.reason, 'itemId', { invoices: block.invoices.join(', ') });
  unbookItem({ db: ctx.db, language: ctx.language, currency: currencyOf(ctx.country), at: isoTime(ctx.now()) }, itemId);
  ctx.db.run(sql`UPDATE payment_import_items SET status = 'review', note = NULL, decided_at = NULL WHERE id = ${itemId}`);
  return reviewItem(ctx, itemId);
}

/** Open invoices and members for a text the treasurer types: a name, a member or invoice number, a reference. */
export function candidates(ctx: RegisterContext, query: string, limit: number): Candidate[] {
  const db = ctx.db;
  const q = query.trim();
  const digits = /^\d+$/.test(q) ? Number(q) : null;
  // Names compared in JS: SQLite's LIKE and lower() know only ASCII, and "ödegård" must find "Ödegård".
  const words = nameTokens(q);
  const members = db
    .all<{ id: number; member_number: number; first_name: string; last_name: string }>(sql`SELECT id, member_number, first_name, last_name FROM members
        WHERE archived_at IS NULL ORDER BY last_name, first_name`)
    .filter((m) => {
      if (digits !== null) return m.member_number === digits;
      const names = nameTokens(`${m.first_name} ${m.last_name}`);
      return words.length > 0 && words.every((w) => names.some((n) => n.startsWith(w)));
    })
    .slice(0, limit)
    .map((m) => m.id);
  const open = targetsWhere(db, sql`x.owed > 0 AND (x.member_id IN (SELECT value FROM json_each(${JSON.stringify(members)}))
      OR x.seq = ${digits} OR x.reference = ${q.replace(/\s+/g, '').toUpperCase()})`);
  const out: Candidate[] = open.map((t) => ({ invoiceId: t.id, invoiceNumber: t.number, owed: t.owed, year: t.year, reference: t.reference, member: t.member }));
  for (const id of members) out.push({ invoiceId: null, invoiceNumber: null, owed: null, year: null, reference: null, member: personRef(db, id) });
  return out.slice(0, limit);
}
