import { ADDRESS, SE_PAYMENT, type DuesTest } from '../../dues/test-fixtures';

/**
 * A dues year with every way an invoice can end, for the reports and the books:
 * paid (bankgiro), partly paid (Swish) after a reminder with a fee, over-paid (bank transfer),
 * paid then credited, written off, open; a cash payment for the year without an invoice and
 * money paid on a member alone (credit on account, more than the invoice he also gets).
 */
export async function bookedYear(d: DuesTest) {
  await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen Ödegård', orgNumber: '802002-4280' });
  const A = ADDRESS.SE;
  const m = {
    paid: await d.member({ firstName: 'Åsa', lastName: 'Ödegård', ...A }),
    partly: await d.member({ firstName: 'Bo', lastName: 'Berg', ...A }),
    over: await d.member({ firstName: 'Cia', lastName: 'Ek', ...A }),
    credited: await d.member({ firstName: 'Dag', lastName: 'Fors', ...A }),
    writtenOff: await d.member({ firstName: 'Eva', lastName: 'Gran', ...A }),
    open: await d.member({ firstName: 'Filip', lastName: 'Holm', ...A }),
    cash: await d.member({ firstName: 'Gun', lastName: 'Ivarsson', ...A }),
    onAccount: await d.member({ firstName: 'Hans', lastName: 'Jönsson', ...A }),
  };
  await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31' }] });
  // Paid in cash at a meeting before the run: no invoice for the year.
  await d.call('dues.recordPayment', { memberId: m.cash, paidOn: '2026-01-20', amount: 30000, method: 'cash', year: 2026 });
  await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
  const inv = async (id: number) => (await d.call('dues.invoices', { memberId: id, year: 2026, kind: 'invoice' })).rows[0];
  const pay = async (id: number, paidOn: string, amount: number, method: 'bankgiro' | 'swish' | 'bank' | 'cash') =>
    d.call('dues.recordPayment', { invoiceId: (await inv(id)).id, paidOn, amount, method });

  await pay(m.paid, '2026-02-10', 30000, 'bankgiro');
  await pay(m.over, '2026-02-10', 35000, 'bank');
  await pay(m.credited, '2026-02-12', 30000, 'bankgiro');
  await d.call('dues.credit', { invoiceId: (await inv(m.credited)).id, on: '2026-03-01' });
  // More than the invoice he also gets: 75 kr left to his credit.
  await d.call('dues.recordPayment', { memberId: m.onAccount, paidOn: '2026-02-15', amount: 40000, method: 'swish' });

  // Reminder 1 (1 April) with a 25 kr fee on what is still owed; Bo then pays part.
  const rounds = await d.call('dues.rounds', { year: 2026 });
  await d.call('dues.saveRounds', { year: 2026, rounds: rounds.map((r) => ({ remindOn: r.remindOn, dueOn: r.dueOn, fee: r.round === 1 ? 2500 : 0, text: r.text })) });
  await d.call('dues.runReminder', { roundId: rounds[0].id });
  await pay(m.partly, '2026-04-20', 20000, 'swish');
  await d.call('dues.writeOff', { invoiceId: (await inv(m.writtenOff)).id, on: '2026-06-30' });
  return { m, inv };
}
