import type { ExclusionReason, InvoiceRunEntity, InvoiceRunPreview } from '../../shared/contract/dues';
import { validationError } from '../../shared/result';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { conflict, notFound } from '../members/errors';
import { isoTime, type RegisterContext } from '../register/context';
import { currencyOf } from '../register/settings';
import { moveCredit } from './credit-balance';
import { makeReference } from './references';
import { loadRunFacts } from './run-data';
import { planRun, type RunPlan } from './run-plan';
import { ensureDefaultRounds } from './rounds';
import { readDuesSettings } from './settings';
import { DUES_TEXTS } from './texts';

export interface RunArgs {
  year: number;
  invoiceDate: string;
  includeCredited: boolean;
  dueOn?: string;
}

function plan(ctx: RegisterContext, a: RunArgs): RunPlan {
  const facts = loadRunFacts(ctx.db, a.year);
  return planRun(facts, readDuesSettings(ctx), ctx.country, DUES_TEXTS[ctx.language], a.invoiceDate, a.includeCredited, a.dueOn);
}

export function previewRun(ctx: RegisterContext, a: RunArgs, limit: number): InvoiceRunPreview {
  const p = plan(ctx, a);
  const byReason: Partial<Record<ExclusionReason, number>> = {};
  for (const e of p.excluded) byReason[e.reason] = (byReason[e.reason] ?? 0) + 1;
  return {
    year: a.year,
    invoiceDate: a.invoiceDate,
    currency: currencyOf(ctx.country),
    invoiceCount: p.invoices.length,
    total: p.invoices.reduce((n, i) => n + i.total, 0),
    carriedTotal: p.invoices.reduce((n, i) => n + i.lines.filter((l) => l.kind === 'carried').reduce((m, l) => m + l.amount, 0), 0),
    notPrintableCount: p.invoices.filter((i) => !i.printable).length,
    excludedCount: p.excluded.length,
    byReason,
    invoices: p.invoices.slice(0, limit).map(({ carries: _carries, credits: _credits, ...rest }) => rest),
    excluded: p.excluded.slice(0, limit),
    blocking: p.blocking,
  };
}

/** The number the next invoice or credit note gets: never one used before. */
export function nextSeq(db: Db, configured: number): number {
  return Math.max(configured, db.column(sql`SELECT coalesce(max(seq), 0) FROM invoices`)[0] + 1);
}

/**
 * Creates the run's invoices (call inside ctx.write: all or nothing). The plan is made again
 * inside the transaction, so what is created is what the register holds now — a member
 * invoiced by an earlier run is left out whatever the window's preview said.
 */
export function executeRun(ctx: RegisterContext, a: RunArgs): InvoiceRunEntity {
  const db = ctx.db;
  const p = plan(ctx, a);
  if (p.blocking.length) throw validationError(p.blocking);
  if (!p.invoices.length) throw conflict('nothing-to-invoice');
  const settings = readDuesSettings(ctx);
  const now = isoTime(ctx.now());
  const { lastId: runId } = db.run(sql`INSERT INTO dues_runs (year, invoice_date, created_at) VALUES (${a.year}, ${a.invoiceDate}, ${now})`);
  let seq = nextSeq(db, settings.nextInvoiceNumber);
  for (const inv of p.invoices) {
    const { reference, kind } = makeReference(settings, ctx.country, seq);
    const { lastId: id } = db.run(sql`INSERT INTO invoices (seq, kind, year, run_id, member_id, household_id, membership_type_id,
        issued_on, due_on, reference, reference_kind, total, created_at)
      VALUES (${seq}, 'invoice', ${a.year}, ${runId}, ${inv.member.memberId}, ${inv.householdId}, ${inv.membershipTypeId},
        ${a.invoiceDate}, ${inv.dueOn}, ${reference}, ${kind}, ${inv.total}, ${now})`);
    inv.lines.forEach((l, position) => {
      db.run(sql`INSERT INTO invoice_lines (invoice_id, position, kind, description, amount, carried_invoice_id)
                 VALUES (${id}, ${position}, ${l.kind}, ${l.description}, ${l.amount}, ${l.carriedInvoiceId})`);
    });
    for (const c of inv.covers) {
      db.run(sql`INSERT INTO invoice_members (invoice_id, member_id) VALUES (${id}, ${c.memberId})`);
      recordHistory(db, c.memberId, now, [{ field: 'duesInvoice', oldValue: null, newValue: String(seq) }], 'dues');
    }
    for (const old of inv.carries) db.run(sql`UPDATE invoices SET carried_to_id = ${id} WHERE id = ${old}`);
    moveCredit(db, inv.credits, id, a.invoiceDate, now);
    seq++;
  }
  ensureDefaultRounds(ctx, a.year);
  return getRun(db, runId);
}

interface DbRun {
  id: number;
  year: number;
  invoice_date: string;
  created_at: string;
  invoices: number;
  total: number;
  first_seq: number | null;
  last_seq: number | null;
}

// The total as invoiced: reminder fees added later are not part of the run.
const RUNS = sql`SELECT r.id, r.year, r.invoice_date, r.created_at, count(i.id) AS invoices,
    (SELECT coalesce(sum(l.amount), 0) FROM invoice_lines l JOIN invoices i2 ON i2.id = l.invoice_id
     WHERE i2.run_id = r.id AND l.kind != 'reminderFee') AS total,
    min(i.seq) AS first_seq, max(i.seq) AS last_seq
  FROM dues_runs r LEFT JOIN invoices i ON i.run_id = r.id`;

const toRun = (r: DbRun): InvoiceRunEntity => ({
  id: r.id,
  year: r.year,
  invoiceDate: r.invoice_date,
  createdAt: r.created_at,
  invoices: r.invoices,
  total: r.total,
  firstNumber: r.first_seq === null ? null : String(r.first_seq),
  lastNumber: r.last_seq === null ? null : String(r.last_seq),
});

export function getRun(db: Db, id: number): InvoiceRunEntity {
  const r = db.get<DbRun>(sql`${RUNS} WHERE r.id = ${id} GROUP BY r.id`);
  if (!r) throw notFound('run', id, 'runId');
  return toRun(r);
}

export function listRuns(db: Db, year: number | undefined): InvoiceRunEntity[] {
  const where = year === undefined ? sql`1` : sql`r.year = ${year}`;
  return db.all<DbRun>(sql`${RUNS} WHERE ${where} GROUP BY r.id ORDER BY r.id DESC`).map(toRun);
}
