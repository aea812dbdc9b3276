import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

describe('the dues log', () => {
  it('lists a write-off when it was recorded, above a run made earlier the same day, even when its date is set back', async () => {
    d = await duesTest('SE', '2026-11-15');
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen' });
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31' }] });
    const a = await d.member({ firstName: 'Åsa', lastName: 'Berg', ...ADDRESS.SE });
    const b = await d.member({ firstName: 'Bo', lastName: 'Ek', ...ADDRESS.SE });
    const run = await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    const invoiceOf = async (memberId: number) => (await d.call('dues.invoices', { year: 2026, memberId })).rows[0];

    // Written off today (the run's day), then another set back to June: both were done after the run.
    const today = await d.call('dues.writeOff', { invoiceId: (await invoiceOf(b)).id });
    const off = await d.call('dues.writeOff', { invoiceId: (await invoiceOf(a)).id, on: '2026-06-01' });
    expect(today.writtenOffOn).toBe('2026-11-15');
    const log = await d.call('dues.log', { year: 2026 });
    expect(log.map((e) => [e.kind, e.refId])).toEqual([['writeOff', off.id], ['writeOff', today.id], ['run', run.id]]);
    const [writeOff, , runEntry] = log;
    expect(writeOff.at > runEntry.at).toBe(true);
    expect(writeOff.at.slice(0, 10)).toBe('2026-11-15'); // the day it was done, not the date it is booked on
    expect(writeOff).toMatchObject({ amount: 30000, label: off.number });
    expect(await d.call('dues.invoice', { id: off.id })).toMatchObject({ writtenOffOn: '2026-06-01' });
  });

  it('lists a write-off recorded before its time was kept at its date', async () => {
    d = await duesTest('SE', '2026-11-15');
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen' });
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31' }] });
    const a = await d.member({ firstName: 'Åsa', lastName: 'Berg', ...ADDRESS.SE });
    await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    const inv = (await d.call('dues.invoices', { year: 2026, memberId: a })).rows[0];
    await d.call('dues.writeOff', { invoiceId: inv.id, on: '2026-06-01' });
    // As a register from before migration 011 has it.
    d.t.core.context().db.run(sql`UPDATE invoices SET written_off_at = NULL WHERE id = ${inv.id}`);
    const log = await d.call('dues.log', { year: 2026 });
    expect(log.map((e) => [e.kind, e.at.slice(0, 10)])).toEqual([['run', '2026-11-15'], ['writeOff', '2026-06-01']]);
    expect(log[1].at).toBe('2026-06-01');
  });
});
