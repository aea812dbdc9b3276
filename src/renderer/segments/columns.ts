import { MEMBER_EXTRA_COLUMNS, type MemberExtraColumn, type MemberSortColumn } from '../../shared/contract';

/** The list's own columns, in order; the extra ones come from the core on request. */
export type BaseColumn = MemberSortColumn | 'identity';
export const BASE_COLUMNS: BaseColumn[] = [
  'memberNumber', 'lastName', 'firstName', 'identity', 'email', 'mobile', 'postcode', 'city', 'membershipType', 'status', 'joinedOn',
];
export type ColumnId = BaseColumn | MemberExtraColumn;

// Postcode and join date start hidden so the list fits a laptop screen; one click shows them.
export const DEFAULT_COLUMNS: ColumnId[] = BASE_COLUMNS.filter((c) => c !== 'postcode' && c !== 'joinedOn');
/** Name columns stay: a row without a name cannot be recognised. */
export const FIXED_COLUMNS: ColumnId[] = ['lastName', 'firstName'];

export const isBase = (c: ColumnId): c is BaseColumn => (BASE_COLUMNS as string[]).includes(c);
export const isExtra = (c: string): c is MemberExtraColumn =>
  (MEMBER_EXTRA_COLUMNS as readonly string[]).includes(c) || /^custom:\d{1,9}$/.test(c);

// The register's contract has no per-register UI settings, so the choice is kept on this
// computer, one entry per register file.
const storageKey = (registerPath: string) => `kansli.memberColumns:${registerPath}`;

export function loadColumns(registerPath: string): ColumnId[] {
  try {
    const raw = localStorage.getItem(storageKey(registerPath));
    if (!raw) return DEFAULT_COLUMNS;
    const list = (JSON.parse(raw) as unknown[]).filter((c): c is ColumnId => typeof c === 'string' && (isBase(c as ColumnId) || isExtra(c)));
    return list.length ? list : DEFAULT_COLUMNS;
  } catch {
    return DEFAULT_COLUMNS;
  }
}

export function saveColumns(registerPath: string, columns: ColumnId[]) {
  try {
    localStorage.setItem(storageKey(registerPath), JSON.stringify(columns));
  } catch {
    // A full or unavailable storage only loses the choice, not any data.
  }
}

/** Visible columns in a stable order: the base ones as the grid has them, then the extras as chosen. */
export function orderColumns(chosen: ColumnId[]): ColumnId[] {
  return [...BASE_COLUMNS.filter((c) => chosen.includes(c)), ...chosen.filter((c) => !isBase(c))];
}
