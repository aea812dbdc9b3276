import type { OrderExclusionReason, OrdersPreview } from '../../../shared/contract/direct-debit';
import type { InvoicePersonRef } from '../../../shared/contract/dues';
import { makeKid } from '../../../shared/nordic/kid';
import type { FieldIssue } from '../../../shared/result';
import { sql } from '../../db/sql';
import { makeReference } from '../../dues/references';
import { ensureDefaultRounds } from '../../dues/rounds';
import { loadRunFacts } from '../../dues/run-data';
import { planRun, type PlannedInvoice } from '../../dues/run-plan';
import { nextSeq } from '../../dues/run';
import { readDuesSettings } from '../../dues/settings';
import { DUES_TEXTS } from '../../dues/texts';
import { recordHistory } from '../../history/queries';
import { isoDate, isoTime, type RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';
import { directDebitSettings } from './settings';

export type DebitKind = 'autogiro' | 'avtalegiro';

export const kindOf = (ctx: RegisterContext): DebitKind => (ctx.country === 'NO' ? 'avtalegiro' : 'autogiro');

/** The Autogiro reference field holds 16 characters; the invoice's reference goes there to come back. */
const AUTOGIRO_REFERENCE_MAX = 16;

export interface OrdersPlan {
  invoices: PlannedInvoice[];
  excluded: (InvoicePersonRef & { reason: OrderExclusionReason })[];
  blocking: FieldIssue[];
}

/**
 * The AvtaleGiro KID agreed with Nets: the member number in `customerDigits` digits (it
 * identifies the agreement), then the invoice number filling the rest, then the check digit —
 * so each claim has its own KID and a payment finds its invoice. Null when the numbers no
 * longer fit the agreed length.
 */
export function avtaleGiroKid(memberNumber: number, invoiceNumber: number, customerDigits: number, length: number, mode: 'MOD10' | 'MOD11'): string | null {
  const member = String(memberNumber);
  const invoice = String(invoiceNumber);
  const invoiceDigits = length - customerDigits - 1;
  if (member.length > customerDigits || invoice.length > invoiceDigits) return null;
  return makeKid(member.padStart(customerDigits, '0') + invoice.padStart(invoiceDigits, '0'), mode);
}

/**
 * Who gets a direct-debit order for the year and for how much: the dues run's own plan (fees,
 * introductory and household fees, last year's unpaid amount, members already invoiced or paid)
 * over the members on this country's direct debit — Autogiro only with an active mandate.
 * Direct debit needs no postal address, so the plan is asked as if every member could be reached.
 */
export function planOrders(ctx: RegisterContext, year: number, debitOn: string): OrdersPlan {
  const db = ctx.db;
  const kind = kindOf(ctx);
  const facts = loadRunFacts(db, year);
  const onKind = new Set(db.column<number>(sql`SELECT member_id FROM dues_direct_debits WHERE kind = ${kind}`));
  const mandated = new Set(db.column<number>(sql`SELECT member_id FROM autogiro_mandates WHERE status = 'active'`));
  const excluded: OrdersPlan['excluded'] = [];
  const members = facts.members.filter((m) => {
    if (!onKind.has(m.id)) return false;
    if (kind === 'autogiro' && !mandated.has(m.id) && !m.archived_at && m.status === 'active') {
      excluded.push({ memberId: m.id, memberNumber: m.member_number, firstName: m.first_name, lastName: m.last_name, reason: 'no-active-mandate' });
      return false;
    }
    return kind === 'avtalegiro' || mandated.has(m.id);
  });
  const today = isoDate(ctx.now());
  const settings = readDuesSettings(ctx);
  const plan = planRun(
    { ...facts, members: members.map((m) => ({ ...m, email: m.email ?? 'direct-debit' })), directDebit: new Set() },
    settings,
    ctx.country,
    DUES_TEXTS[ctx.language],
    today,
    false,
    debitOn,
  );
  for (const e of plan.excluded) excluded.push({ ...e, reason: e.reason as OrderExclusionReason });

  const dd = directDebitSettings(ctx);
  const blocking: FieldIssue[] = [...dd.missing];
  for (const b of plan.blocking) {
    // The debit date and the reference are checked below with direct debit's own rules.
    if (b.field === 'dueOn' || b.code === 'reference-too-long') continue;
    if (!blocking.some((x) => x.field === b.field)) blocking.push(b);
  }
  if (debitOn <= today) blocking.push({ field: 'debitOn', code: 'debit-date-too-early' });
  if (plan.invoices.length) {
    const highest = nextSeq(db, settings.nextInvoiceNumber) + plan.invoices.length - 1;
    if (kind === 'autogiro') {
      const ref = safeReference(() => makeReference(settings, ctx.country, highest).reference);
      if (ref === null || ref.length > AUTOGIRO_REFERENCE_MAX) blocking.push({ field: 'referenceKind', code: 'reference-too-long' });
    } else {
      const widest = Math.max(...plan.invoices.map((i) => i.member.memberNumber));
      if (avtaleGiroKid(widest, highest, dd.kidCustomerDigits, dd.kidLength, settings.kidMode) === null) blocking.push({ field: 'kidCustomerDigits', code: 'reference-too-long' });
    }
  }
  return { invoices: plan.invoices, excluded, blocking };
}

function safeReference(make: () => string): string | null {
  try {
    return make();
  } catch {
    return null;
  }
}

export function previewOrders(ctx: RegisterContext, year: number, debitOn: string): OrdersPreview {
  const p = planOrders(ctx, year, debitOn);
  const kind = kindOf(ctx);
  return {
    kind,
    year,
    debitOn,
    currency: currencyOf(ctx.country),
    count: p.invoices.length,
    total: p.invoices.reduce((n, i) => n + i.total, 0),
    orders: p.invoices.map((i) => ({ member: i.member, amount: i.total, lines: i.lines.map((l) => ({ description: l.description, amount: l.amount })) })),
    excluded: p.excluded,
    unsent: ctx.db.column<number>(sql`SELECT count(*) FROM direct_debit_orders WHERE kind = ${kind} AND file_id IS NULL`)[0],
    blocking: p.blocking,
  };
}

/**
 * Creates the plan's invoices (no run: they are never printed as a run's letters) with their
 * direct-debit orders, unsent. Call inside ctx.write, after checking `blocking` is empty.
 */
export function createOrders(ctx: RegisterContext, plan: OrdersPlan, year: number, debitOn: string): number {
  const db = ctx.db;
  const kind = kindOf(ctx);
  const settings = readDuesSettings(ctx);
  const dd = directDebitSettings(ctx);
  const today = isoDate(ctx.now());
  const now = isoTime(ctx.now());
  let seq = nextSeq(db, settings.nextInvoiceNumber);
  for (const inv of plan.invoices) {
    const { reference, kind: referenceKind } =
      kind === 'autogiro'
        ? makeReference(settings, ctx.country, seq)
        : { reference: avtaleGiroKid(inv.member.memberNumber, seq, dd.kidCustomerDigits, dd.kidLength, settings.kidMode)!, kind: 'kid' as const };
    const { lastId: id } = db.run(sql`INSERT INTO invoices (seq, kind, year, run_id, member_id, household_id, membership_type_id,
        issued_on, due_on, reference, reference_kind, total, created_at)
      VALUES (${seq}, 'invoice', ${year}, NULL, ${inv.member.memberId}, ${inv.householdId}, ${inv.membershipTypeId},
        ${today}, ${debitOn}, ${reference}, ${referenceKind}, ${inv.total}, ${now})`);
    inv.lines.forEach((l, position) => {
      db.run(sql`INSERT INTO invoice_lines (invoice_id, position, kind, description, amount, carried_invoice_id)
                 VALUES (${id}, ${position}, ${l.kind}, ${l.description}, ${l.amount}, ${l.carriedInvoiceId})`);
    });
    for (const c of inv.covers) {
      db.run(sql`INSERT INTO invoice_members (invoice_id, member_id) VALUES (${id}, ${c.memberId})`);
      recordHistory(db, c.memberId, now, [{ field: 'duesInvoice', oldValue: null, newValue: String(seq) }], 'dues');
    }
    for (const old of inv.carries) db.run(sql`UPDATE invoices SET carried_to_id = ${id} WHERE id = ${old}`);
    const payerReference = kind === 'autogiro' ? String(inv.member.memberNumber) : reference;
    db.run(sql`INSERT INTO direct_debit_orders (invoice_id, member_id, kind, payer_reference, amount, debit_on)
               VALUES (${id}, ${inv.member.memberId}, ${kind}, ${payerReference}, ${inv.total}, ${debitOn})`);
    seq++;
  }
  if (plan.invoices.length) ensureDefaultRounds(ctx, year);
  return plan.invoices.length;
}
