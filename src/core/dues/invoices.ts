import type {
  InvoiceEntity,
  InvoiceLineEntity,
  InvoiceListQuery,
  InvoicePersonRef,
  InvoiceRow,
  InvoiceStatus,
  PaymentEntity,
  PaymentMethod,
  ReferenceKind,
} from '../../shared/contract/dues';
import type { Db } from '../db/database';
import { join, sql, type SqlQuery } from '../db/sql';
import { notFound } from '../members/errors';
import { invoiceStates } from './state';

export interface DbInvoiceState {
  id: number;
  seq: number;
  kind: 'invoice' | 'creditNote';
  year: number;
  run_id: number | null;
  member_id: number;
  household_id: number | null;
  membership_type_id: number | null;
  issued_on: string;
  due_on: string;
  reference: string;
  reference_kind: ReferenceKind;
  total: number;
  credits_invoice_id: number | null;
  credited_by_id: number | null;
  carried_to_id: number | null;
  written_off_on: string | null;
  note: string | null;
  created_at: string;
  paid: number;
  status: InvoiceStatus;
  owed: number;
}

interface DbRef {
  invoice_id: number;
  id: number;
  member_number: number;
  first_name: string;
  last_name: string;
}
const toRef = (r: Omit<DbRef, 'invoice_id'>): InvoicePersonRef => ({ memberId: r.id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name });

export function personRef(db: Db, memberId: number): InvoicePersonRef {
  const r = db.get<Omit<DbRef, 'invoice_id'>>(sql`SELECT id, member_number, first_name, last_name FROM members WHERE id = ${memberId}`);
  if (!r) throw notFound('member', memberId, 'memberId');
  return toRef(r);
}

const idList = (ids: number[]) => JSON.stringify(ids);

/** Rows (no lines) for invoice state rows, in the order given. */
export function toRows(db: Db, states: DbInvoiceState[]): InvoiceRow[] {
  if (!states.length) return [];
  const ids = idList(states.map((s) => s.id));
  const covers = new Map<number, InvoicePersonRef[]>();
  for (const r of db.all<DbRef>(sql`SELECT im.invoice_id, m.id, m.member_number, m.first_name, m.last_name
      FROM invoice_members im JOIN members m ON m.id = im.member_id
      WHERE im.invoice_id IN (SELECT value FROM json_each(${ids})) ORDER BY im.invoice_id, m.member_number`)) {
    const list = covers.get(r.invoice_id) ?? [];
    list.push(toRef(r));
    covers.set(r.invoice_id, list);
  }
  const rounds = new Map<number, number[]>();
  for (const r of db.all<{ invoice_id: number; number: number }>(sql`SELECT d.invoice_id, rr.number
      FROM dues_reminders d JOIN dues_reminder_rounds rr ON rr.id = d.round_id
      WHERE d.invoice_id IN (SELECT value FROM json_each(${ids})) ORDER BY rr.number`)) {
    rounds.set(r.invoice_id, [...(rounds.get(r.invoice_id) ?? []), r.number]);
  }
  return states.map((s) => {
    const cov = covers.get(s.id) ?? [];
    const member = cov.find((c) => c.memberId === s.member_id) ?? personRef(db, s.member_id);
    return {
      id: s.id,
      kind: s.kind,
      number: String(s.seq),
      year: s.year,
      runId: s.run_id,
      member,
      covers: cov.length ? cov : [member],
      householdId: s.household_id,
      issuedOn: s.issued_on,
      dueOn: s.due_on,
      reference: s.reference,
      referenceKind: s.reference_kind,
      total: s.total,
      paid: s.paid,
      owed: s.owed,
      status: s.status,
      creditsInvoiceId: s.credits_invoice_id,
      creditedById: s.credited_by_id,
      carriedToId: s.carried_to_id,
      writtenOffOn: s.written_off_on,
      note: s.note,
      reminderRounds: rounds.get(s.id) ?? [],
      createdAt: s.created_at,
    };
  });
}

interface DbLine {
  id: number;
  invoice_id: number;
  kind: InvoiceLineEntity['kind'];
  description: string;
  amount: number;
  carried_invoice_id: number | null;
  reminder_round_id: number | null;
}

export function linesOf(db: Db, invoiceIds: number[]): Map<number, InvoiceLineEntity[]> {
  const out = new Map<number, InvoiceLineEntity[]>();
  for (const l of db.all<DbLine>(sql`SELECT id, invoice_id, kind, description, amount, carried_invoice_id, reminder_round_id
      FROM invoice_lines WHERE invoice_id IN (SELECT value FROM json_each(${idList(invoiceIds)})) ORDER BY invoice_id, position, id`)) {
    const list = out.get(l.invoice_id) ?? [];
    list.push({ id: l.id, kind: l.kind, description: l.description, amount: l.amount, carriedInvoiceId: l.carried_invoice_id, reminderRoundId: l.reminder_round_id });
    out.set(l.invoice_id, list);
  }
  return out;
}

export function statesWhere(db: Db, where: SqlQuery, order: SqlQuery = sql`ORDER BY x.seq`): DbInvoiceState[] {
  return db.all<DbInvoiceState>(sql`SELECT * FROM (${invoiceStates(where)}) x ${order}`);
}

export function getInvoices(db: Db, ids: number[]): InvoiceEntity[] {
  const rows = toRows(db, statesWhere(db, sql`i.id IN (SELECT value FROM json_each(${idList(ids)}))`));
  const lines = linesOf(db, ids);
  return rows.map((r) => ({ ...r, lines: lines.get(r.id) ?? [] }));
}

export function mustGetInvoice(db: Db, id: number, field = 'invoiceId'): InvoiceEntity {
  const [inv] = getInvoices(db, [id]);
  if (!inv) throw notFound('invoice', id, field);
  return inv;
}

export function listInvoices(db: Db, q: Required<Pick<InvoiceListQuery, 'offset' | 'limit'>> & InvoiceListQuery): { total: number; rows: InvoiceRow[] } {
  const conds: SqlQuery[] = [sql`1`];
  if (q.year !== undefined) conds.push(sql`x.year = ${q.year}`);
  if (q.runId !== undefined) conds.push(sql`x.run_id = ${q.runId}`);
  if (q.kind !== undefined) conds.push(sql`x.kind = ${q.kind}`);
  if (q.memberId !== undefined) conds.push(sql`x.id IN (SELECT invoice_id FROM invoice_members WHERE member_id = ${q.memberId})`);
  if (q.status?.length) conds.push(sql`x.status IN (SELECT value FROM json_each(${JSON.stringify(q.status)}))`);
  const where = join(conds, ' AND ');
  const base = sql`FROM (${invoiceStates()}) x WHERE ${where}`;
  const total = db.column(sql`SELECT count(*) ${base}`)[0];
  const states = db.all<DbInvoiceState>(sql`SELECT x.* ${base} ORDER BY x.seq DESC LIMIT ${q.limit} OFFSET ${q.offset}`);
  return { total, rows: toRows(db, states) };
}

interface DbPayment {
  id: number;
  invoice_id: number | null;
  seq: number | null;
  member_id: number | null;
  paid_on: string;
  amount: number;
  method: PaymentMethod;
  reference: string | null;
  note: string | null;
  year: number | null;
  created_at: string;
}

export function paymentsWhere(db: Db, where: SqlQuery): PaymentEntity[] {
  return db
    .all<DbPayment>(sql`SELECT p.id, p.invoice_id, i.seq, p.member_id, p.paid_on, p.amount, p.method, p.reference, p.note, p.year, p.created_at
        FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id WHERE ${where} ORDER BY p.paid_on DESC, p.id DESC`)
    .map((p) => ({
      id: p.id,
      invoiceId: p.invoice_id,
      invoiceNumber: p.seq === null ? null : String(p.seq),
      memberId: p.member_id,
      paidOn: p.paid_on,
      amount: p.amount,
      method: p.method,
      reference: p.reference,
      note: p.note,
      year: p.year,
      createdAt: p.created_at,
    }));
}
