import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { invoiceStates } from './state';

/**
 * Where a member's credit lies: money on account (paid on the member, no invoice, no year), what
 * an invoice was over-paid by, or what was paid on an invoice later credited (it owes nothing, so
 * all of it is the member's). Using it moves it, never creates or loses it: a 'credit' payment
 * taken off the source and the same amount put where it is used, so every sum of payments and
 * the member's balance stay as they were.
 */
export interface CreditSource {
  memberId: number;
  /** The over-paid or credited invoice, or null for money on account. */
  invoiceId: number | null;
  /** What is still there to use (positive). */
  amount: number;
}

/**
 * Each member's credit sources, invoices (oldest first) before money on account. Money on
 * account below zero — a refund paid out of credit that lay on invoices, as refunds booked it
 * before they moved such credit to the account first — is taken off the invoices' credit, oldest
 * first, so nothing paid back is offered again.
 */
export function creditSources(db: Db, memberId?: number): Map<number, CreditSource[]> {
  const own = memberId === undefined ? sql`1` : sql`member_id = ${memberId}`;
  const onInvoices = db.all<CreditSource>(sql`SELECT x.member_id AS memberId, x.id AS invoiceId,
      CASE x.status WHEN 'overPaid' THEN x.paid - x.total ELSE x.paid END AS amount
    FROM (${invoiceStates(sql`i.kind = 'invoice' AND ${memberId === undefined ? sql`1` : sql`i.member_id = ${memberId}`}`)}) x
    WHERE x.status = 'overPaid' OR (x.status = 'credited' AND x.paid > 0) ORDER BY x.seq`);
  const onAccount = new Map(
    db
      .all<{ memberId: number; amount: number }>(sql`SELECT member_id AS memberId, sum(amount) AS amount FROM payments
        WHERE invoice_id IS NULL AND year IS NULL AND member_id IS NOT NULL AND ${own} GROUP BY member_id HAVING sum(amount) != 0`)
      .map((a) => [a.memberId, a.amount]),
  );
  const out = new Map<number, CreditSource[]>();
  const owedBack = new Map([...onAccount].filter(([, a]) => a < 0).map(([id, a]) => [id, -a]));
  for (const s of onInvoices) {
    const taken = Math.min(owedBack.get(s.memberId) ?? 0, s.amount);
    if (taken) owedBack.set(s.memberId, (owedBack.get(s.memberId) ?? 0) - taken);
    if (s.amount > taken) out.set(s.memberId, [...(out.get(s.memberId) ?? []), { ...s, amount: s.amount - taken }]);
  }
  for (const [id, amount] of onAccount) {
    if (amount > 0) out.set(id, [...(out.get(id) ?? []), { memberId: id, invoiceId: null, amount }]);
  }
  return out;
}

export interface CreditUse {
  source: CreditSource;
  amount: number;
}

/** Up to `wanted` from the sources in order (the sources are not changed). */
export function allot(sources: CreditSource[], wanted: number): CreditUse[] {
  const uses: CreditUse[] = [];
  let left = wanted;
  for (const source of sources) {
    if (left <= 0) break;
    const amount = Math.min(source.amount, left);
    if (amount <= 0) continue;
    uses.push({ source, amount });
    left -= amount;
  }
  return uses;
}

/**
 * Books the moves: − on each source, + on the target invoice (or on the member's account when
 * `toInvoiceId` is null), both as method 'credit' on the source's member. Call inside ctx.write.
 */
export function moveCredit(db: Db, uses: CreditUse[], toInvoiceId: number | null, paidOn: string, now: string): void {
  for (const { source, amount } of uses) {
    const ins = (invoiceId: number | null, a: number) =>
      db.run(sql`INSERT INTO payments (invoice_id, member_id, paid_on, amount, method, reference, note, year, created_at)
        VALUES (${invoiceId}, ${source.memberId}, ${paidOn}, ${a}, 'credit', NULL, NULL, NULL, ${now})`);
    ins(source.invoiceId, -amount);
    ins(toInvoiceId, amount);
  }
}
