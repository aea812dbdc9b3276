import { describe, expect, it } from 'vitest';
import { formatNorwegianAccount, kidCheckDigit, makeKid, parseNorwegianAccount, validateKid, type KidMode } from './kid';
import { vectorsOf } from '../test-vectors';

describe('vectors 5_kid_and_nets_ocr', () => {
  for (const v of vectorsOf('5_kid_and_nets_ocr')) {
    const i = v.input;
    if ('kid_base' in i) {
      it(`make ${i.mode} KID from ${i.kid_base}`, () => {
        const kid = makeKid(String(i.kid_base), i.mode as KidMode);
        expect(kid).toBe(v.expected);
        expect(validateKid(kid, i.mode as KidMode).ok).toBe(true);
      });
    } else if ('kid' in i) {
      it(`validate ${i.mode} KID ${i.kid}`, () => expect(validateKid(String(i.kid), i.mode as KidMode).ok).toBe(v.expected));
    } else if ('line' in i) {
      const line = String(i.line);
      const e = v.expected as Record<string, unknown>;
      if ('kid_mod10_ok' in e || 'kid' in e) {
        // Only the KID of an amount record (item 1, columns 50–74) is this module's business; the
        // record layout itself belongs to the Nets OCR file parser.
        it(`KID of Nets amount record ${line.slice(0, 8)}… (${line.slice(49, 74).trim()})`, () => {
          const kid = line.slice(49, 74).trim();
          if (typeof e.kid === 'string') expect(kid).toBe(e.kid.trim());
          if ('kid_mod10_ok' in e) {
            expect(validateKid(kid, 'MOD10').ok).toBe(e.kid_mod10_ok);
            expect(validateKid(kid, 'MOD11').ok).toBe(e.kid_mod11_ok);
          } else {
            expect(validateKid(kid, 'MOD11').ok).toBe(true); // the same KID as the vector above
          }
        });
      } else {
        // The record layout: tested with the Nets file parser (src/core/payments/bank-files/nets-ocr.test.ts).
      }
    } else {
      // The file's totals: tested with the Nets file parser (src/core/payments/bank-files/nets-ocr.test.ts).
    }
  }
});

describe('KID', () => {
  it('uses "-" for a MOD11 remainder of 10 and only accepts it in MOD11', () => {
    expect(kidCheckDigit('40', 'MOD11')).toBe('-');
    expect(validateKid('40-', 'MOD11')).toEqual({ ok: true, kid: '40-' });
    expect(validateKid('40-', 'MOD10')).toEqual({ ok: false, code: 'kid-format' });
    expect(validateKid('400', 'MOD11')).toEqual({ ok: false, code: 'kid-check-digit' });
  });

  it('gives specific codes', () => {
    expect(validateKid('', 'MOD10')).toEqual({ ok: false, code: 'kid-empty' });
    expect(validateKid('12a4', 'MOD10')).toEqual({ ok: false, code: 'kid-format' });
    expect(validateKid('1-2', 'MOD11')).toEqual({ ok: false, code: 'kid-format' });
    expect(validateKid('0', 'MOD10')).toEqual({ ok: false, code: 'kid-length' });
    expect(validateKid('1'.repeat(26), 'MOD10')).toEqual({ ok: false, code: 'kid-length' });
    expect(validateKid('2345675', 'MOD10')).toEqual({ ok: false, code: 'kid-check-digit' });
    expect(validateKid(' 234 5676 ', 'MOD10')).toEqual({ ok: true, kid: '2345676' });
  });

  it('pads to an agreed length', () => {
    expect(makeKid('53', 'MOD11', { length: 7 })).toBe('0000531'); // the KID in the Nets sample file
    expect(() => makeKid('12345678', 'MOD10', { length: 8 })).toThrow(RangeError);
    expect(() => makeKid('x', 'MOD10')).toThrow(RangeError);
  });

  it('round-trips many bases in both modes', () => {
    for (let n = 1; n < 3000; n += 13) {
      for (const mode of ['MOD10', 'MOD11'] as const) expect(validateKid(makeKid(String(n * 31), mode), mode).ok).toBe(true);
    }
  });
});

describe('Norwegian bank account', () => {
  it('validates MOD11 and formats NNNN.NN.NNNNN', () => {
    expect(parseNorwegianAccount('1234.56.78903')).toEqual({ ok: true, account: '12345678903' });
    expect(parseNorwegianAccount('1234 56 78903')).toEqual({ ok: true, account: '12345678903' });
    expect(formatNorwegianAccount('12345678903')).toBe('1234.56.78903');
    expect(parseNorwegianAccount('99991042764')).toEqual({ ok: true, account: '99991042764' }); // Nets sample file
    expect(parseNorwegianAccount('1234.56.78904')).toEqual({ ok: false, code: 'account-check-digit' });
    expect(parseNorwegianAccount('1234.56.7890')).toEqual({ ok: false, code: 'account-format' });
    expect(parseNorwegianAccount('NO12 3456 7890')).toEqual({ ok: false, code: 'account-format' });
    expect(parseNorwegianAccount('')).toEqual({ ok: false, code: 'account-empty' });
  });
});
