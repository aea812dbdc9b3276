import { describe, expect, it } from 'vitest';
import { formatRf, makeRf, validateRf } from './rf';
import { vectorsOf } from '../test-vectors';

describe('vectors 6_iso11649_rf_and_camt', () => {
  for (const v of vectorsOf('6_iso11649_rf_and_camt')) {
    const i = v.input;
    if ('rf' in i) {
      it(`validate ${i.rf}`, () => expect(validateRf(String(i.rf)).ok).toBe(v.expected));
    } else if ('format' in i) {
      it(`format ${i.format}`, () => expect(formatRf(String(i.format))).toBe(v.expected));
    } else if ('make_rf_from' in i) {
      it(`make from ${i.make_rf_from}`, () => {
        const rf = makeRf(String(i.make_rf_from));
        expect(rf).toBe(v.expected);
        expect(validateRf(rf).ok).toBe(true);
      });
    } else {
      // The camt.054 paths: tested with the camt parser (src/core/payments/bank-files/camt054.test.ts).
    }
  }
});

describe('RF references', () => {
  it('treats leading zeros as significant for matching but not for the check', () => {
    expect(makeRf('1')).toBe('RF741');
    expect(makeRf('0000000001')).toBe('RF740000000001');
    expect(validateRf('rf74 0000 0000 01')).toEqual({ ok: true, rf: 'RF740000000001' });
  });

  it('gives specific codes', () => {
    expect(validateRf('')).toEqual({ ok: false, code: 'rf-empty' });
    expect(validateRf('XX18539007547034')).toEqual({ ok: false, code: 'rf-format' });
    expect(validateRf('RF18-5390')).toEqual({ ok: false, code: 'rf-format' });
    expect(validateRf('RF011111111111111111111111')).toEqual({ ok: false, code: 'rf-length' });
    expect(validateRf('RF17 5390 0754 7034')).toEqual({ ok: false, code: 'rf-check-digits' });
    expect(() => makeRf('')).toThrow(RangeError);
    expect(() => makeRf('1'.repeat(22))).toThrow(RangeError);
    expect(() => makeRf('ÅÄÖ')).toThrow(RangeError);
  });

  it('round-trips letters and digits', () => {
    for (const ref of ['A', 'Z9', 'MEDLEM2025', '123456789012345678901', 'xx5zic']) {
      const rf = makeRf(ref);
      expect(validateRf(formatRf(rf))).toEqual({ ok: true, rf });
    }
  });
});
