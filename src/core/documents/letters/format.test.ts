import { describe, expect, it } from 'vitest';
import { ADDRESS_BOX, ADDRESS_FONT_SIZE, ADDRESS_LINE_HEIGHT } from './envelope';
import { fitAddress } from './address';
import { formatAccount, formatDate, formatMoney, formatReference, formatSwishNumber } from './format';
import { isPrintable, orderLetters, postcodeOf } from './order';
import { sampleLetter } from './samples';
import { textWidth } from '../pdf';

describe('formatMoney', () => {
  it('prints öre the Nordic way: space-grouped, decimal comma, kr after, no-break spaces', () => {
    expect(formatMoney(125000, 'SEK', 'sv')).toBe('1\u00a0250,00\u00a0kr');
    expect(formatMoney(5, 'NOK', 'nb')).toBe('0,05\u00a0kr');
    expect(formatMoney(123456789, 'SEK', 'sv')).toBe('1\u00a0234\u00a0567,89\u00a0kr');
    expect(formatMoney(-45000, 'SEK', 'sv')).toBe('\u2212450,00\u00a0kr');
    expect(formatMoney(0, 'SEK', 'sv')).toBe('0,00\u00a0kr');
  });
  it('prints English letters the English way with the currency code', () => {
    expect(formatMoney(125000, 'NOK', 'en')).toBe('NOK\u00a01,250.00');
    expect(formatMoney(-100, 'SEK', 'en')).toBe('-SEK\u00a01.00');
  });
  it('refuses a non-integer amount (money is integer minor units)', () => {
    expect(() => formatMoney(12.5, 'SEK', 'sv')).toThrow();
  });
});

describe('dates and payment details', () => {
  it('writes dates as each country does', () => {
    expect(formatDate('2026-03-01', 'sv')).toBe('2026-03-01');
    expect(formatDate('2026-03-01', 'nb')).toBe('01.03.2026');
    expect(formatDate('2026-03-01', 'en')).toBe('1 March 2026');
    expect(() => formatDate('1/3/2026', 'sv')).toThrow();
  });
  it('prints account, RF, OCR and Swish numbers in their print forms', () => {
    expect(formatAccount('1234 56 78903')).toBe('1234.56.78903');
    expect(formatReference('RF18539007547034', 'rf')).toBe('RF18 5390 0754 7034');
    expect(formatReference('2026 0000 318', 'ocr')).toBe('20260000318');
    expect(formatSwishNumber('1231181189')).toBe('123 118 11 89');
  });
});

describe('print order', () => {
  it('finds the postcode on the last line that has one', () => {
    expect(postcodeOf(['Storgatan 1', '114 18 Stockholm'])).toBe('11418');
    expect(postcodeOf(['Storgata 1', '0150 Oslo', 'NORGE'])).toBe('0150');
    expect(postcodeOf(['Box 12', 'SE-114 18 Stockholm'])).toBe('11418');
    expect(postcodeOf(['Storgatan 1'])).toBe('');
    expect(postcodeOf(null)).toBe('');
  });
  it('sorts by postcode (no postcode last), or by name in Swedish collation, ties by member number', () => {
    const at = (i: number, name: string, lines: string[] | null) => ({ ...sampleLetter(i), recipient: { name, addressLines: lines, email: null } });
    const letters = [
      at(1, 'Östen', ['Gata 1', '902 00 Umeå']),
      at(2, 'Adam', ['Gata 2', '114 18 Stockholm']),
      at(3, 'Zelda', ['Gata 3']),
      at(4, 'Åke', ['Gata 4', '114 18 Stockholm']),
      at(5, 'Ärla', null),
    ];
    expect(orderLetters(letters, 'postcode').map((l) => l.recipient.name)).toEqual(['Adam', 'Åke', 'Östen', 'Zelda', 'Ärla']);
    expect(orderLetters(letters, 'name').map((l) => l.recipient.name)).toEqual(['Adam', 'Zelda', 'Åke', 'Ärla', 'Östen']);
    expect(orderLetters([{ ...letters[0], sortName: 'Aaa' }, letters[1]], 'name').map((l) => l.recipient.name)).toEqual(['Östen', 'Adam']);
    expect(letters.map(isPrintable)).toEqual([true, true, true, true, false]);
  });
});

describe('fitAddress', () => {
  const height = (f: { lines: string[]; fontSize: number }) => f.lines.length * f.fontSize * ADDRESS_LINE_HEIGHT;
  it('keeps a normal address at full size, one line each', () => {
    const f = fitAddress('Åsa Öberg', ['Storgatan 1', '114 18 Stockholm']);
    expect(f).toEqual({ lines: ['Åsa Öberg', 'Storgatan 1', '114 18 Stockholm'], fontSize: ADDRESS_FONT_SIZE });
  });
  it('sets a long or tall address smaller so it stays within the window box, losing nothing', () => {
    const name = 'Maria Åsa Margareta Öberg-Lindqvist Ångström de la Gardie von Ødegård';
    const lines = ['c/o Familjen Bjørnstjerne-Sæther', 'Långa Kvarngatan 123 B, lägenhet 1402, våning 14', 'Box 12345', '114 18 Stockholm', 'SVERIGE'];
    const f = fitAddress(name, lines);
    expect(f.fontSize).toBeLessThan(ADDRESS_FONT_SIZE);
    expect(height(f)).toBeLessThanOrEqual(ADDRESS_BOX.height);
    for (const l of f.lines) expect(textWidth(l, f.fontSize)).toBeLessThanOrEqual(ADDRESS_BOX.width);
    expect(f.lines.join(' ').replace(/\s+/g, ' ')).toBe([name, ...lines].join(' '));
  });
  it('wraps a single word wider than the window rather than cutting it off', () => {
    const word = 'Ö'.repeat(200);
    const f = fitAddress(word, ['1 Gata']);
    expect(f.lines.slice(0, -1).join('')).toBe(word);
  });
});
