import type { DuplicateReason, MergeField } from '../../shared/contract';
import { MERGE_FIELDS } from '../../shared/contract';
import { foldForSearch } from '../../shared/text/fold';

/** Edit distance of at most one (insert, delete or substitute one character). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** "Similar" names: folded full names ("Åsa Öberg" = "asa oberg") equal or one edit apart. */
export function similarNames(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }): boolean {
  const f = (x: { firstName: string; lastName: string }) => foldForSearch(`${x.firstName} ${x.lastName}`);
  return withinOneEdit(f(a), f(b));
}

export interface PairKey {
  a: number;
  b: number;
}

/** Collects pairs (lower id first) with every reason they were found for. */
export class PairCollector {
  private readonly pairs = new Map<string, { a: number; b: number; reasons: DuplicateReason[] }>();
  add(x: number, y: number, reason: DuplicateReason) {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}-${b}`;
    const p = this.pairs.get(key) ?? { a, b, reasons: [] };
    if (!p.reasons.includes(reason)) p.reasons.push(reason);
    this.pairs.set(key, p);
  }
  addGroup(ids: number[], reason: DuplicateReason) {
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) this.add(ids[i], ids[j], reason);
  }
  list() {
    return [...this.pairs.values()].sort((p, q) => q.reasons.length - p.reasons.length || p.a - q.a || p.b - q.b);
  }
}

type Values = Record<MergeField, string | boolean | null>;

const isEmpty = (v: string | boolean | null) => v === null || v === '';

/**
 * The merged member's fields: per field as the user chose; by default the kept member's value
 * when it has one, else the other's.
 */
export function chooseFields(keep: Values, other: Values, choose: Partial<Record<MergeField, 'keep' | 'other'>>) {
  return MERGE_FIELDS.map((field) => {
    const chosen = choose[field] ?? (isEmpty(keep[field]) && !isEmpty(other[field]) ? 'other' : 'keep');
    return { field, keep: keep[field], other: other[field], chosen } as const;
  });
}
