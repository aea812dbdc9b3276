import { afterEach, describe, expect, it } from 'vitest';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from '../dues/test-fixtures';
import { journeyStage } from './rules';

let d: DuesTest;
afterEach(() => d?.t.dispose());

const engaged = { status: 'active', statusSince: '2020-01-01', joinedOn: '2020-01-01', lastContactOn: '2026-05-01', lastRoleOn: null } as const;

describe('journey: unpaid after the first reminder', () => {
  it('is at risk from the reminder’s day, even with recent contact, and not before', () => {
    expect(journeyStage({ ...engaged, unpaidAfterReminderOn: '2026-04-01' }, '2026-06-15')).toMatchObject({ stage: 'at-risk', reason: 'unpaid-after-reminder' });
    expect(journeyStage({ ...engaged, unpaidAfterReminderOn: '2026-07-01' }, '2026-06-15')).toMatchObject({ stage: 'engaged', reason: 'recent-contact' });
    expect(journeyStage({ ...engaged, unpaidAfterReminderOn: null }, '2026-06-15').stage).toBe('engaged');
    // A member who left is lapsed, whatever they owe.
    expect(journeyStage({ ...engaged, status: 'left', unpaidAfterReminderOn: '2026-04-01' }, '2026-06-15').stage).toBe('lapsed');
  });

  it('follows the register: reminded and unpaid → at risk; paid, credited or never reminded → not; counts agree', async () => {
    d = await duesTest('SE', '2026-06-15');
    await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'F' });
    const m = {
      unpaid: await d.member({ firstName: 'Åsa', lastName: 'Ödegård', ...ADDRESS.SE }),
      paysLater: await d.member({ firstName: 'Bo', lastName: 'Berg', ...ADDRESS.SE }),
      credited: await d.member({ firstName: 'Cia', lastName: 'Ek', ...ADDRESS.SE }),
      paidOnTime: await d.member({ firstName: 'Dag', lastName: 'Fors', ...ADDRESS.SE }),
    };
    for (const id of Object.values(m)) await d.t.call('contactLog.add', { memberId: id, on: '2026-05-01', kind: 'call', outcome: 'reached' });
    await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31' }] });
    await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
    const inv = async (id: number) => (await d.call('dues.invoices', { memberId: id, year: 2026 })).rows[0];
    await d.call('dues.recordPayment', { invoiceId: (await inv(m.paidOnTime)).id, paidOn: '2026-03-01', amount: 30000, method: 'swish' });
    const stage = async (id: number) => (await d.t.call('journey.forMember', { memberId: id })).stage;
    expect(await stage(m.unpaid)).toBe('engaged'); // owed, but no reminder yet

    const [round1] = await d.call('dues.rounds', { year: 2026 });
    await d.call('dues.runReminder', { roundId: round1.id });
    await d.call('dues.recordPayment', { invoiceId: (await inv(m.paysLater)).id, paidOn: '2026-05-02', amount: 30000, method: 'swish' });
    await d.call('dues.credit', { invoiceId: (await inv(m.credited)).id, on: '2026-05-03' });

    const j = await d.t.call('journey.forMember', { memberId: m.unpaid });
    expect(j).toMatchObject({ stage: 'at-risk', reason: 'unpaid-after-reminder', facts: { unpaidAfterReminderOn: round1.remindOn } });
    expect([await stage(m.paysLater), await stage(m.credited), await stage(m.paidOnTime)]).toEqual(['engaged', 'engaged', 'engaged']);
    // The SQL form (counts, segments, list columns) agrees with the member page.
    expect(await d.t.call('journey.counts', {})).toMatchObject({ 'at-risk': 1, engaged: 3 });
  });
});
