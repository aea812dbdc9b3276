import type { DuesFeeEntity, DuesFeeInput, MembershipTypeEntity } from '../../../shared/contract';
import { amountInputText, parseAmount } from '../money';

/** One membership type's row of the schedule as typed. An empty amount without "free" = no fee this year. */
export interface FeeRow {
  typeId: number;
  amount: string;
  dueOn: string;
  free: boolean;
  perHousehold: boolean;
  intro: boolean;
  introFrom: string;
  introTo: string;
  introAmount: string;
}

/** The due date a new year's rows start with: the end of March, after the usual February run. */
export const defaultDueOn = (year: number) => `${year}-03-31`;

/** Types shown in the schedule: those paying dues (not archived), and any with a fee this year. */
export function scheduleTypes(types: MembershipTypeEntity[], fees: DuesFeeEntity[]): MembershipTypeEntity[] {
  const withFee = new Set(fees.map((f) => f.membershipTypeId));
  return types.filter((t) => withFee.has(t.id) || (!t.archived && t.paysDues));
}

export function rowsFromFees(year: number, types: MembershipTypeEntity[], fees: DuesFeeEntity[], language: string): FeeRow[] {
  const byType = new Map(fees.map((f) => [f.membershipTypeId, f]));
  return scheduleTypes(types, fees).map((t) => {
    const f = byType.get(t.id);
    return {
      typeId: t.id,
      amount: f && !f.free ? amountInputText(f.amount, language) : '',
      dueOn: f?.dueOn ?? defaultDueOn(year),
      free: f?.free ?? false,
      perHousehold: f?.perHousehold ?? t.code === 'family',
      intro: f?.intro != null,
      introFrom: f?.intro?.from ?? `${year - 1}-09-01`,
      introTo: f?.intro?.to ?? `${year - 1}-12-31`,
      introAmount: f?.intro ? amountInputText(f.intro.amount, language) : '',
    };
  });
}

/** The same day a year later (29 February becomes 28 February). */
export function nextYearDate(iso: string): string {
  const y = Number(iso.slice(0, 4)) + 1;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${y}-${md}`;
}

/** Next year's schedule to start from: this year's amounts and choices, every date a year on. */
export function rowsForNextYear(rows: FeeRow[]): FeeRow[] {
  return rows.map((r) => ({ ...r, dueOn: nextYearDate(r.dueOn), introFrom: nextYearDate(r.introFrom), introTo: nextYearDate(r.introTo) }));
}

export const rowIncluded = (r: FeeRow) => r.free || r.amount.trim() !== '';

/**
 * What `dues.saveFees` gets, and which row each entry came from (the core names problems by the
 * entry's index). Amounts the form cannot read are returned as issues under `type:<id>.<field>`.
 */
export function feesInput(rows: FeeRow[]): { fees: DuesFeeInput[]; typeIds: number[]; issues: { field: string; code: string }[] } {
  const fees: DuesFeeInput[] = [];
  const typeIds: number[] = [];
  const issues: { field: string; code: string }[] = [];
  for (const r of rows.filter(rowIncluded)) {
    const amount = r.free ? 0 : parseAmount(r.amount);
    const introAmount = r.intro ? parseAmount(r.introAmount) : 0;
    if (amount === null) issues.push({ field: `type:${r.typeId}.amount`, code: 'amount-format' });
    if (introAmount === null) issues.push({ field: `type:${r.typeId}.intro.amount`, code: 'amount-format' });
    if (r.intro && (!r.introFrom || !r.introTo)) issues.push({ field: `type:${r.typeId}.intro.from`, code: 'required' });
    if (!r.dueOn) issues.push({ field: `type:${r.typeId}.dueOn`, code: 'required' });
    typeIds.push(r.typeId);
    fees.push({
      membershipTypeId: r.typeId,
      amount: amount ?? 0,
      free: r.free,
      perHousehold: r.perHousehold,
      dueOn: r.dueOn,
      intro: r.intro && !r.free ? { from: r.introFrom, to: r.introTo, amount: introAmount ?? 0 } : null,
    });
  }
  return { fees, typeIds, issues };
}

/** The core's `fees.<index>.<name>` as the form's `type:<id>.<name>`. */
export function issueForRow(field: string, typeIds: number[]): string {
  const m = /^fees\.(\d+)\.(.+)$/.exec(field);
  if (!m) return field;
  const typeId = typeIds[Number(m[1])];
  return typeId === undefined ? field : `type:${typeId}.${m[2]}`;
}
