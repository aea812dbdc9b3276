import { afterEach, describe, expect, it } from 'vitest';
import { validateOcr } from '../../shared/nordic/ocr';
import { fieldCodes } from '../test-support';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

const A = ADDRESS.SE;
const FEES_2026 = [
  { membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31', intro: { from: '2025-09-01', to: '2026-01-31', amount: 10000 } },
  { membershipTypeId: 3, amount: 45000, perHousehold: true, dueOn: '2026-03-31' },
  { membershipTypeId: 4, amount: 0, free: true, dueOn: '2026-03-31' },
  { membershipTypeId: 2, amount: 15000, dueOn: '2026-03-31' },
];

async function settle(d: DuesTest) {
  await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen Ödegård' });
}

/** One member for every way into or out of the run. */
async function population(d: DuesTest) {
  const m = {
    full: await d.member({ firstName: 'Åsa', lastName: 'Ödegård', ...A, email: 'asa@example.se' }),
    intro: await d.member({ firstName: 'Bo', lastName: 'Berg', ...A, joinedOn: '2025-10-01' }),
    parent: await d.member({ firstName: 'Cecilia', lastName: 'Ek', membershipTypeId: 3, ...A }),
    child: await d.member({ firstName: 'Dan', lastName: 'Ek', membershipTypeId: 3 }),
    youth: await d.member({ firstName: 'Erik', lastName: 'Fors', membershipTypeId: 4, ...A }),
    honorary: await d.member({ firstName: 'Frida', lastName: 'Gran', membershipTypeId: 5, ...A }),
    debit: await d.member({ firstName: 'Gustav', lastName: 'Holm', ...A }),
    left: await d.member({ firstName: 'Hanna', lastName: 'Ivarsson', ...A }),
    archived: await d.member({ firstName: 'Ivar', lastName: 'Jonsson', ...A }),
    nowhere: await d.member({ firstName: 'Jonna', lastName: 'Karlsson' }),
    emailOnly: await d.member({ firstName: 'Kalle', lastName: 'Lund', email: 'kalle@example.se' }),
    noType: await d.member({ firstName: 'Lisa', lastName: 'Mört', membershipTypeId: null, ...A }),
    paidCash: await d.member({ firstName: 'Maja', lastName: 'Nyström', ...A }),
    late: await d.member({ firstName: 'Nils', lastName: 'Olsson', ...A, joinedOn: '2026-03-01' }),
  };
  const household = await d.t.call('households.create', { memberIds: [m.child, m.parent] });
  await d.call('dues.setDirectDebit', { memberId: m.debit, kind: 'autogiro' });
  await d.t.call('members.changeStatus', { memberId: m.left, to: 'left', on: '2025-12-31', reason: 'resigned' });
  await d.t.call('members.archive', { id: m.archived });
  await d.call('dues.recordPayment', { memberId: m.paidCash, paidOn: '2026-01-20', amount: 30000, method: 'cash', year: 2026 });
  return { m, household };
}

describe('invoice run: preview', () => {
  it('shows who gets what and who is left out why, with totals, before anything is created', async () => {
    d = await duesTest();
    const { m, household } = await population(d);
    await d.call('dues.saveFees', { year: 2026, fees: FEES_2026 });

    const p = await d.call('dues.preview', { year: 2026, invoiceDate: '2026-02-01' });
    expect(p.blocking).toEqual([{ field: 'bankgiro', code: 'bankgiro-or-plusgiro-required' }]);
    expect(p.invoices.map((i) => [i.member.memberId, i.total, i.lines.map((l) => l.kind), i.printable])).toEqual([
      [m.intro, 10000, ['intro'], true],
      [m.parent, 45000, ['household'], true],
      [m.emailOnly, 30000, ['fee'], false],
      [m.full, 30000, ['fee'], true],
    ]);
    const family = p.invoices[1];
    expect(family.covers.map((c) => c.memberId)).toEqual([m.parent, m.child]);
    expect(family.householdId).toBe(household.id);
    expect(family.lines[0].description).toBe('Medlemsavgift 2026 – Familj, hushållet: Cecilia Ek och Dan Ek');
    expect(p.invoices[0].lines[0].description).toBe('Introduktionsavgift 2026 – Fullvärdig');
    expect(Object.fromEntries(p.excluded.map((e) => [e.memberId, e.reason]))).toEqual({
      [m.youth]: 'free-type',
      [m.honorary]: 'free-type',
      [m.debit]: 'direct-debit',
      [m.left]: 'left',
      [m.archived]: 'archived',
      [m.nowhere]: 'no-address',
      [m.noType]: 'no-membership-type',
      [m.paidCash]: 'already-paid',
      [m.late]: 'not-yet-member',
    });
    expect(p).toMatchObject({ invoiceCount: 4, total: 115000, carriedTotal: 0, notPrintableCount: 1, excludedCount: 9, currency: 'SEK' });
    expect(p.byReason).toEqual({ 'free-type': 2, 'direct-debit': 1, left: 1, archived: 1, 'no-address': 1, 'no-membership-type': 1, 'already-paid': 1, 'not-yet-member': 1 });
    expect((await d.call('dues.invoices', {})).total).toBe(0);
  });

  it('stops a run that lacks payment details, a fee, or a due date after the invoice date, listing what to fill in', async () => {
    d = await duesTest();
    await d.member({ firstName: 'Åsa', lastName: 'Ödegård', ...A });
    await d.member({ firstName: 'Stina', lastName: 'Stöd', membershipTypeId: 2, ...A });
    expect(fieldCodes(await d.result('dues.run', { year: 2026, invoiceDate: '2026-02-01' }))).toEqual({
      bankgiro: 'bankgiro-or-plusgiro-required',
      year: 'no-fees-for-year',
      'fees.1': 'fee-missing',
      'fees.2': 'fee-missing',
    });
    await settle(d);
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2026-01-31' }] });
    expect(fieldCodes(await d.result('dues.run', { year: 2026, invoiceDate: '2026-02-01' }))).toEqual({ 'fees.2': 'fee-missing', 'fees.1.dueOn': 'due-before-invoice-date' });
    expect((await d.call('dues.invoices', {})).total).toBe(0);
  });

  it('refuses OCR references that no longer fit the agreed fixed length', async () => {
    d = await duesTest();
    await d.member({ firstName: 'Åsa', lastName: 'Ödegård', ...A });
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'F', ocrLevel: 'fixed', ocrLength: 5, nextInvoiceNumber: 99999 });
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31' }] });
    expect(fieldCodes(await d.result('dues.run', { year: 2026, invoiceDate: '2026-02-01' }))).toEqual({ ocrLength: 'reference-too-long' });
  });
});

describe('invoice run', () => {
  it('creates numbered invoices with valid unique references, and never invoices anyone twice', async () => {
    d = await duesTest();
    const { m } = await population(d);
    await settle(d);
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen Ödegård', nextInvoiceNumber: 1001 });
    await d.call('dues.saveFees', { year: 2026, fees: FEES_2026 });
    const run = await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    expect(run).toMatchObject({ year: 2026, invoices: 4, total: 115000, firstNumber: '1001', lastNumber: '1004' });

    const { rows } = await d.call('dues.invoices', { year: 2026 });
    expect(rows.map((r) => r.number).sort()).toEqual(['1001', '1002', '1003', '1004']);
    for (const r of rows) {
      expect(validateOcr(r.reference, 'variable')).toEqual({ ok: true, ocr: r.reference });
      expect(r.referenceKind).toBe('ocr');
      expect(r.status).toBe('open');
      expect(r.owed).toBe(r.total);
    }
    expect(new Set(rows.map((r) => r.reference)).size).toBe(4);
    const family = rows.find((r) => r.member.memberId === m.parent)!;
    expect(family.covers.map((c) => c.memberId)).toEqual([m.parent, m.child]);
    expect((await d.call('dues.account', { memberId: m.child })).invoices.map((i) => i.id)).toEqual([family.id]);
    expect((await d.call('history.list', { memberId: m.child })).rows[0]).toMatchObject({ field: 'duesInvoice', newValue: family.number, source: 'dues' });
    expect((await d.call('dues.settings', {})).nextInvoiceNumber).toBe(1005);

    // The same year again: nobody is invoiced twice.
    const again = await d.call('dues.preview', { year: 2026, invoiceDate: '2026-02-01' });
    expect(again.invoiceCount).toBe(0);
    expect(again.byReason['already-invoiced']).toBe(5);
    expect(fieldCodes(await d.result('dues.run', { year: 2026, invoiceDate: '2026-02-01' }))).toBe('conflict:nothing-to-invoice');

    // Later in the year: only the new members; a new child of an invoiced household is covered.
    const newcomer = await d.member({ firstName: 'Olle', lastName: 'Palm', ...A, joinedOn: '2026-05-01' });
    const sibling = await d.member({ firstName: 'Pia', lastName: 'Ek', membershipTypeId: 3, joinedOn: '2026-05-01' });
    await d.t.call('households.addMembers', { id: family.householdId!, memberIds: [sibling] });
    expect(fieldCodes(await d.result('dues.run', { year: 2026, invoiceDate: '2026-06-01' }))).toEqual({ 'fees.1.dueOn': 'due-before-invoice-date' });
    expect(fieldCodes(await d.result('dues.run', { year: 2026, invoiceDate: '2026-06-01', dueOn: '2026-05-31' }))).toEqual({ dueOn: 'due-before-invoice-date' });
    const autumn = await d.call('dues.preview', { year: 2026, invoiceDate: '2026-06-01', dueOn: '2026-06-30' });
    expect(autumn.invoices.map((i) => i.member.memberId).sort()).toEqual([m.late, newcomer].sort());
    expect(autumn.excluded.find((e) => e.memberId === sibling)?.reason).toBe('already-invoiced');
    expect(autumn.invoices.map((i) => i.dueOn)).toEqual(['2026-06-30', '2026-06-30']);
    await d.call('dues.run', { year: 2026, invoiceDate: '2026-06-01', dueOn: '2026-06-30' });
    expect((await d.call('dues.runs', { year: 2026 })).map((r) => [r.invoices, r.firstNumber])).toEqual([[2, '1005'], [4, '1001']]);
  });

  it('makes KID references in Norway (MOD10 or MOD11, agreed length) and RF references when chosen', async () => {
    const { validateKid } = await import('../../shared/nordic/kid');
    const { validateRf } = await import('../../shared/nordic/rf');
    d = await duesTest('NO');
    for (let i = 0; i < 12; i++) await d.member({ firstName: `Ø${i}`, lastName: 'Dæhlie', ...ADDRESS.NO });
    await d.call('dues.saveSettings', { associationName: 'Laget', referenceKind: 'kid', kidMode: 'MOD11', kidLength: 7, bankAccount: '12345678903' });
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 50000, dueOn: '2026-03-31' }] });
    await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    const kids = (await d.call('dues.invoices', { year: 2026 })).rows;
    expect(kids).toHaveLength(12);
    for (const r of kids) {
      expect(r.referenceKind).toBe('kid');
      expect(r.reference).toHaveLength(7);
      expect(validateKid(r.reference, 'MOD11').ok).toBe(true);
    }
    // Invoice 6's MOD11 remainder is 10: its KID ends in "-", as some Norwegian KIDs do.
    expect(kids.find((r) => r.number === '6')?.reference).toBe('000006-');

    await d.call('dues.saveSettings', { associationName: 'Laget', referenceKind: 'rf', bankAccount: '12345678903' });
    await d.member({ firstName: 'Åse', lastName: 'Ødegård', ...ADDRESS.NO });
    await d.call('dues.run', { year: 2026, invoiceDate: '2026-03-01' });
    const rf = (await d.call('dues.invoices', { year: 2026, limit: 1 })).rows[0];
    expect(rf).toMatchObject({ number: '13', referenceKind: 'rf', reference: 'RF4113' });
    expect(validateRf(rf.reference).ok).toBe(true);
  });
});
