import { describe, expect, it } from 'vitest';
import { vectorsOf } from '../../../shared/test-vectors';
import { parseBgMax } from './bgmax';
import { refusal } from './refusal';
import { BGMAX_SAMPLE, latin1File, linesOf, sample, SE_PAYEE } from './test-files';

const sampleLines = () => linesOf(sample(BGMAX_SAMPLE));
const withLines = (lines: string[]) => new Uint8Array(Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'));

describe('BgMax: Bankgirot example file', () => {
  const parsed = parseBgMax(sample(BGMAX_SAMPLE), SE_PAYEE);

  it('checks the deposits and trailer and gives every payment and deduction', () => {
    expect(parsed.control).toEqual({ sections: 3, count: 9, total: 190000 + 800000 });
    expect(parsed.transactions).toHaveLength(9);
    expect(parsed.transactions.filter((t) => t.kind === 'deduction')).toHaveLength(1);
    expect(parsed.transactions.every((t) => t.paidOn === '2004-05-25')).toBe(true);
  });

  it('reads references, names (Latin-1 letters intact), messages and extra references', () => {
    const [first, deduction, several] = parsed.transactions;
    expect(first).toMatchObject({ line: 3, amount: 100000, currency: 'SEK', references: [{ reference: '655969', amount: null }], payerName: 'Kalles Plåt AB', method: 'bankgiro' });
    expect(deduction).toMatchObject({ kind: 'deduction', amount: -50000, references: [{ reference: '89853', amount: null }] });
    // Reference code 3 (several) in TK20, then TK22 records (one of them padded with tabs).
    expect(several.references.map((r) => r.reference)).toEqual(['657866', '658765', '657767', '657965']);
    expect(several.message).toBe('Betalning med extra refnr 657965');
    const eur = parsed.transactions.filter((t) => t.currency === 'EUR');
    expect(eur.map((t) => t.amount)).toEqual([300000, 100000]);
    expect(eur[0].references.map((r) => r.reference)).toEqual(['801266', '801365', '801464']);
  });

  it('keys transactions by payee, date and BGC serial, unique in the file', () => {
    expect(parsed.transactions[0].key).toBe('bgmax:9912346:2004-05-25:000000000010#1');
    expect(new Set(parsed.transactions.map((t) => t.key)).size).toBe(9);
  });

  it('reads the same file in ISO-8859-1 (as Bankgirot sends it) the same way', () => {
    const latin = latin1File(sampleLines());
    expect(parseBgMax(latin, SE_PAYEE).transactions).toEqual(parsed.transactions);
  });
});

describe('vectors 2_bgmax', () => {
  for (const v of vectorsOf('2_bgmax')) {
    const i = v.input;
    const e = v.expected as Record<string, unknown>;
    if ('line' in i && e.tk === '20' && 'amount_sek' in e) {
      it(`payment record ${String(i.line).slice(0, 30)}…`, () => {
        // One payment in a minimal file around the vector's record.
        const amount = Math.round(Number(e.amount_sek) * 100);
        const file = latin1File([
          '01BGMAX               0120040525173035010331P',
          '050009912346          SEK',
          String(i.line),
          `15${'0'.repeat(35)}20040525${'00001'}${String(amount).padStart(18, '0')}SEK00000001`,
          '7000000001000000000000000000000001',
        ]);
        const [tx] = parseBgMax(file, SE_PAYEE).transactions;
        expect(tx.amount).toBe(amount);
        expect(tx.references.map((r) => r.reference)).toEqual([e.reference]);
        expect(tx.method).toBe(String(e.channel).startsWith('4') ? 'autogiro' : 'bankgiro');
      });
    } else if ('line' in i) {
      it(`record ${e.tk} fields by column`, () => {
        const line = String(i.line).padEnd(80, ' ');
        const col = (from: number, to: number) => line.slice(from - 1, to);
        const f = e.fields as Record<string, string>;
        const positions: Record<string, [number, number]> = {
          layout: [3, 22], version: [23, 24], timestamp: [25, 44], testmark: [45, 45],
          payee_bg: [3, 12], payee_pg: [13, 22], currency: e.tk === '15' ? [69, 71] : [23, 25],
          payer_bg: [3, 12], reference: [13, 37], amount_ore: [38, 55], ref_code: [56, 56], channel: [57, 57],
          bgc_serial: [58, 69], image_mark: [70, 70], deduction_code: [71, 71],
          info_text: [3, 52], payer_name: [3, 37], extra_name: [38, 72], payer_address: [3, 37], payer_postcode: [38, 46],
          payer_city: [3, 37], payer_country: [38, 72], payer_country_code: [73, 74], payer_orgnr: [3, 14],
          payee_account: [3, 37], payment_date: [38, 45], deposit_serial: [46, 50], deposit_amount_ore: [51, 68],
          payment_count: [72, 79], deposit_type: [80, 80],
          n_payment: [3, 10], n_deduction: [11, 18], n_extra_ref: [19, 26], n_deposit: [27, 34],
        };
        for (const [name, value] of Object.entries(f)) expect(col(...positions[name]), name).toBe(value);
        expect(line.slice(0, 2)).toBe(e.tk);
      });
    } else {
      it('section reconciliation of the example file', () => {
        const parsed = parseBgMax(sample(BGMAX_SAMPLE), SE_PAYEE);
        const sections = (e.sections as { deposit: string; count: number }[]);
        expect(parsed.control?.sections).toBe(sections.length);
        expect(parsed.control?.count).toBe(sections.reduce((n, s) => n + s.count, 0));
        const sek = sections.filter((s) => !s.deposit.includes('EUR')).reduce((n, s) => n + Math.round(Number(s.deposit) * 100), 0);
        expect(parsed.control?.total).toBe(sek);
      });
    }
  }
});

describe('BgMax: bad input stops at its line, nothing read', () => {
  const L = sampleLines();
  const edit = (no: number, text: string) => withLines(L.map((l, i) => (i + 1 === no ? text : l)));

  it('a truncated file (no trailer, or a deposit never closed)', () => {
    expect(refusal(() => parseBgMax(withLines(L.slice(0, -1)), SE_PAYEE))).toEqual({ code: 'file-truncated', line: String(L.length - 1) });
    expect(refusal(() => parseBgMax(withLines(L.slice(0, 20)), SE_PAYEE))).toEqual({ code: 'file-truncated', line: '20' });
  });
  it('a record longer than 80 characters', () => {
    expect(refusal(() => parseBgMax(edit(4, L[3].padEnd(81, 'x')), SE_PAYEE))).toEqual({ code: 'file-record-length', line: '4' });
  });
  it('a file for another bankgiro', () => {
    expect(refusal(() => parseBgMax(sample(BGMAX_SAMPLE), { ...SE_PAYEE, bankgiro: '54029681' }))).toEqual({ code: 'file-other-payee', line: '2' });
    expect(refusal(() => parseBgMax(sample(BGMAX_SAMPLE), { ...SE_PAYEE, bankgiro: null }))).toEqual({ code: 'payee-not-set', line: '1' });
  });
  it('a deposit whose sum or count does not add up', () => {
    expect(refusal(() => parseBgMax(edit(3, L[2].replace('000000000000100000', '000000000000100100')), SE_PAYEE))).toEqual({ code: 'file-sum-mismatch', line: '23' });
    expect(refusal(() => parseBgMax(edit(23, L[22].replace('SEK00000003', 'SEK00000004')), SE_PAYEE))).toEqual({ code: 'file-count-mismatch', line: '23' });
  });
  it('a trailer whose counts do not add up', () => {
    expect(refusal(() => parseBgMax(edit(L.length, '7000000009000000010000000900000003'), SE_PAYEE))).toEqual({ code: 'file-count-mismatch', line: String(L.length) });
  });
  it('an unknown record type', () => {
    expect(refusal(() => parseBgMax(edit(7, '99' + L[6].slice(2)), SE_PAYEE))).toEqual({ code: 'file-record-unknown', line: '7' });
  });
  it('letters in an amount, and records out of order', () => {
    expect(refusal(() => parseBgMax(edit(3, L[2].slice(0, 40) + 'ABC' + L[2].slice(43)), SE_PAYEE))).toEqual({ code: 'file-field', line: '3' });
    expect(refusal(() => parseBgMax(withLines([L[0], L[2], ...L.slice(3)]), SE_PAYEE))).toEqual({ code: 'file-record-order', line: '2' });
  });
  it('the wrong encoding: UTF-16, or binary bytes', () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(L.join('\r\n'), 'utf16le')]));
    expect(refusal(() => parseBgMax(utf16, SE_PAYEE)).code).toBe('file-encoding');
    const binary = withLines(L.map((l, i) => (i === 4 ? l.slice(0, 10) + '\u0000\u0001' + l.slice(12) : l)));
    expect(refusal(() => parseBgMax(binary, SE_PAYEE))).toEqual({ code: 'file-encoding', line: '5' });
  });
  it('not a BgMax file, a test file, an empty file', () => {
    expect(refusal(() => parseBgMax(withLines(['hello']), SE_PAYEE))).toEqual({ code: 'file-layout', line: '1' });
    expect(refusal(() => parseBgMax(edit(1, L[0].replace('010331P', '010331T')), SE_PAYEE))).toEqual({ code: 'file-test', line: '1' });
    expect(refusal(() => parseBgMax(new Uint8Array(), SE_PAYEE))).toEqual({ code: 'file-empty', line: '1' });
  });
});
