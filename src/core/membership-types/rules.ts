import { addDays } from '../periods/rules';

export interface OpenPeriod {
  id: number;
  typeId: number;
  from: string;
}

export type TypeChangePlan =
  | { kind: 'open'; from: string }
  /** Same day as the open period began: a correction of that period's type. */
  | { kind: 'retype'; periodId: number }
  | { kind: 'close-and-open'; periodId: number; closeOn: string; from: string }
  | { kind: 'refused'; code: 'type-unchanged' | 'date-before-current-period' | 'date-in-future' };

/**
 * A member's type changes on `from`: the open period ends the day before and a new one begins.
 * Periods never overlap and never reverse; a change dated before the open period began is
 * refused, since it would rewrite a closed past.
 */
export function planTypeChange(open: OpenPeriod | null, typeId: number, from: string, today: string): TypeChangePlan {
  if (from > today) return { kind: 'refused', code: 'date-in-future' };
  if (!open) return { kind: 'open', from };
  if (open.typeId === typeId) return { kind: 'refused', code: 'type-unchanged' };
  if (from < open.from) return { kind: 'refused', code: 'date-before-current-period' };
  if (from === open.from) return { kind: 'retype', periodId: open.id };
  return { kind: 'close-and-open', periodId: open.id, closeOn: addDays(from, -1), from };
}
