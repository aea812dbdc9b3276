import { describe, expect, it } from 'vitest';
import type { ReminderRoundEntity } from '../../../shared/contract';
import { isDirty, newDraft, toDraft, toInputs } from './drafts';

const saved: ReminderRoundEntity = { id: 7, year: 2026, round: 1, remindOn: '2026-04-15', dueOn: '2026-04-30', fee: 5000, text: 'Hej {firstName}', runAt: null, reminded: 0, owedTotal: 0 };

describe('reminder round drafts', () => {
  it('show the fee as typed in the language and read it back in minor units', () => {
    const d = toDraft(saved, 'sv');
    expect(d.fee).toBe('50,00');
    expect(toInputs([d])).toEqual({ rounds: [{ remindOn: '2026-04-15', dueOn: '2026-04-30', fee: 5000, text: 'Hej {firstName}' }] });
    expect(toInputs([{ ...d, fee: '1 250,50' }])).toMatchObject({ rounds: [{ fee: 125050 }] });
    expect(toInputs([{ ...d, fee: '' }])).toMatchObject({ rounds: [{ fee: 0 }] });
  });

  it('point at the first fee that is not an amount', () => {
    const d = toDraft(saved, 'en');
    expect(toInputs([d, { ...d, fee: 'femtio' }])).toEqual({ badFee: 1 });
  });

  it('are dirty when anything differs from what is saved, not when the fee is only written differently', () => {
    const d = toDraft(saved, 'sv');
    expect(isDirty([d], [saved])).toBe(false);
    expect(isDirty([{ ...d, fee: '50' }], [saved])).toBe(false);
    expect(isDirty([{ ...d, fee: '60' }], [saved])).toBe(true);
    expect(isDirty([{ ...d, text: 'Hej' }], [saved])).toBe(true);
    expect(isDirty([d, newDraft(d, 2026)], [saved])).toBe(true);
    expect(isDirty([], [saved])).toBe(true);
  });

  it('a new round comes a month after the last, due two weeks later, or in April when it is the first', () => {
    const after = newDraft(toDraft(saved, 'sv'), 2026);
    expect([after.remindOn, after.dueOn, after.fee, after.id]).toEqual(['2026-05-15', '2026-05-29', '50,00', null]);
    const first = newDraft(undefined, 2027);
    expect([first.remindOn, first.dueOn, first.fee]).toEqual(['2027-04-15', '2027-04-29', '']);
  });
});
