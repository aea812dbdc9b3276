import type { DuesLogEntry, DuesYearSummary } from '../../shared/contract/dues';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { listRuns } from './run';
import { roundsOf } from './rounds';
import { listStrikeOffs } from './strike-off';
import { invoiceStates } from './state';

/** The register's dues history, read from what the dues tables hold (nothing is logged twice). */
export function duesLog(db: Db, year: number | undefined, limit: number): DuesLogEntry[] {
  const out: DuesLogEntry[] = [];
  for (const r of listRuns(db, year)) {
    const label = r.firstNumber === r.lastNumber ? r.firstNumber : `${r.firstNumber}–${r.lastNumber}`;
    out.push({ at: r.createdAt, kind: 'run', year: r.year, count: r.invoices, amount: r.total, refId: r.id, label });
  }
  const years = year === undefined ? db.column(sql`SELECT DISTINCT year FROM dues_reminder_rounds WHERE run_at IS NOT NULL`) : [year];
  for (const y of years) {
    for (const r of roundsOf(db, y).filter((x) => x.runAt)) {
      out.push({ at: r.runAt!, kind: 'reminder', year: y, count: r.reminded, amount: r.owedTotal, refId: r.id, label: String(r.round) });
    }
  }
  for (const s of listStrikeOffs(db, year)) {
    out.push({ at: s.createdAt, kind: 'strikeOff', year: s.year, count: s.members.length, amount: 0, refId: s.id, label: s.on });
    if (s.undoneAt) out.push({ at: s.undoneAt, kind: 'strikeOffUndone', year: s.year, count: s.members.length, amount: 0, refId: s.id, label: s.on });
  }
  const where = year === undefined ? sql`1` : sql`i.year = ${year}`;
  for (const c of db.all<{ id: number; seq: number; year: number; total: number; created_at: string }>(sql`SELECT id, seq, year, total, created_at
      FROM invoices i WHERE i.kind = 'creditNote' AND ${where}`)) {
    out.push({ at: c.created_at, kind: 'credit', year: c.year, count: 1, amount: c.total, refId: c.id, label: String(c.seq) });
  }
  // A write-off is listed when it was recorded (its date may be set back, and a bare date would sort
  // below everything else done that day); write-offs from before that time was kept show their date.
  for (const w of db.all<{ id: number; seq: number; year: number; total: number; paid: number; at: string }>(sql`SELECT x.id, x.seq, x.year, x.total, x.paid,
        coalesce(x.written_off_at, x.written_off_on) AS at
      FROM (${invoiceStates(where)}) x WHERE x.written_off_on IS NOT NULL`)) {
    out.push({ at: w.at, kind: 'writeOff', year: w.year, count: 1, amount: w.total - w.paid, refId: w.id, label: String(w.seq) });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at) || b.refId - a.refId).slice(0, limit);
}

export function duesYears(db: Db): DuesYearSummary[] {
  const years = db.column(sql`SELECT year FROM dues_fees UNION SELECT year FROM invoices UNION SELECT year FROM dues_reminder_rounds ORDER BY 1 DESC`);
  return years.map((year) => {
    const t = db.get<{ invoices: number; invoiced: number; paid: number; owed: number }>(sql`SELECT
        count(CASE WHEN x.kind = 'invoice' THEN 1 END) AS invoices, coalesce(sum(x.total), 0) AS invoiced,
        coalesce(sum(x.paid), 0) AS paid, coalesce(sum(x.owed), 0) AS owed
      FROM (${invoiceStates(sql`i.year = ${year}`)}) x`)!;
    const rounds = roundsOf(db, year);
    return {
      year,
      hasFees: !!db.get(sql`SELECT 1 AS x FROM dues_fees WHERE year = ${year}`),
      runs: db.column(sql`SELECT count(*) FROM dues_runs WHERE year = ${year}`)[0],
      invoices: t.invoices,
      invoicedTotal: t.invoiced,
      paidTotal: t.paid,
      owedTotal: t.owed,
      roundsRun: rounds.filter((r) => r.runAt).length,
      roundsTotal: rounds.length,
    };
  });
}
