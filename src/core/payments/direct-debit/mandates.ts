import type { InvoicePersonRef } from '../../../shared/contract/dues';
import type { MandateEntity, MandatesList, MandateStatus } from '../../../shared/contract/direct-debit';
import { parseIdentityNumber, parseSwedishOrgNumber } from '../../../shared/nordic/identity';
import { validationError, type FieldIssue } from '../../../shared/result';
import type { Db } from '../../db/database';
import { sql } from '../../db/sql';
import { getDirectDebit, setDirectDebit } from '../../dues/direct-debit';
import { recordHistory } from '../../history/queries';
import { conflict, invalid } from '../../members/errors';
import { mustGetMember } from '../../members/queries';
import { isoDate, isoTime, type RegisterContext } from '../../register/context';
import type { MandateAdvice } from './autogiro-records';
import { DIRECT_DEBIT_TEXTS } from './texts';

interface DbMandate {
  member_id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  payer_number: string;
  account: string | null;
  id_number: string | null;
  status: MandateStatus;
  pending: 'new' | 'cancel' | null;
  status_code: string | null;
  status_on: string | null;
  sent_on: string | null;
}

const SELECT = sql`SELECT a.*, m.member_number, m.first_name, m.last_name FROM autogiro_mandates a JOIN members m ON m.id = a.member_id`;

const toEntity = (r: DbMandate): MandateEntity => ({
  memberId: r.member_id,
  memberNumber: r.member_number,
  firstName: r.first_name,
  lastName: r.last_name,
  payerNumber: r.payer_number,
  status: r.status,
  pending: r.pending,
  account: r.account,
  idNumber: r.id_number,
  statusCode: r.status_code,
  statusOn: r.status_on,
  sentOn: r.sent_on,
});

export function getMandate(db: Db, memberId: number): MandateEntity | null {
  const r = db.get<DbMandate>(sql`${SELECT} WHERE a.member_id = ${memberId}`);
  return r ? toEntity(r) : null;
}

export function listMandates(db: Db): MandatesList {
  const mandates = db.all<DbMandate>(sql`${SELECT} ORDER BY m.sort_last, m.sort_first, m.id`).map(toEntity);
  const withoutMandate = db
    .all<{ id: number; member_number: number; first_name: string; last_name: string }>(sql`SELECT m.id, m.member_number, m.first_name, m.last_name
      FROM dues_direct_debits d JOIN members m ON m.id = d.member_id
      WHERE d.kind = 'autogiro' AND m.archived_at IS NULL AND NOT EXISTS (
        SELECT 1 FROM autogiro_mandates a WHERE a.member_id = m.id AND a.status IN ('requested', 'active'))
      ORDER BY m.sort_last, m.sort_first, m.id`)
    .map((r): InvoicePersonRef => ({ memberId: r.id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name }));
  return { mandates, withoutMandate };
}

/**
 * The payer's account as Bankgirot wants it: clearing number (4 digits) + account number
 * zero-padded to 12. Swedbank's five-digit clearing numbers (8xxx-x) drop their fifth digit.
 */
export function autogiroAccount(clearing: string, account: string): { ok: true; value: string } | { ok: false; issues: FieldIssue[] } {
  const c = clearing.replace(/[\s-]+/g, '');
  const a = account.replace(/[\s-]+/g, '');
  const issues: FieldIssue[] = [];
  const clearing4 = /^\d{4}$/.test(c) ? c : /^8\d{4}$/.test(c) ? c.slice(0, 4) : null;
  if (!clearing4) issues.push({ field: 'clearing', code: 'clearing-format' });
  if (!/^\d{1,12}$/.test(a)) issues.push({ field: 'account', code: 'account-format' });
  return issues.length ? { ok: false, issues } : { ok: true, value: clearing4! + a.padStart(12, '0') };
}

/** YYYYMMDDNNNC for a person; 00 + the organisation number for a company or association. */
export function autogiroIdNumber(input: string, today: Date): { ok: true; value: string } | { ok: false; code: string } {
  const org = parseSwedishOrgNumber(input);
  if (org.ok) return { ok: true, value: `00${org.normalized}` };
  const person = parseIdentityNumber(input, 'SE', today);
  return person.ok ? { ok: true, value: person.normalized } : { ok: false, code: person.code };
}

function historyEntry(ctx: RegisterContext, memberId: number, text: string): void {
  recordHistory(ctx.db, memberId, isoTime(ctx.now()), [{ field: 'duesDirectDebit', oldValue: null, newValue: text }], 'dues');
}

/** The member pays by invoice again (mandate cancelled or rejected), unless set otherwise since. */
function backToInvoice(ctx: RegisterContext, memberId: number): void {
  if (getDirectDebit(ctx.db, memberId).kind === 'autogiro') setDirectDebit(ctx, { memberId, kind: 'none', since: null, payerNumber: null });
}

/** Call inside ctx.write. */
export function requestMandate(ctx: RegisterContext, a: { memberId: number; clearing: string; account: string; idNumber: string }): MandateEntity {
  const db = ctx.db;
  if (ctx.country !== 'SE') throw invalid('memberId', 'direct-debit-country');
  const member = mustGetMember(db, a.memberId);
  const existing = getMandate(db, a.memberId);
  if (existing && (existing.status === 'requested' || existing.status === 'active')) throw conflict('mandate-exists', 'memberId');

  let account: string | null = null;
  let idNumber: string | null = null;
  const paper = [a.clearing, a.account, a.idNumber].map((s) => s.trim() !== '');
  if (paper.some(Boolean)) {
    const issues: FieldIssue[] = [];
    if (!paper[0] || !paper[1] || !paper[2]) issues.push({ field: !paper[2] ? 'idNumber' : 'account', code: 'mandate-account-and-id' });
    else {
      const acc = autogiroAccount(a.clearing, a.account);
      if (acc.ok) account = acc.value;
      else issues.push(...acc.issues);
      const id = autogiroIdNumber(a.idNumber, ctx.now());
      if (id.ok) idNumber = id.value;
      else issues.push({ field: 'idNumber', code: id.code });
    }
    if (issues.length) throw validationError(issues);
  }

  const now = isoTime(ctx.now());
  const payer = String(member.memberNumber);
  db.run(sql`INSERT INTO autogiro_mandates (member_id, payer_number, account, id_number, status, pending, created_at, updated_at)
    VALUES (${a.memberId}, ${payer}, ${account}, ${idNumber}, 'requested', 'new', ${now}, ${now})
    ON CONFLICT(member_id) DO UPDATE SET payer_number = excluded.payer_number, account = excluded.account, id_number = excluded.id_number,
      status = 'requested', pending = 'new', status_code = NULL, status_on = NULL, updated_at = excluded.updated_at`);
  historyEntry(ctx, a.memberId, DIRECT_DEBIT_TEXTS[ctx.language].mandate.requested);
  // The member chose autogiro: no invoice in the next run, an order instead once the mandate is active.
  const dd = getDirectDebit(db, a.memberId);
  if (dd.kind !== 'autogiro') setDirectDebit(ctx, { memberId: a.memberId, kind: 'autogiro', since: null, payerNumber: payer });
  return getMandate(db, a.memberId)!;
}

/** Call inside ctx.write. */
export function cancelMandate(ctx: RegisterContext, memberId: number): MandateEntity {
  const db = ctx.db;
  const m = getMandate(db, memberId);
  if (!m || m.status === 'cancelled' || m.status === 'rejected' || m.pending === 'cancel') throw conflict('no-mandate', 'memberId');
  const now = isoTime(ctx.now());
  const texts = DIRECT_DEBIT_TEXTS[ctx.language].mandate;
  if (m.pending === 'new') {
    // Never sent: Bankgirot knows nothing of it, so nothing needs sending either.
    db.run(sql`UPDATE autogiro_mandates SET status = 'cancelled', pending = NULL, status_on = ${isoDate(ctx.now())}, updated_at = ${now} WHERE member_id = ${memberId}`);
    historyEntry(ctx, memberId, texts.cancelled);
    backToInvoice(ctx, memberId);
  } else {
    db.run(sql`UPDATE autogiro_mandates SET pending = 'cancel', updated_at = ${now} WHERE member_id = ${memberId}`);
    historyEntry(ctx, memberId, texts.cancelRequested);
  }
  return getMandate(db, memberId)!;
}

/** What the next mandate file carries. */
export function pendingMandates(db: Db): MandateEntity[] {
  return db.all<DbMandate>(sql`${SELECT} WHERE a.pending IS NOT NULL ORDER BY a.pending DESC, m.member_number`).map(toEntity);
}

/** After the file is on disk: requests are sent, cancellations take effect. Call inside ctx.write. */
export function markMandatesSent(ctx: RegisterContext, sent: MandateEntity[]): void {
  const today = isoDate(ctx.now());
  const now = isoTime(ctx.now());
  for (const m of sent) {
    if (m.pending === 'new') {
      ctx.db.run(sql`UPDATE autogiro_mandates SET pending = NULL, sent_on = ${today}, updated_at = ${now} WHERE member_id = ${m.memberId}`);
    } else {
      ctx.db.run(sql`UPDATE autogiro_mandates SET pending = NULL, status = 'cancelled', sent_on = ${today}, status_on = ${today}, updated_at = ${now}
                     WHERE member_id = ${m.memberId}`);
      historyEntry(ctx, m.memberId, DIRECT_DEBIT_TEXTS[ctx.language].mandate.cancelled);
      backToInvoice(ctx, m.memberId);
    }
  }
}

/**
 * Bankgirot's answer codes (TK73 status): 32 = new mandate in place; 33 and the payer's, bank's
 * or Bankgirot's cancellations end one; the rest refuse a request (wrong account, person number,
 * payer number, account type, payee bankgiro). 10 (already registered or under inquiry), 11/12
 * (stopped / stop lifted by the payer) change nothing here.
 */
const ACTIVATES = new Set(['32']);
const ENDS = new Set(['33', '02', '01', '06', '07', '98']);
const REFUSES = new Set(['03', '04', '05', '09', '20', '21', '23', '24', '29', '30']);

export interface AdviceOutcome {
  activated: number;
  rejected: number;
  cancelled: number;
  unchanged: number;
  unknown: string[];
}

/** Applies the advice records in file order. Call inside ctx.write. */
export function applyMandateAdvice(ctx: RegisterContext, records: MandateAdvice[]): AdviceOutcome {
  const db = ctx.db;
  const out: AdviceOutcome = { activated: 0, rejected: 0, cancelled: 0, unchanged: 0, unknown: [] };
  const now = isoTime(ctx.now());
  const texts = DIRECT_DEBIT_TEXTS[ctx.language].mandate;
  for (const r of records) {
    const row = db.get<{ member_id: number; status: MandateStatus }>(sql`SELECT member_id, status FROM autogiro_mandates WHERE payer_number = ${r.payerNumber}`);
    if (!row) {
      out.unknown.push(r.payerNumber);
      continue;
    }
    let next: MandateStatus = row.status;
    if (ACTIVATES.has(r.status)) next = 'active';
    else if (ENDS.has(r.status)) next = row.status === 'rejected' ? 'rejected' : 'cancelled';
    // An answer to our own cancellation ("no such mandate") leaves a cancelled one cancelled.
    else if (REFUSES.has(r.status)) next = row.status === 'cancelled' ? 'cancelled' : 'rejected';
    db.run(sql`UPDATE autogiro_mandates SET status = ${next}, status_code = ${r.status}, status_on = ${r.date},
                 pending = CASE WHEN ${next} IN ('cancelled', 'rejected') THEN NULL ELSE pending END, updated_at = ${now}
               WHERE member_id = ${row.member_id}`);
    if (next === row.status) {
      out.unchanged++;
      continue;
    }
    historyEntry(ctx, row.member_id, texts[next]);
    if (next === 'active') {
      out.activated++;
      const dd = getDirectDebit(db, row.member_id);
      if (dd.kind !== 'autogiro' || dd.since === null) setDirectDebit(ctx, { memberId: row.member_id, kind: 'autogiro', since: r.date, payerNumber: r.payerNumber });
    } else {
      if (next === 'rejected') out.rejected++;
      else out.cancelled++;
      backToInvoice(ctx, row.member_id);
    }
  }
  return out;
}
