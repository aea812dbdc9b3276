import { describe, expect, it } from 'vitest';
import { formatBankgiro, formatPlusgiro, luhnCheckDigit, luhnValid, makeOcr, parseBankgiro, parsePlusgiro, validateOcr, type OcrLevel } from './ocr';
import { vectorsOf } from '../test-vectors';

const LEVELS: Record<string, OcrLevel[]> = {
  soft_or_hard: ['soft', 'hard'],
  variable_length: ['variable'],
  fixed_length: ['fixed'],
};

describe('vectors 1_bankgiro_ocr', () => {
  for (const v of vectorsOf('1_bankgiro_ocr')) {
    const i = v.input;
    if ('ocr' in i) {
      const levels = LEVELS[String(i.level)];
      const lengths = i.lengths as number[] | undefined;
      it(`ocr ${i.ocr} at ${i.level}${lengths ? ` ${JSON.stringify(lengths)}` : ''}`, () => {
        expect(levels, `unknown level ${i.level}`).toBeDefined();
        for (const level of levels) expect(validateOcr(String(i.ocr), level, { lengths }).ok, level).toBe(v.expected);
      });
    } else if ('generate' in i) {
      it(`generate ${i.generate}${i.length_digit ? ' with length digit' : ''}${i.fixed_length ? ` fixed ${i.fixed_length}` : ''}`, () => {
        const fixedLength = i.fixed_length as number | undefined;
        if (fixedLength !== undefined) expect(i.left_pad).toBe('0');
        const ocr = makeOcr(String(i.generate), { lengthDigit: Boolean(i.length_digit), fixedLength });
        expect(ocr).toBe(v.expected);
        expect(validateOcr(ocr, i.length_digit ? 'variable' : 'hard').ok).toBe(true);
      });
    } else if ('bankgiro_number' in i) {
      it(`bankgiro ${i.bankgiro_number}`, () => {
        const r = parseBankgiro(String(i.bankgiro_number));
        expect(r.ok).toBe(v.expected);
        if (r.ok) expect(formatBankgiro(r.number)).toBe(i.bankgiro_number);
      });
    } else {
      it(`unknown vector ${JSON.stringify(i)}`, () => {
        throw new Error('vector shape not handled');
      });
    }
  }
});

describe('OCR references', () => {
  it('gives specific codes', () => {
    expect(validateOcr('', 'hard')).toEqual({ ok: false, code: 'ocr-empty' });
    expect(validateOcr('12a0', 'hard')).toEqual({ ok: false, code: 'ocr-format' });
    expect(validateOcr('0', 'hard')).toEqual({ ok: false, code: 'ocr-length' });
    expect(validateOcr('1231', 'hard')).toEqual({ ok: false, code: 'ocr-check-digit' });
    expect(validateOcr('12369', 'variable')).toEqual({ ok: false, code: 'ocr-length-digit' });
    expect(validateOcr('1636919', 'fixed', { lengths: [8, 9] })).toEqual({ ok: false, code: 'ocr-fixed-length' });
    expect(validateOcr('1636919', 'fixed')).toEqual({ ok: false, code: 'ocr-fixed-length' });
  });

  it('ignores spaces people copy from an invoice', () => {
    expect(validateOcr(' 1234 5678 9023 ', 'variable')).toEqual({ ok: true, ocr: '123456789023' });
  });

  it('refuses to make what cannot be valid', () => {
    expect(() => makeOcr('12a')).toThrow(RangeError);
    expect(() => makeOcr('1'.repeat(25))).toThrow(RangeError); // 26 with the check digit
    expect(() => makeOcr('123456', { fixedLength: 6, lengthDigit: true })).toThrow(RangeError);
    expect(makeOcr('1'.repeat(24))).toHaveLength(25);
  });

  it('round-trips many bases at every level', () => {
    for (let n = 0; n < 2000; n += 7) {
      const base = String(n * 7919);
      expect(validateOcr(makeOcr(base), 'hard').ok).toBe(true);
      expect(validateOcr(makeOcr(base, { lengthDigit: true }), 'variable').ok).toBe(true);
      expect(validateOcr(makeOcr(base, { lengthDigit: true, fixedLength: 12 }), 'fixed', { lengths: [12] }).ok).toBe(true);
    }
  });

  it('exposes Luhn', () => {
    expect(luhnCheckDigit('123')).toBe(0);
    expect(luhnValid('1230')).toBe(true);
    expect(luhnValid('1231')).toBe(false);
    expect(luhnValid('0')).toBe(false);
  });
});

describe('bankgiro and plusgiro numbers', () => {
  it('parses and formats bankgiro', () => {
    expect(parseBankgiro('5402-9681')).toEqual({ ok: true, number: '54029681' });
    expect(parseBankgiro(' 297 3675 ')).toEqual({ ok: true, number: '2973675' });
    expect(formatBankgiro('2973675')).toBe('297-3675');
    expect(parseBankgiro('')).toEqual({ ok: false, code: 'giro-empty' });
    expect(parseBankgiro('BG 5402-9681')).toEqual({ ok: false, code: 'giro-format' });
    expect(parseBankgiro('54-0296')).toEqual({ ok: false, code: 'giro-length' });
    expect(parseBankgiro('5402-9682')).toEqual({ ok: false, code: 'giro-check-digit' });
  });

  it('parses and formats plusgiro', () => {
    expect(parsePlusgiro('28 65 43-4')).toEqual({ ok: true, number: '2865434' });
    expect(formatPlusgiro('2865434')).toBe('28 65 43-4');
    expect(parsePlusgiro('410 54 68-5')).toEqual({ ok: true, number: '41054685' });
    expect(formatPlusgiro('41054685')).toBe('410 54 68-5');
    expect(parsePlusgiro('28 65 43-5')).toEqual({ ok: false, code: 'giro-check-digit' });
    expect(parsePlusgiro('123456789')).toEqual({ ok: false, code: 'giro-length' });
  });
});
