import type { BlockedReason, PaymentDuplicateReason, ItemStatus } from '../../../shared/contract/payments';
import type { BankTransaction } from '../bank-files/types';
import type { InvoiceTarget } from './targets';

/** Money to book: on an invoice, or (invoice null) on the member as credit. */
export interface PlannedAllocation {
  invoice: InvoiceTarget | null;
  memberId: number;
  amount: number;
}

export interface MatchOutcome {
  tx: BankTransaction;
  status: Extract<ItemStatus, 'matched' | 'review' | 'duplicate'>;
  duplicateReason: PaymentDuplicateReason | null;
  blocked: BlockedReason | null;
  allocations: PlannedAllocation[];
}

export interface MatchContext {
  currency: string;
  byReference: Map<string, InvoiceTarget>;
  /** Keys of transactions already imported. */
  known: { has(key: string): boolean };
  /** invoice:amount:date → payments recorded outside bank-file imports (consumed as matched). */
  recorded: Map<string, number>;
}

const outcome = (tx: BankTransaction, status: MatchOutcome['status'], extra: Partial<MatchOutcome> = {}): MatchOutcome => ({
  tx,
  status,
  duplicateReason: null,
  blocked: null,
  allocations: [],
  ...extra,
});

/**
 * Matches a file's transactions in file order. Exact matches only: every reference the payer
 * gave is an invoice, and money is left for them. Each invoice takes what it still owes —
 * tracked across the file, so two payments of one invoice do not both count as paying it —
 * and what is paid beyond that is credit on the invoice's member, never dropped. Everything
 * else goes to review. Pure: the caller books the outcome (or only shows it, in a preview).
 */
export function matchTransactions(txs: BankTransaction[], ctx: MatchContext): MatchOutcome[] {
  const owed = new Map<number, number>();
  const owedNow = (t: InvoiceTarget) => owed.get(t.id) ?? t.owed;
  const recorded = new Map(ctx.recorded);
  const seen = new Set<string>();

  return txs.map((tx) => {
    if (ctx.known.has(tx.key) || seen.has(tx.key)) return outcome(tx, 'duplicate', { duplicateReason: 'imported' });
    seen.add(tx.key);
    if (tx.kind !== 'payment' || tx.amount <= 0) return outcome(tx, 'review', { blocked: 'negative' });
    if (tx.currency !== ctx.currency) return outcome(tx, 'review', { blocked: 'currency' });
    const targets = tx.references.map((r) => ctx.byReference.get(r.reference.toUpperCase()));
    if (!targets.length || targets.some((t) => t === undefined)) return outcome(tx, 'review');
    const invoices = targets as InvoiceTarget[];

    // Recorded already (by hand, or by the direct-debit import): the same amount on the same invoice the same day.
    if (invoices.length === 1) {
      const k = `${invoices[0].id}:${tx.amount}:${tx.paidOn}`;
      const n = recorded.get(k) ?? 0;
      if (n > 0) {
        recorded.set(k, n - 1);
        return outcome(tx, 'duplicate', { duplicateReason: 'recorded' });
      }
    }
    if (invoices.every((t) => owedNow(t) <= 0)) return outcome(tx, 'review');
    const explicit = tx.references.every((r) => r.amount !== null && r.amount > 0) && tx.references.reduce((n, r) => n + (r.amount ?? 0), 0) === tx.amount;
    const sumOwed = invoices.reduce((n, t) => n + Math.max(0, owedNow(t)), 0);
    // Several invoices and too little money to pay them all, without the file saying how to split it: the treasurer decides.
    if (invoices.length > 1 && !explicit && tx.amount < sumOwed) return outcome(tx, 'review');

    const allocations: PlannedAllocation[] = [];
    let left = tx.amount;
    invoices.forEach((t, i) => {
      const share = explicit ? (tx.references[i].amount as number) : left;
      const take = Math.min(share, Math.max(0, owedNow(t)), left);
      if (take > 0) {
        allocations.push({ invoice: t, memberId: t.member.memberId, amount: take });
        owed.set(t.id, owedNow(t) - take);
        left -= take;
      }
    });
    if (left > 0) allocations.push({ invoice: null, memberId: (allocations[0]?.invoice ?? invoices[0]).member.memberId, amount: left });
    return outcome(tx, 'matched', { allocations });
  });
}
