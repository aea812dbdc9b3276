import { describe, expect, it } from 'vitest';
import { vectorsOf } from '../../../shared/test-vectors';
import { parseNetsOcr } from './nets-ocr';
import { refusal } from './refusal';
import { AVTALEGIRO_CLAIMS_SAMPLE, latin1File, linesOf, NETS_SAMPLE, NO_PAYEE, sample } from './test-files';

const L = linesOf(sample(NETS_SAMPLE));
const edit = (no: number, text: string) => latin1File(L.map((l, i) => (i + 1 === no ? text : l)));

describe('Nets OCR giro: the python-netsgiro sample', () => {
  const parsed = parseNetsOcr(sample(NETS_SAMPLE), NO_PAYEE);

  it('checks the assignment and transmission end records', () => {
    expect(parsed.control).toEqual({ sections: 1, count: 20, total: 5144900 });
    expect(parsed.transactions).toHaveLength(20);
    expect(parsed.transactions.reduce((n, t) => n + t.amount, 0)).toBe(5144900);
  });

  it('reads date, amount, KID and text per transaction', () => {
    const [first, second] = parsed.transactions;
    expect(first).toMatchObject({ line: 3, kind: 'payment', paidOn: '1992-01-20', amount: 102000, references: [{ reference: '0000531', amount: null }], message: 'Foo bar baz', method: 'bank' });
    expect(second).toMatchObject({ line: 6, amount: 102000, references: [{ reference: '0036633' }], message: '' });
    expect(new Set(parsed.transactions.map((t) => t.key)).size).toBe(20);
  });
});

describe('vectors 5_kid_and_nets_ocr (file records)', () => {
  for (const v of vectorsOf('5_kid_and_nets_ocr')) {
    const i = v.input;
    const e = v.expected as Record<string, unknown>;
    if ('line' in i) {
      const line = String(i.line);
      it(`record ${line.slice(0, 8)} is read by the parser`, () => {
        const no = L.indexOf(line) + 1;
        const parsed = parseNetsOcr(sample(NETS_SAMPLE), NO_PAYEE);
        if (line.slice(6, 8) === '30') {
          // Any transaction type 10–21 is read the same; the vector of type 10 mirrors the file's type-21 record.
          const file = no > 0 ? sample(NETS_SAMPLE) : edit(3, line);
          const tx = parseNetsOcr(file, NO_PAYEE).transactions[0];
          const amount = Number(e.amount_ore);
          expect(tx.amount).toBe(amount);
          expect(tx.references[0].reference).toBe(String(e.kid).trim());
          expect(tx.paidOn).toBe(typeof e.nets_date === 'string' ? e.nets_date : '1992-01-20');
        } else if (line.slice(6, 8) === '31') {
          expect(parsed.transactions[0].key).toContain(`:${e.archive_reference}:${e.debit_account}:`);
        } else if (line.slice(6, 8) === '32') {
          expect(parsed.transactions[0].message).toBe(String(e.text).trim());
        } else if (line.slice(6, 8) === '20') {
          expect(parsed.payee).toBe(e.assignment_account);
          expect(refusal(() => parseNetsOcr(sample(NETS_SAMPLE), { ...NO_PAYEE, bankAccount: '12345678903' }))).toEqual({ code: 'file-other-payee', line: String(no) });
        } else if (line.slice(6, 8) === '88' || line.slice(6, 8) === '89') {
          expect(no).toBeGreaterThan(0);
          expect(Number(e.n_transactions)).toBe(parsed.control?.count);
          expect(Number(e.total_amount_ore)).toBe(parsed.control?.total);
          // Change the declared record count by one: the parser must notice.
          const wrong = line.slice(0, 16) + String(Number(e.n_records) + 1).padStart(8, '0') + line.slice(24);
          expect(refusal(() => parseNetsOcr(edit(no, wrong), NO_PAYEE))).toEqual({ code: 'file-count-mismatch', line: String(no) });
        } else {
          expect(line.slice(0, 8)).toBe('NY000010');
          expect(refusal(() => parseNetsOcr(latin1File(L.slice(1)), NO_PAYEE))).toEqual({ code: 'file-layout', line: '1' });
        }
      });
    } else if ('check' in i) {
      it('trailer totals', () => {
        const parsed = parseNetsOcr(sample(NETS_SAMPLE), NO_PAYEE);
        const t = e as { assignment_end: { n_transactions: number; total_ore: number }; transmission_end: { n_records: number } };
        expect(parsed.control).toEqual({ sections: 1, count: t.assignment_end.n_transactions, total: t.assignment_end.total_ore });
        expect(L.length).toBe(t.transmission_end.n_records);
      });
    }
  }
});

describe('Nets OCR giro: bad input stops at its line', () => {
  it('a truncated file', () => {
    expect(refusal(() => parseNetsOcr(latin1File(L.slice(0, -1)), NO_PAYEE))).toEqual({ code: 'file-truncated', line: String(L.length - 1) });
    expect(refusal(() => parseNetsOcr(latin1File([...L.slice(0, 10), L[L.length - 1]]), NO_PAYEE))).toEqual({ code: 'file-record-order', line: '11' });
  });
  it('a record of the wrong length (Nets writes exactly 80)', () => {
    expect(refusal(() => parseNetsOcr(edit(5, L[4].slice(0, 79)), NO_PAYEE))).toEqual({ code: 'file-record-length', line: '5' });
  });
  it('totals that do not add up', () => {
    const more = L[2].replace('000000000000102000', '000000000000102100');
    expect(refusal(() => parseNetsOcr(edit(3, more), NO_PAYEE))).toEqual({ code: 'file-sum-mismatch', line: String(L.length - 1) });
  });
  it('an unknown record type', () => {
    expect(refusal(() => parseNetsOcr(edit(5, L[4].slice(0, 6) + '77' + L[4].slice(8)), NO_PAYEE))).toEqual({ code: 'file-record-unknown', line: '5' });
    expect(refusal(() => parseNetsOcr(edit(5, 'XX' + L[4].slice(2)), NO_PAYEE))).toEqual({ code: 'file-record-unknown', line: '5' });
  });
  it('an AvtaleGiro claims file is not a payment file', () => {
    expect(refusal(() => parseNetsOcr(sample(AVTALEGIRO_CLAIMS_SAMPLE), NO_PAYEE))).toEqual({ code: 'file-layout', line: '2' });
  });
  it('no bank account in the settings to check against', () => {
    expect(refusal(() => parseNetsOcr(sample(NETS_SAMPLE), { ...NO_PAYEE, bankAccount: null }))).toEqual({ code: 'payee-not-set', line: '2' });
  });
  it('the wrong encoding', () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(L.join('\r\n'), 'utf16le')]));
    expect(refusal(() => parseNetsOcr(utf16, NO_PAYEE)).code).toBe('file-encoding');
  });
});
