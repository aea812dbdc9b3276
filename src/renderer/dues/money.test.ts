import { describe, expect, it } from 'vitest';
import { amountInputText, formatMoney, parseAmount } from './money';

/** Intl separates groups with a (narrow) no-break space; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('formats minor units in each language', () => {
    expect(plain(formatMoney(125000, 'SEK', 'sv'))).toBe('1 250,00 kr');
    expect(plain(formatMoney(-5050, 'SEK', 'sv'))).toBe('−50,50 kr');
    expect(plain(formatMoney(125000, 'NOK', 'nb'))).toMatch(/^kr 1 250,00$|^1 250,00 kr$/);
    expect(plain(formatMoney(125000, 'SEK', 'en'))).toBe('SEK 1,250.00');
  });

  it('reads the ways a treasurer writes an amount', () => {
    const cases: [string, number][] = [
      ['1250', 125000], ['1 250', 125000], ['1 250,50', 125050], ['1250.5', 125050], ['1250,5', 125050],
      ['0,29', 29], ['1.250', 125000], ['1,250', 125000], ['1.250,50', 125050], ['1,250.50', 125050],
      ['1 250,00 kr', 125000], ['kr 1 250,00', 125000], ['250:-', 25000], ['250,-', 25000], ['SEK 99', 9900],
      ['1\u00a0250,00\u00a0kr', 125000], ['-50', -5000], ['0', 0], [',5', 50],
    ];
    for (const [text, minor] of cases) expect(parseAmount(text), text).toBe(minor);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'kr', 'abc', '12,345,6', '1,2345', '1.2.3', '12,50,00', '1,250,5', '10 kr 5', '1e3', '1,', '1.250.5', '999999999'])
      expect(parseAmount(text), text).toBeNull();
  });

  it('writes an amount back for editing so that it reads again', () => {
    expect(amountInputText(125050, 'sv')).toBe('1250,50');
    expect(amountInputText(125050, 'en')).toBe('1250.50');
    for (const minor of [0, 1, 29, 125050, -300]) expect(parseAmount(amountInputText(minor, 'nb'))).toBe(minor);
  });
});
