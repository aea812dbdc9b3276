import { describe, expect, it } from 'vitest';
import { analyzeSmsTemplate, replaceChar } from './template';

const longest = { firstName: 'Maximiliana', lastName: 'Ödegård', fullName: 'Maximiliana Ödegård', memberNumber: '10423' };

describe('SMS template counting', () => {
  it('counts every merge field at its longest value', () => {
    const r = analyzeSmsTemplate(`Hej {firstName}! ${'x'.repeat(144)}`, longest);
    // 4 + 11 + 2 + 144 = 161 septets: two segments, where the bare template (159) would be one.
    expect(r.ok && r.analysis.counted).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2 });
  });

  it('shows only the typed characters that force UCS-2, and switches on "ç"', () => {
    const gsm = analyzeSmsTemplate('Välkommen på årsmötet, {firstName}!', longest);
    expect(gsm.ok && gsm.analysis.counted.encoding).toBe('GSM-7');
    const r = analyzeSmsTemplate('Välkommen på årsmötet, {firstName}! Ça va?', { ...longest, firstName: 'François' });
    expect(r.ok && r.analysis.counted.encoding).toBe('UCS-2');
    expect(r.ok && r.analysis.typedUcs2).toEqual([]); // Ç is GSM-7; only the name's ç forces UCS-2
    const typed = analyzeSmsTemplate('Garçon – välkommen', longest);
    expect(typed.ok && typed.analysis.typedUcs2).toEqual([{ char: 'ç', replacement: 'c' }, { char: '–', replacement: '-' }]);
  });

  it('reports an unknown field instead of counting it', () => {
    expect(analyzeSmsTemplate('Hej {namn}', longest)).toEqual({ ok: false, issue: { code: 'merge-field-unknown', token: 'namn', index: 4 } });
  });

  it('replaces a character everywhere with one click', () => {
    expect(replaceChar('Garçon, ça va – {firstName}', 'ç', 'c')).toBe('Garcon, ca va – {firstName}');
  });
});
