import type { Suggestion, SuggestionReason } from '../../../shared/contract/payments';
import type { InvoiceTarget } from '../matching/targets';

/** Names compared without case, accents or punctuation: "Åsa Öberg-Lind" ~ "ASA OBERG LIND". */
export function nameTokens(s: string | null): string[] {
  if (!s) return [];
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1);
}

/** What suggestions are drawn from, built once per review list. */
export interface SuggestIndex {
  byReference: Map<string, InvoiceTarget>;
  byId: Map<number, InvoiceTarget>;
  /** Invoices still owed, by a token of the addressee's last name. */
  openByLastName: Map<string, InvoiceTarget[]>;
  /** Invoices still owed, by member number. */
  openByMember: Map<number, InvoiceTarget[]>;
  /** Members by number (for a number in the message of a member with nothing owed). */
  memberByNumber: (n: number) => InvoiceTarget['member'] | null;
}

export function suggestIndex(all: InvoiceTarget[], memberByNumber: SuggestIndex['memberByNumber']): SuggestIndex {
  const openByLastName = new Map<string, InvoiceTarget[]>();
  const openByMember = new Map<number, InvoiceTarget[]>();
  for (const t of all) {
    if (t.owed <= 0) continue;
    for (const tok of nameTokens(t.member.lastName)) openByLastName.set(tok, [...(openByLastName.get(tok) ?? []), t]);
    openByMember.set(t.member.memberNumber, [...(openByMember.get(t.member.memberNumber) ?? []), t]);
  }
  return {
    byReference: new Map(all.map((t) => [t.reference.toUpperCase(), t])),
    byId: new Map(all.map((t) => [t.id, t])),
    openByLastName,
    openByMember,
    memberByNumber,
  };
}

const SCORE: Record<SuggestionReason, number> = { reference: 10, 'reference-not-open': 8, 'reference-in-message': 8, 'member-number': 5, name: 4, amount: 3 };

/**
 * Suggestions for a transaction in review, best first (at most `max`): the invoices its
 * references point to, an invoice reference or member number in the message, the payer's name,
 * and — only together with one of those — the amount. The amount alone suggests nothing: in a
 * club where everyone pays 250 kr it would suggest everyone.
 */
export function suggestFor(
  tx: { amount: number; references: string[]; message: string; payerName: string | null },
  index: SuggestIndex,
  max = 5,
): Suggestion[] {
  const found = new Map<string, Suggestion>();
  const add = (t: InvoiceTarget | null, member: InvoiceTarget['member'], reason: SuggestionReason) => {
    const k = t ? `i${t.id}` : `m${member.memberId}`;
    const s = found.get(k) ?? { invoiceId: t?.id ?? null, invoiceNumber: t?.number ?? null, owed: t ? Math.max(0, t.owed) : null, year: t?.year ?? null, member, reasons: [] };
    if (!s.reasons.includes(reason)) s.reasons.push(reason);
    found.set(k, s);
  };

  for (const ref of tx.references) {
    const t = index.byReference.get(ref.toUpperCase());
    if (!t) continue;
    if (t.owed > 0) add(t, t.member, 'reference');
    else {
      // Nothing owed on it now: the money is the member's credit, or belongs on the invoice its debt was carried to.
      const carried = t.carriedToId !== null ? index.byId.get(t.carriedToId) : undefined;
      if (carried && carried.owed > 0) add(carried, carried.member, 'reference-not-open');
      add(null, t.member, 'reference-not-open');
    }
  }
  const tokens = `${tx.message} ${tx.references.join(' ')}`.split(/[^0-9A-Za-z-]+/).filter(Boolean);
  for (const tok of tokens) {
    const t = index.byReference.get(tok.toUpperCase());
    if (t && !tx.references.includes(tok)) {
      if (t.owed > 0) add(t, t.member, 'reference-in-message');
      else add(null, t.member, 'reference-not-open');
    }
    if (/^[1-9]\d{0,6}$/.test(tok)) {
      const n = Number(tok);
      const open = index.openByMember.get(n);
      if (open) for (const o of open) add(o, o.member, 'member-number');
      else {
        const m = index.memberByNumber(n);
        if (m) add(null, m, 'member-number');
      }
    }
  }
  const payer = new Set(nameTokens(tx.payerName));
  for (const tok of payer) {
    for (const t of index.openByLastName.get(tok) ?? []) {
      if (nameTokens(t.member.firstName).some((f) => payer.has(f))) add(t, t.member, 'name');
    }
  }
  for (const s of found.values()) if (s.invoiceId !== null && s.owed === tx.amount) s.reasons.push('amount');
  const score = (s: Suggestion) => s.reasons.reduce((n, r) => n + SCORE[r], 0);
  return [...found.values()].sort((a, b) => score(b) - score(a) || (a.invoiceNumber ?? '').localeCompare(b.invoiceNumber ?? '')).slice(0, max);
}
