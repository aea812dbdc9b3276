import { describe, expect, it } from 'vitest';
import { writeBgMax, writeCamt054 } from '../test-support/bank-file-writers';
import { writeCamt053 } from './camt053-writer';
import { detectFormat } from './read';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const statement = writeCamt053({ iban: 'SE4550000000058398257466' }, '2026-03-11', [{ amount: 25000, reference: '1230' }]);

describe('detectFormat: by the content', () => {
  it('a camt.053 statement by its message element, in every version, with a namespace prefix, after a BOM or a long comment', () => {
    expect(detectFormat(statement)).toBe('camt053');
    for (const version of ['02', '04'] as const) expect(detectFormat(writeCamt053({ other: '12345678903' }, '2026-03-11', [], { version }))).toBe('camt053');
    const prefixed = '<?xml version="1.0"?><ns2:Document xmlns:ns2="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><ns2:BkToCstmrStmt>';
    expect(detectFormat(bytes(prefixed))).toBe('camt053');
    expect(detectFormat(bytes(`\ufeff<!-- ${'x'.repeat(20_000)} -->\n${prefixed}`))).toBe('camt053');
  });

  it('a camt.054 notification, and any other XML (refused later by the camt.054 reader as not a notification)', () => {
    expect(detectFormat(writeCamt054({ iban: 'SE4550000000058398257466' }, '2026-03-11', [{ reference: '1230', amount: 25000 }]))).toBe('camt054');
    expect(detectFormat(bytes('<?xml version="1.0"?><Document><CstmrCdtTrfInitn/></Document>'))).toBe('camt054');
    // A statement named only in text, not as an element, is not one.
    expect(detectFormat(bytes('<?xml version="1.0"?><Document><Note>BkToCstmrStmt</Note></Document>'))).toBe('camt054');
  });

  it('the fixed-width formats and CSV as before', () => {
    expect(detectFormat(writeBgMax('54029681', '2026-03-10', [{ reference: '1230', amount: 25000 }]))).toBe('bgmax');
    expect(detectFormat(bytes('Datum;Belopp\n2026-03-10;250,00\n'))).toBe('csv');
  });
});
