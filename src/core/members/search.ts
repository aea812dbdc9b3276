import type { Language } from '../../shared/contract';
import { foldForSearch } from '../../shared/text/fold';
import { sortKey } from '../../shared/text/sort-key';
import type { NormalizedMember } from './rules';

/** The national form of an E.164 number as people type it: +46701234567 → 0701234567. */
function nationalDigits(e164: string): string {
  if (e164.startsWith('+46')) return '0' + e164.slice(3);
  if (e164.startsWith('+47')) return e164.slice(3);
  return e164.replace(/^\+\d{1,3}/, '');
}

/** The folded text the list's search looks in: number, names, e-mail, phone (both forms), city. */
export function searchText(m: NormalizedMember, memberNumber: number): string {
  const parts = [String(memberNumber), m.firstName, m.lastName, m.email ?? '', m.city ?? ''];
  if (m.mobile) parts.push(m.mobile, nationalDigits(m.mobile));
  // Folded one by one: folding joins digit groups, which must not run across two fields.
  return parts.map(foldForSearch).join('\n');
}

export function sortKeys(m: NormalizedMember, language: Language) {
  return {
    sortLast: sortKey(m.lastName, language),
    sortFirst: sortKey(m.firstName, language),
    sortCity: sortKey(m.city ?? '', language),
  };
}

/**
 * What the user typed, as tokens that must all occur in the folded search text. Folding turns a
 * phone number typed with spaces or dashes ("070-123 45 67") into one token of digits.
 */
export function searchTokens(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
}
