import { describe, expect, it, vi } from 'vitest';
import { PAYMENT_METHODS } from '../../shared/contract';
import { bookedMethods } from './sie-methods';

// The dues payment form (where the per-country list lives) reaches the window's bridge when loaded; no window here.
vi.mock('../api', () => ({ call: vi.fn() }));

describe('bookedMethods', () => {
  it('shows a Norwegian register only the methods it records, and credit', () => {
    expect(bookedMethods('NO')).toEqual(['bank', 'vipps', 'cash', 'avtalegiro', 'other', 'credit']);
  });

  it('shows a Swedish register no Vipps or AvtaleGiro', () => {
    expect(bookedMethods('SE')).toEqual(['bankgiro', 'plusgiro', 'swish', 'bank', 'cash', 'autogiro', 'other', 'credit']);
  });

  it('leaves no method unshown in both countries (each has an account somewhere on screen)', () => {
    const shown = new Set([...bookedMethods('SE'), ...bookedMethods('NO')]);
    expect(PAYMENT_METHODS.filter((m) => !shown.has(m))).toEqual([]);
  });
});
