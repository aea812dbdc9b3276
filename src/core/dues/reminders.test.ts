import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes } from '../test-support';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

/** A year invoiced in February: one payer, one part-payer, two who never pay, a household that never pays. */
async function invoicedYear(d: DuesTest) {
  await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen Ödegård' });
  const m = {
    payer: await d.member({ firstName: 'Åsa', lastName: 'Ödegård', ...ADDRESS.SE }),
    partly: await d.member({ firstName: 'Bo', lastName: 'Berg', ...ADDRESS.SE }),
    never: await d.member({ firstName: 'Cia', lastName: 'Ek', ...ADDRESS.SE }),
    never2: await d.member({ firstName: 'Dag', lastName: 'Fors', email: 'dag@example.se' }),
    parent: await d.member({ firstName: 'Eva', lastName: 'Gran', membershipTypeId: 3, ...ADDRESS.SE }),
    child: await d.member({ firstName: 'Filip', lastName: 'Gran', membershipTypeId: 3 }),
  };
  await d.t.call('households.create', { memberIds: [m.parent, m.child] });
  await d.call('dues.saveFees', {
    year: 2026,
    fees: [
      { membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31' },
      { membershipTypeId: 3, amount: 45000, perHousehold: true, dueOn: '2026-03-31' },
    ],
  });
  await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
  const inv = async (id: number) => (await d.call('dues.invoices', { memberId: id, year: 2026 })).rows[0];
  await d.call('dues.recordPayment', { invoiceId: (await inv(m.payer)).id, paidOn: '2026-02-10', amount: 30000, method: 'bankgiro' });
  await d.call('dues.recordPayment', { invoiceId: (await inv(m.partly)).id, paidOn: '2026-02-10', amount: 10000, method: 'bankgiro' });
  return { m, inv };
}

describe('reminder rounds', () => {
  it('reminds only invoices still owed and past due, records the round, adds the fee, in order, once', async () => {
    d = await duesTest();
    const { m, inv } = await invoicedYear(d);
    // A late joiner invoiced in May is not due by round 1's date and never in round 1.
    const late = await d.member({ firstName: 'Gun', lastName: 'Holm', ...ADDRESS.SE, joinedOn: '2026-05-01' });
    await d.call('dues.run', { year: 2026, invoiceDate: '2026-05-15', dueOn: '2026-07-15' });

    const rounds = await d.call('dues.rounds', { year: 2026 });
    const edited = rounds.map((r) => ({ remindOn: r.remindOn, dueOn: r.dueOn, fee: r.round === 2 ? 2500 : 0, text: r.text }));
    expect(fieldCodes(await d.result('dues.saveRounds', { year: 2026, rounds: [{ ...edited[0], dueOn: '2026-03-01', text: 'Hej {namn}' }] }))).toEqual({
      'rounds.0.dueOn': 'due-before-reminder',
      'rounds.0.text': 'merge-field-unknown',
    });
    await d.call('dues.saveRounds', { year: 2026, rounds: edited });

    const p1 = await d.call('dues.reminderPreview', { roundId: rounds[0].id });
    expect(p1.rows.map((r) => [r.member.memberId, r.owed, r.printable])).toEqual([
      [m.partly, 20000, true],
      [m.never, 30000, true],
      [m.never2, 30000, false],
      [m.parent, 45000, true],
    ]);
    expect(p1).toMatchObject({ count: 4, owedTotal: 125000, feeTotal: 0 });
    expect(fieldCodes(await d.result('dues.runReminder', { roundId: rounds[1].id }))).toEqual({ roundId: 'previous-round-not-run' });
    const r1 = await d.call('dues.runReminder', { roundId: rounds[0].id });
    expect(r1).toMatchObject({ reminded: 4, owedTotal: 125000 });
    expect(r1.runAt).not.toBeNull();
    expect(fieldCodes(await d.result('dues.runReminder', { roundId: rounds[0].id }))).toEqual({ roundId: 'round-already-run' });
    expect((await d.call('dues.reminderPreview', { roundId: rounds[0].id })).count).toBe(0);
    // A round that has run keeps its dates and fee.
    expect(fieldCodes(await d.result('dues.saveRounds', { year: 2026, rounds: [{ ...edited[0], fee: 100 }, ...edited.slice(1)] }))).toEqual({ rounds: 'round-already-run' });

    // Paid in between: out of round 2. Round 2 adds its fee to each invoice it reminds.
    await d.call('dues.recordPayment', { invoiceId: (await inv(m.partly)).id, paidOn: '2026-05-01', amount: 20000, method: 'swish' });
    const p2 = await d.call('dues.reminderPreview', { roundId: rounds[1].id });
    expect(p2.rows.map((r) => r.member.memberId)).toEqual([m.never, m.never2, m.parent]);
    expect(p2.feeTotal).toBe(7500);
    await d.call('dues.runReminder', { roundId: rounds[1].id });
    const reminded = await d.call('dues.invoice', { id: (await inv(m.never)).id });
    expect(reminded).toMatchObject({ total: 32500, owed: 32500, reminderRounds: [1, 2] });
    expect(reminded.lines.map((l) => [l.kind, l.amount, l.description])).toEqual([
      ['fee', 30000, 'Medlemsavgift 2026 – Fullvärdig'],
      ['reminderFee', 2500, 'Påminnelseavgift (påminnelse 2)'],
    ]);
    const lateInv = await inv(late);
    expect(lateInv.reminderRounds).toEqual([]);
    // The run's total stays what was invoiced.
    expect((await d.call('dues.runs', { year: 2026 })).at(-1)?.total).toBe(30000 * 4 + 45000);
    expect((await d.call('history.list', { memberId: m.child })).rows.filter((h) => h.field === 'duesReminder')).toHaveLength(2);
  });
});

describe('strike-off', () => {
  it('proposes members still owing after the last round, lists them for the board, strikes off and undoes in one step', async () => {
    d = await duesTest();
    const { m } = await invoicedYear(d);
    expect(fieldCodes(await d.result('dues.strikeOffProposal', { year: 2026 }))).toEqual({ year: 'no-reminder-round-run' });
    const rounds = await d.call('dues.rounds', { year: 2026 });
    for (const r of rounds) await d.call('dues.runReminder', { roundId: r.id });
    const board = await d.t.call('groups.create', { name: 'Styrelsen', kind: 'board' });
    await d.t.call('groups.addRole', { memberId: m.never, groupId: board.id, role: 'treasurer', from: '2025-01-01' });

    const proposal = await d.call('dues.strikeOffProposal', { year: 2026 });
    expect(proposal.afterRound).toBe(3);
    expect(proposal.rows.map((r) => [r.member.memberId, r.owed, r.lastRound])).toEqual([
      [m.partly, 20000, 3],
      [m.never, 30000, 3],
      [m.never2, 30000, 3],
      [m.parent, 45000, 3],
      [m.child, 45000, 3],
    ]);
    expect(proposal.owedTotal).toBe(125000);

    const pdf = await d.call('dues.strikeOffPdf', { year: 2026, path: join(d.t.dir, 'Förslag') });
    expect(pdf).toEqual({ path: join(d.t.dir, 'Förslag.pdf'), people: 5 });
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Förslag till avförande');
    expect(text).toContain('Ek, Cia');
    expect(text).toContain('Gran, Filip');
    expect(text).toMatch(/450,00\skr/);

    expect(fieldCodes(await d.result('dues.strikeOff', { year: 2026, memberIds: [m.payer], on: '2026-11-01' }))).toEqual({ memberIds: 'member-not-in-proposal' });
    expect(fieldCodes(await d.result('dues.strikeOff', { year: 2026, memberIds: [m.never], on: '2026-12-01' }))).toEqual({ on: 'date-in-future' });
    const before = await d.t.call('members.page', { id: m.never });
    const so = await d.call('dues.strikeOff', { year: 2026, memberIds: [m.never, m.parent, m.child], on: '2026-11-01', note: 'Styrelsebeslut 2026-11-01 §4' });
    expect(so).toMatchObject({ on: '2026-11-01', reason: 'unpaid', undoable: true, undoneAt: null });
    expect(so.members.map((x) => x.memberId)).toEqual([m.never, m.parent, m.child]);
    const struck = await d.t.call('members.page', { id: m.never });
    expect(struck.member).toMatchObject({ status: 'struck_off', statusSince: '2026-11-01' });
    expect(struck.statusEvents.at(-1)).toMatchObject({ kind: 'struck_off', reason: 'unpaid', note: 'Styrelsebeslut 2026-11-01 §4' });
    expect(struck.roles[0].to).toBe('2026-11-01');
    expect((await d.call('dues.strikeOffProposal', { year: 2026 })).rows.map((r) => r.member.memberId)).toEqual([m.partly, m.never2]);
    // Struck-off members are left out of next year's run.
    await d.call('dues.saveFees', { year: 2027, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: '2027-03-31' }, { membershipTypeId: 3, amount: 45000, dueOn: '2027-03-31' }] });
    expect((await d.call('dues.preview', { year: 2027, invoiceDate: '2027-02-01' })).excluded.find((e) => e.memberId === m.never)?.reason).toBe('struck-off');

    const undone = await d.call('dues.undoStrikeOff', { id: so.id });
    expect(undone).toMatchObject({ undoable: false });
    expect(undone.undoneAt).not.toBeNull();
    const after = await d.t.call('members.page', { id: m.never });
    expect(after.member).toEqual({ ...before.member, updatedAt: after.member.updatedAt });
    expect(after.statusEvents).toEqual(before.statusEvents);
    expect(after.roles).toEqual(before.roles);
    expect(after.history[0]).toMatchObject({ field: 'status', oldValue: 'struck_off', newValue: 'active', source: 'undo' });
    expect(fieldCodes(await d.result('dues.undoStrikeOff', { id: so.id }))).toEqual({ id: 'strike-off-already-undone' });

    // A member changed since the strike-off blocks its undo: nobody's later change is lost.
    const so2 = await d.call('dues.strikeOff', { year: 2026, memberIds: [m.never2], on: '2026-11-02', reason: 'board-decision' });
    await d.t.call('members.changeStatus', { memberId: m.never2, to: 'active', on: '2026-11-10' });
    expect((await d.call('dues.strikeOffs', { year: 2026 })).find((s) => s.id === so2.id)?.undoable).toBe(false);
    expect(fieldCodes(await d.result('dues.undoStrikeOff', { id: so2.id }))).toEqual({ id: 'strike-off-changed-since' });
    expect((await d.call('dues.log', { year: 2026 })).map((e) => e.kind)).toEqual(['strikeOff', 'strikeOffUndone', 'strikeOff', 'reminder', 'reminder', 'reminder', 'run']);
  });
});
