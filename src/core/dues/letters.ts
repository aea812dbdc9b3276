import type { Language } from '../../shared/contract';
import type { InvoiceEntity, InvoicePersonRef, LetterSource, ReminderRoundEntity } from '../../shared/contract/dues';
import { formatPostcode } from '../../shared/nordic/postcode';
import { swishQrPayload } from '../../shared/nordic/swish';
import { validationError } from '../../shared/result';
import { mergeFields } from '../../shared/text/merge-fields';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import type { LetterData, LetterIssuer } from '../documents/letters/types';
import { sanitizeFileName } from '../exports/file-name';
import { conflict } from '../members/errors';
import type { RegisterContext } from '../register/context';
import { getInvoices } from './invoices';
import { minorToDecimal } from './money';
import { mustGetRound } from './rounds';
import { getRun } from './run';
import { hasPostalAddress } from './run-plan';
import { letterIssuer, readDuesSettings } from './settings';
import { missingForRun, type StoredDuesSettings } from './settings-rules';

interface Addressee {
  id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  email: string | null;
}

/**
 * Lines under the name for the envelope window: street, "postcode city", and the country for an
 * address abroad (with the postal prefix on the postcode). null = no postal address to print.
 */
export function addressLines(m: Addressee, registerCountry: string, language: Language): string[] | null {
  if (!hasPostalAddress(m)) return null;
  const abroad = m.country !== registerCountry;
  const lines = [m.street!, `${formatPostcode(m.postcode!, m.country, { international: abroad })} ${m.city!}`];
  if (abroad) {
    const name = new Intl.DisplayNames([language], { type: 'region' }).of(m.country) ?? m.country;
    lines.push(name.toLocaleUpperCase(language));
  }
  return lines;
}

/** "Åsa Ødegård" → "Asa-Odegard": file names a mail-merge tool and any mail server take. */
function asciiName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Resolved {
  invoices: InvoiceEntity[];
  round: ReminderRoundEntity | null;
}

function resolve(db: Db, source: LetterSource): Resolved {
  switch (source.kind) {
    case 'run': {
      getRun(db, source.runId);
      const ids = db.column(sql`SELECT id FROM invoices WHERE run_id = ${source.runId} ORDER BY seq`);
      // Nothing to pay (covered by credit on account, or paid since): no letter asking for it.
      return { invoices: getInvoices(db, ids).filter((i) => i.status !== 'paid' && i.status !== 'overPaid'), round: null };
    }
    case 'round': {
      const round = mustGetRound(db, source.roundId);
      if (!round.runAt) throw conflict('round-not-run', 'source.roundId');
      const ids = db.column(sql`SELECT d.invoice_id FROM dues_reminders d JOIN invoices i ON i.id = d.invoice_id
                                WHERE d.round_id = ${round.id} ORDER BY i.seq`);
      return { invoices: getInvoices(db, ids), round };
    }
    case 'invoices': {
      const ids = [...new Set(source.invoiceIds)];
      const invoices = getInvoices(db, ids);
      if (invoices.length !== ids.length) throw validationError([{ field: 'source.invoiceIds', code: 'invoice-not-found' }]);
      return { invoices, round: null };
    }
  }
}

/**
 * The board's letter or the round's text for one member. An empty field takes its lead-in with it
 * (mergeFields' rule: "an empty field at the end of a line is left out with the sentence ending in
 * ':' just before it, and a line left empty goes too"), so an association that left "Kommende
 * aktiviteter" empty does not print "Dette skjer fremover:" above nothing — in the default text
 * and in a text it wrote itself alike. The settings preview merges the same way.
 */
function merged(template: string, values: Record<string, string>): string {
  const r = mergeFields(template, values);
  // Templates are checked when saved; one that still fails (an older register) prints as written.
  return r.ok ? r.text : template;
}

/**
 * The letters of a run, a reminder round or chosen invoices, as plain data for the letters job:
 * everything merged and computed here, so the worker only lays it out.
 */
export function buildLetters(
  ctx: RegisterContext,
  source: LetterSource,
): { issuer: LetterIssuer; letters: LetterData[]; addressees: InvoicePersonRef[] } {
  const db = ctx.db;
  const settings = readDuesSettings(ctx);
  const missing = missingForRun(settings, ctx.country);
  if (missing.length) throw validationError(missing);
  const { invoices, round } = resolve(db, source);
  const ids = JSON.stringify(invoices.map((i) => i.member.memberId));
  const people = new Map(
    db
      .all<Addressee>(sql`SELECT id, member_number, first_name, last_name, street, postcode, city, country, email
                          FROM members WHERE id IN (SELECT value FROM json_each(${ids}))`)
      .map((m) => [m.id, m]),
  );
  const numbers = new Map(db.all<{ id: number; seq: number }>(sql`SELECT id, seq FROM invoices WHERE kind = 'invoice'
    AND id IN (SELECT credits_invoice_id FROM invoices WHERE kind = 'creditNote')`).map((r) => [r.id, String(r.seq)]));
  const stems = new Map<string, number>();
  for (const inv of invoices) {
    const stem = `${inv.member.memberNumber}-${asciiName(inv.member.lastName)}-${asciiName(inv.member.firstName)}`;
    stems.set(stem, (stems.get(stem) ?? 0) + 1);
  }
  const letters = invoices.map((inv) => letterOf(ctx, settings, inv, people.get(inv.member.memberId)!, round, numbers, stems));
  return { issuer: letterIssuer(ctx, settings), letters, addressees: invoices.map((i) => i.member) };
}

function letterOf(
  ctx: RegisterContext,
  s: StoredDuesSettings,
  inv: InvoiceEntity,
  m: Addressee,
  round: ReminderRoundEntity | null,
  creditedNumbers: Map<number, string>,
  stems: Map<string, number>,
): LetterData {
  const kind = inv.kind === 'creditNote' ? 'creditNote' : round ? 'reminder' : 'invoice';
  const values = {
    firstName: m.first_name,
    lastName: m.last_name,
    memberNumber: String(m.member_number),
    activities: s.activitiesText,
    year: String(inv.year),
    association: s.associationName,
  };
  const personalText = kind === 'creditNote' ? '' : merged(round ? round.text : s.letterText, values);
  const swish =
    ctx.country === 'SE' && s.swishNumber && kind !== 'creditNote' && inv.owed > 0
      ? swishQrPayload({ payee: s.swishNumber, amount: minorToDecimal(inv.owed), message: inv.reference })
      : null;
  const base = `${m.member_number}-${asciiName(m.last_name)}-${asciiName(m.first_name)}`;
  const stem = (stems.get(base) ?? 0) > 1 ? `${base}-${inv.number}` : base;
  return {
    kind,
    language: ctx.language,
    fileStem: sanitizeFileName(stem, `letter-${inv.number}`),
    invoiceNumber: inv.number,
    issuedOn: round ? round.remindOn : inv.issuedOn,
    dueOn: round ? round.dueOn : inv.dueOn,
    memberNumber: m.member_number,
    recipient: { name: `${m.first_name} ${m.last_name}`, addressLines: addressLines(m, ctx.country, ctx.language), email: m.email },
    lines: inv.lines.map((l) => ({ description: l.description, amount: l.amount })),
    total: inv.total,
    paid: inv.paid,
    owed: inv.owed,
    reference: inv.reference,
    referenceKind: inv.referenceKind,
    reminderRound: round ? round.round : null,
    creditsInvoiceNumber: inv.creditsInvoiceId === null ? null : (creditedNumbers.get(inv.creditsInvoiceId) ?? null),
    personalText,
    swishPayload: swish?.ok ? swish.payload : null,
  };
}
