import type { Language } from '../../../shared/contract';
import type { InvoiceLineKind, PaymentMethod } from '../../../shared/contract/dues';
import type { BookAccount, BookkeepingSettingsEntity } from '../../../shared/contract/reports';
import type { Db } from '../../db/database';
import { sql } from '../../db/sql';

/**
 * What the dues and payments of a period mean in double-entry bookkeeping (invoicing method:
 * the dues are income when invoiced, a receivable until paid):
 *
 * - invoice: receivable (debit) / income (credit) for its fee lines on the invoice date; a
 *   "carried" line books nothing — last year's receivable just moved onto the new invoice
 * - reminder fee line: receivable / reminder-fee income on the reminder's date
 * - credit note: the reverse of the credited invoice's booked lines, on the credit note's date
 * - write-off: loss (debit) / receivable (credit) for what was still owed, on its date
 * - payment on an invoice: the method's account (debit) / receivable (credit); a refund
 *   (negative payment) the other way round
 * - payment for a dues year without an invoice: the method's account / income
 * - payment on the member alone: the method's account / customer advances (credit on account)
 *
 * Each entry balances by construction (its rows sum to zero); sie.test.ts parses the written
 * file back and checks every verification.
 */
export interface Row {
  account: BookAccount;
  /** Debit positive, credit negative (as SIE writes them), minor units. */
  amount: number;
}

export interface Entry {
  date: string;
  /** For 'day' grouping: entries of one kind on one day become one verification. */
  kind: 'invoice' | 'reminderFee' | 'creditNote' | 'writeOff' | 'payment';
  text: string;
  rows: Row[];
  /** The member the text names (for the export log's count); absent when it names nobody. */
  memberId?: number;
}

export interface EntryTexts {
  invoice: (number: string, name: string) => string;
  reminderFee: (number: string, name: string) => string;
  creditNote: (number: string, credited: string, name: string) => string;
  writeOff: (number: string, name: string) => string;
  payment: (number: string | null, name: string, method: string) => string;
  day: Record<Entry['kind'], (date: string, count: number) => string>;
  method: Record<PaymentMethod, string>;
}

export const ENTRY_TEXTS: Record<Language, EntryTexts> = {
  sv: {
    invoice: (n, name) => `Faktura ${n} ${name}`,
    reminderFee: (n, name) => `Påminnelseavgift faktura ${n} ${name}`,
    creditNote: (n, c, name) => `Kreditfaktura ${n} (faktura ${c}) ${name}`,
    writeOff: (n, name) => `Avskriven faktura ${n} ${name}`,
    payment: (n, name, m) => (n ? `Inbetalning faktura ${n} ${name} (${m})` : `Inbetalning ${name} (${m})`),
    day: {
      invoice: (d, c) => `Medlemsavgifter fakturerade ${d} (${c} st)`,
      reminderFee: (d, c) => `Påminnelseavgifter ${d} (${c} st)`,
      creditNote: (d, c) => `Kreditfakturor ${d} (${c} st)`,
      writeOff: (d, c) => `Avskrivna fakturor ${d} (${c} st)`,
      payment: (d, c) => `Inbetalningar ${d} (${c} st)`,
    },
    method: { bankgiro: 'bankgiro', plusgiro: 'plusgiro', swish: 'Swish', vipps: 'Vipps', bank: 'banköverföring', cash: 'kontant', autogiro: 'autogiro', avtalegiro: 'AvtaleGiro', other: 'annat', credit: 'tillgodohavande' },
  },
  nb: {
    invoice: (n, name) => `Faktura ${n} ${name}`,
    reminderFee: (n, name) => `Purregebyr faktura ${n} ${name}`,
    creditNote: (n, c, name) => `Kreditnota ${n} (faktura ${c}) ${name}`,
    writeOff: (n, name) => `Avskrevet faktura ${n} ${name}`,
    payment: (n, name, m) => (n ? `Innbetaling faktura ${n} ${name} (${m})` : `Innbetaling ${name} (${m})`),
    day: {
      invoice: (d, c) => `Kontingent fakturert ${d} (${c} stk)`,
      reminderFee: (d, c) => `Purregebyrer ${d} (${c} stk)`,
      creditNote: (d, c) => `Kreditnotaer ${d} (${c} stk)`,
      writeOff: (d, c) => `Avskrevne fakturaer ${d} (${c} stk)`,
      payment: (d, c) => `Innbetalinger ${d} (${c} stk)`,
    },
    method: { bankgiro: 'bankgiro', plusgiro: 'plusgiro', swish: 'Swish', vipps: 'Vipps', bank: 'bankoverføring', cash: 'kontant', autogiro: 'autogiro', avtalegiro: 'AvtaleGiro', other: 'annet', credit: 'tilgodehavende' },
  },
  en: {
    invoice: (n, name) => `Invoice ${n} ${name}`,
    reminderFee: (n, name) => `Reminder fee invoice ${n} ${name}`,
    creditNote: (n, c, name) => `Credit note ${n} (invoice ${c}) ${name}`,
    writeOff: (n, name) => `Written off invoice ${n} ${name}`,
    payment: (n, name, m) => (n ? `Payment invoice ${n} ${name} (${m})` : `Payment ${name} (${m})`),
    day: {
      invoice: (d, c) => `Dues invoiced ${d} (${c})`,
      reminderFee: (d, c) => `Reminder fees ${d} (${c})`,
      creditNote: (d, c) => `Credit notes ${d} (${c})`,
      writeOff: (d, c) => `Written-off invoices ${d} (${c})`,
      payment: (d, c) => `Payments ${d} (${c})`,
    },
    method: { bankgiro: 'bankgiro', plusgiro: 'plusgiro', swish: 'Swish', vipps: 'Vipps', bank: 'bank transfer', cash: 'cash', autogiro: 'autogiro', avtalegiro: 'AvtaleGiro', other: 'other', credit: 'credit' },
  },
};

/** Debit one account, credit another, the same amount. */
const pair = (debit: BookAccount, credit: BookAccount, amount: number): Row[] => [
  { account: debit, amount },
  { account: credit, amount: -amount },
];

interface DbLine {
  invoice_id: number;
  member_id: number;
  seq: number;
  issued_on: string;
  first_name: string;
  last_name: string;
  kind: InvoiceLineKind;
  amount: number;
  remind_on: string | null;
}

/** Every entry dated in [from, to], in date order. */
export function collectEntries(db: Db, s: BookkeepingSettingsEntity, language: Language, from: string, to: string): Entry[] {
  const t = ENTRY_TEXTS[language];
  const a = s.accounts;
  const out: Entry[] = [];
  const name = (r: { first_name: string; last_name: string }) => `${r.first_name} ${r.last_name}`;

  // Invoices: their fee lines on the invoice date, reminder fees on the reminder's date.
  const lines = db.all<DbLine>(sql`SELECT l.invoice_id, i.member_id, i.seq, i.issued_on, m.first_name, m.last_name, l.kind, l.amount, r.remind_on
      FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN members m ON m.id = i.member_id
      LEFT JOIN dues_reminder_rounds r ON r.id = l.reminder_round_id
      WHERE i.kind = 'invoice' AND l.kind != 'carried'
        AND coalesce(CASE WHEN l.kind = 'reminderFee' THEN r.remind_on END, i.issued_on) BETWEEN ${from} AND ${to}
      ORDER BY i.seq, l.position`);
  const fees = new Map<number, { line: DbLine; amount: number }>();
  for (const l of lines) {
    if (l.kind === 'reminderFee') {
      out.push({ date: l.remind_on ?? l.issued_on, kind: 'reminderFee', text: t.reminderFee(String(l.seq), name(l)), rows: pair(a.receivable, a.reminderFees, l.amount), memberId: l.member_id });
      continue;
    }
    const f = fees.get(l.invoice_id) ?? { line: l, amount: 0 };
    f.amount += l.amount;
    fees.set(l.invoice_id, f);
  }
  for (const { line, amount } of fees.values()) {
    if (amount !== 0) out.push({ date: line.issued_on, kind: 'invoice', text: t.invoice(String(line.seq), name(line)), rows: pair(a.receivable, a.income, amount), memberId: line.member_id });
  }

  // Credit notes reverse what the credited invoice booked, line by line (same positions).
  const credits = db.all<{ seq: number; credited_seq: number; issued_on: string; first_name: string; last_name: string; kind: InvoiceLineKind; amount: number; credit_id: number; member_id: number }>(sql`
      SELECT c.id AS credit_id, c.member_id, c.seq, o.seq AS credited_seq, c.issued_on, m.first_name, m.last_name, ol.kind, cl.amount
      FROM invoices c JOIN invoices o ON o.id = c.credits_invoice_id JOIN members m ON m.id = c.member_id
      JOIN invoice_lines cl ON cl.invoice_id = c.id
      JOIN invoice_lines ol ON ol.invoice_id = o.id AND ol.position = cl.position
      WHERE c.kind = 'creditNote' AND c.issued_on BETWEEN ${from} AND ${to} AND ol.kind != 'carried'
      ORDER BY c.seq, cl.position`);
  const byNote = new Map<number, Entry>();
  for (const c of credits) {
    const e = byNote.get(c.credit_id) ?? { date: c.issued_on, kind: 'creditNote' as const, text: t.creditNote(String(c.seq), String(c.credited_seq), name(c)), rows: [], memberId: c.member_id };
    // The line is negative: income (or reminder-fee income) is debited, the receivable credited.
    e.rows.push(...pair(c.kind === 'reminderFee' ? a.reminderFees : a.income, a.receivable, -c.amount));
    byNote.set(c.credit_id, e);
  }
  out.push(...[...byNote.values()].filter((e) => e.rows.some((r) => r.amount !== 0)));

  // Write-offs: what was still owed, given up on that day.
  for (const w of db.all<{ seq: number; member_id: number; written_off_on: string; first_name: string; last_name: string; owed: number }>(sql`
      SELECT i.seq, i.member_id, i.written_off_on, m.first_name, m.last_name,
        i.total - coalesce((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = i.id AND p.paid_on <= i.written_off_on), 0) AS owed
      FROM invoices i JOIN members m ON m.id = i.member_id
      WHERE i.written_off_on BETWEEN ${from} AND ${to}`)) {
    if (w.owed > 0) out.push({ date: w.written_off_on, kind: 'writeOff', text: t.writeOff(String(w.seq), name(w)), rows: pair(a.writeOff, a.receivable, w.owed), memberId: w.member_id });
  }

  // Payments.
  for (const p of db.all<{ paid_on: string; amount: number; method: PaymentMethod; invoice_id: number | null; year: number | null; seq: number | null; first_name: string | null; last_name: string | null; member_id: number | null }>(sql`
      SELECT p.paid_on, p.amount, p.method, p.invoice_id, p.year, i.seq, m.first_name, m.last_name, m.id AS member_id
      FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id LEFT JOIN members m ON m.id = coalesce(p.member_id, i.member_id)
      WHERE p.paid_on BETWEEN ${from} AND ${to} ORDER BY p.paid_on, p.id`)) {
    const counter = p.invoice_id !== null ? a.receivable : p.year !== null ? a.income : a.prepaid;
    const who = p.first_name === null ? '' : `${p.first_name} ${p.last_name}`;
    out.push({
      date: p.paid_on,
      kind: 'payment',
      text: t.payment(p.seq === null ? null : String(p.seq), who, t.method[p.method]),
      rows: pair(s.methodAccounts[p.method], counter, p.amount),
      memberId: p.member_id ?? undefined,
    });
  }
  return out.filter((e) => e.rows.some((r) => r.amount !== 0)).sort((x, y) => x.date.localeCompare(y.date));
}

/** Sums rows per account number, dropping accounts that net to zero. */
export function netRows(rows: Row[]): Row[] {
  const by = new Map<string, Row>();
  for (const r of rows) {
    const cur = by.get(r.account.number);
    if (cur) cur.amount += r.amount;
    else by.set(r.account.number, { account: r.account, amount: r.amount });
  }
  return [...by.values()].filter((r) => r.amount !== 0);
}

/** 'day': one verification per day and kind, its rows netted per account. */
export function groupEntries(entries: Entry[], grouping: 'each' | 'day', language: Language): Entry[] {
  if (grouping === 'each') return entries;
  const t = ENTRY_TEXTS[language];
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = `${e.date}|${e.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()]
    // A day's verification of several entries is named by its date and count: it names nobody.
    .map((g) => ({ date: g[0].date, kind: g[0].kind, text: g.length === 1 ? g[0].text : t.day[g[0].kind](g[0].date, g.length), rows: netRows(g.flatMap((e) => e.rows)), memberId: g.length === 1 ? g[0].memberId : undefined }))
    .filter((e) => e.rows.length > 0);
}
