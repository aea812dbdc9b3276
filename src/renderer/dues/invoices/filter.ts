import type { InvoiceRow, InvoiceStatus } from '../../../shared/contract';
import { OWED_STATUSES } from '../../../shared/contract';
import { foldForSearch } from '../../../shared/text/fold';

/** The status choice of the list: everything, what is still owed, or one status. */
export type StatusFilter = 'all' | 'owed' | InvoiceStatus;

export function statusesOf(filter: StatusFilter): InvoiceStatus[] | undefined {
  if (filter === 'all') return undefined;
  return filter === 'owed' ? [...OWED_STATUSES] : [filter];
}

/**
 * The rows whose number, reference, member number or a covered person's name holds every word
 * typed (accents and case ignored: "ostrom" finds Öström).
 */
export function searchInvoices(rows: InvoiceRow[], text: string): InvoiceRow[] {
  const words = foldForSearch(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    // Each field folded on its own and joined by "\n", so a match never straddles two fields.
    const people = [r.member, ...r.covers];
    const hay = [r.number, r.reference, ...people.flatMap((p) => [`${p.firstName} ${p.lastName}`, String(p.memberNumber)])].map(foldForSearch).join('\n');
    return words.every((w) => hay.includes(w));
  });
}
