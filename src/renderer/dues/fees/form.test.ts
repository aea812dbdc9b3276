import { describe, expect, it } from 'vitest';
import type { DuesFeeEntity, MembershipTypeEntity } from '../../../shared/contract';
import { feesInput, issueForRow, nextYearDate, rowsForNextYear, rowsFromFees, scheduleTypes } from './form';

const type = (id: number, over: Partial<MembershipTypeEntity> = {}): MembershipTypeEntity => ({
  id, code: null, name: `T${id}`, paysDues: true, mayVote: true, archived: false, memberCount: 0, ...over,
});

const fee = (typeId: number, over: Partial<DuesFeeEntity> = {}): DuesFeeEntity => ({
  year: 2026, membershipTypeId: typeId, amount: 25000, free: false, perHousehold: false, dueOn: '2026-03-31', intro: null, ...over,
});

describe('fee schedule form', () => {
  it('shows paying types and any type that has a fee, not archived or non-paying types without one', () => {
    const types = [type(1), type(2, { paysDues: false }), type(3, { archived: true }), type(4, { paysDues: false })];
    expect(scheduleTypes(types, [fee(4, { free: true })]).map((t) => t.id)).toEqual([1, 4]);
  });

  it('reads a stored schedule back into rows and sends it again unchanged', () => {
    const fees = [fee(1, { intro: { from: '2025-10-01', to: '2025-12-31', amount: 10050 } }), fee(2, { free: true, amount: 0, perHousehold: true })];
    const rows = rowsFromFees(2026, [type(1), type(2)], fees, 'sv');
    expect(rows[0]).toMatchObject({ amount: '250,00', intro: true, introAmount: '100,50' });
    expect(rows[1]).toMatchObject({ amount: '', free: true, perHousehold: true });
    const { fees: sent, typeIds, issues } = feesInput(rows);
    expect(issues).toEqual([]);
    expect(typeIds).toEqual([1, 2]);
    expect(sent).toEqual(fees.map(({ year: _year, ...f }) => f));
  });

  it('leaves rows without an amount out, and names unreadable amounts at their row', () => {
    const rows = rowsFromFees(2026, [type(1), type(2), type(3)], [], 'sv');
    expect(rows.map((r) => r.dueOn)).toEqual(['2026-03-31', '2026-03-31', '2026-03-31']);
    rows[0].amount = '300';
    rows[2].amount = 'tre hundra';
    rows[2].intro = true;
    rows[2].introAmount = '1,2,3';
    const r = feesInput(rows);
    expect(r.typeIds).toEqual([1, 3]);
    expect(r.fees[0]).toMatchObject({ membershipTypeId: 1, amount: 30000 });
    expect(r.issues).toEqual([
      { field: 'type:3.amount', code: 'amount-format' },
      { field: 'type:3.intro.amount', code: 'amount-format' },
    ]);
  });

  it('maps the core’s entry indexes to the rows they came from', () => {
    expect(issueForRow('fees.1.intro.to', [4, 7])).toBe('type:7.intro.to');
    expect(issueForRow('fees.5.amount', [4, 7])).toBe('fees.5.amount');
    expect(issueForRow('year', [4])).toBe('year');
  });

  it('starts next year from this year with every date a year on', () => {
    expect(nextYearDate('2026-03-31')).toBe('2027-03-31');
    expect(nextYearDate('2028-02-29')).toBe('2029-02-28');
    const [row] = rowsForNextYear(rowsFromFees(2026, [type(1)], [fee(1, { intro: { from: '2025-10-01', to: '2025-12-31', amount: 0 } })], 'en'));
    expect(row).toMatchObject({ amount: '250.00', dueOn: '2027-03-31', introFrom: '2026-10-01', introTo: '2026-12-31', introAmount: '0.00' });
  });
});
