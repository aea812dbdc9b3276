import { writeFile } from 'node:fs/promises';
import type { Language } from '../../../shared/contract';
import type { ReportChoice } from '../../../shared/contract/reports';
import { KansliError } from '../../../shared/result';
import { formatMoney } from '../../dues/money';
import { toCsv } from '../../exports/csv';
import { targetPath } from '../../exports/file-name';
import { FILE_COLUMNS, logFile } from '../../exports/log-files';
import { tablePdf } from '../../exports/member-list-pdf';
import { formatDate } from '../../documents/letters/format';
import { longDate } from '../../exports/texts';
import { isoDate, type RegisterContext } from '../../register/context';
import { currencyOf, readSettings } from '../../register/settings';
import { creditsReport } from './credits';
import { paymentsReport } from './payments';
import { receivables } from './receivables';
import { REPORT_TEXTS } from './texts';

type Cell = string | { money: number } | { date: string };

interface Table {
  title: string;
  subtitle?: string;
  header: string[];
  /** Cells per row; money cells hold minor units and date cells ISO dates, both formatted per file type. */
  rows: Cell[][];
  /** The column widths of the PDF (pdfmake). */
  widths: (string | number)[];
  orientation: 'portrait' | 'landscape';
  /** The members the report names, for the export log; absent = it names nobody (payments per day) and is not logged. */
  log?: { people: number; columns: readonly string[] };
}

/** "1250,00" (sv, nb) / "1250.00" (en): a number the spreadsheet in that language reads as one. */
const plainAmount = (minor: number, language: Language) => {
  const s = (Math.abs(minor) / 100).toFixed(2);
  return (minor < 0 ? '-' : '') + (language === 'en' ? s : s.replace('.', ','));
};

/**
 * A date in a PDF table as the reader writes it: 2026-03-31 in Swedish, 31.03.2026 in Norwegian;
 * ISO in English, where a long date would not fit the column. The CSV keeps ISO for spreadsheets.
 */
const tableDate = (iso: string, language: Language) => (language === 'nb' ? formatDate(iso, 'nb') : iso);

function build(ctx: RegisterContext, choice: ReportChoice, language: Language): Table {
  const t = REPORT_TEXTS[language];
  const name = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`;
  const money = (minor: number) => formatMoney(minor, language, currencyOf(ctx.country));
  if (choice.report === 'receivables') {
    const r = receivables(ctx, choice.year);
    return {
      title: t.receivables(r.year),
      subtitle: t.summary({ invoiced: money(r.totals.invoiced), paid: money(r.totals.paid), outstanding: money(r.totals.outstanding) }),
      header: t.receivableColumns,
      rows: [
        ...r.rows.map((x) => [
          x.number,
          String(x.member.memberNumber),
          name(x.member),
          { date: x.issuedOn },
          { date: x.dueOn },
          { money: x.total },
          { money: x.paid },
          { money: x.owed },
          t.status[x.status],
          x.directDebit ? t.directDebit[x.directDebit] : '',
          String(x.reminders),
        ]),
        [t.total, '', '', '', '', { money: r.totals.invoiced }, { money: r.totals.paid }, { money: r.totals.outstanding }, '', '', ''],
      ],
      // Wide enough that no bold heading's word is split ("Medlemsnr", "AvtaleGiro") and an
      // amount in SEK stays on one line; the name takes the rest and wraps between words.
      widths: [40, 60, '*', 64, 64, 64, 64, 64, 64, 60, 62],
      orientation: 'landscape',
      log: { people: new Set(r.rows.map((x) => x.member.memberId)).size, columns: FILE_COLUMNS.receivables },
    };
  }
  if (choice.report === 'payments') {
    const r = paymentsReport(ctx, choice.from, choice.to);
    return {
      // ISO dates keep the title on one line beside the association's name.
      title: t.payments(r.from, r.to),
      header: t.paymentColumns,
      rows: [
        ...r.days.map((d) => [{ date: d.date }, t.method[d.method], String(d.count), { money: d.amount }]),
        ...r.methods.map((m) => [t.total, t.method[m.method], String(m.count), { money: m.amount }]),
        [t.total, '', String(r.count), { money: r.total }],
      ],
      widths: [80, '*', 50, 90],
      orientation: 'portrait',
    };
  }
  const r = creditsReport(ctx);
  return {
    title: t.credits,
    header: t.creditColumns,
    rows: [
      ...r.rows.map((x) => [String(x.member.memberNumber), name(x.member), { money: x.credit }, { money: x.overpaid }, { money: x.creditedPaid }, { money: x.onAccount }, { money: x.owed }]),
      [t.total, '', { money: r.total }, '', '', '', ''],
    ],
    widths: [50, '*', 70, 70, 80, 80, 80],
    orientation: 'landscape',
    log: { people: r.rows.length, columns: FILE_COLUMNS.credits },
  };
}

/** The report as CSV (amounts as plain numbers) or PDF (amounts with currency), written private to the user. */
export async function exportReport(ctx: RegisterContext, choice: ReportChoice, format: 'csv' | 'pdf', path: string, language: Language): Promise<{ path: string; rows: number }> {
  const target = targetPath(path, format);
  const table = build(ctx, choice, language);
  const cell = (c: Cell) => {
    if (typeof c === 'string') return c;
    if ('date' in c) return format === 'csv' ? c.date : tableDate(c.date, language);
    return format === 'csv' ? plainAmount(c.money, language) : formatMoney(c.money, language, currencyOf(ctx.country));
  };
  const rows = table.rows.map((r) => r.map(cell));
  const data =
    format === 'csv'
      ? toCsv(table.header, rows, language)
      : await tablePdf({
          association: readSettings(ctx.db).associationName,
          title: table.title,
          date: longDate(isoDate(ctx.now()), language),
          subtitle: table.subtitle,
          header: table.header,
          rows,
          language,
          orientation: table.orientation,
          widths: table.widths,
        });
  try {
    await writeFile(target, data, { mode: 0o600 });
  } catch (e) {
    throw new KansliError('io', (e as Error).message);
  }
  if (table.log) logFile(ctx, 'paymentReport', target, table.log);
  return { path: target, rows: table.rows.length };
}
