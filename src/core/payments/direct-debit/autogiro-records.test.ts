import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cancelMandateRecord, newMandateRecord, openingRecord, paymentOrderRecord, readMandateAdvice } from './autogiro-records';
import { RECORD_LENGTH } from './file-lines';

interface Vector {
  input: Record<string, string>;
  expected: unknown;
}
const vectors = (JSON.parse(readFileSync('/work/shared/reference/vectors.json', 'utf8')) as Record<string, Vector[]>)['3_autogiro'];
const byTk = (tk: string) => vectors.filter((v) => v.input.line?.startsWith(tk));
const fieldsOf = (v: Vector) => (v.expected as { fields: Record<string, string> }).fields;
const asLine = (text: string) => ({ no: 1, text: text.padEnd(RECORD_LENGTH, ' ') });

describe('Autogiro records against the reference vectors', () => {
  it('writes the opening record as the writer vector, blank-padded to 80 (positions 79–80 are reserved)', () => {
    const v = vectors.find((x) => x.input.write === 'opening')!;
    const line = openingRecord(v.input.date, v.input.bgc_customer_no, v.input.payee_bg.replace('-', ''));
    expect(line).toBe((v.expected as string).padEnd(80, ' '));
    expect(line).toHaveLength(80);
    // The parsed opening vector, written back from its fields.
    const parsed = vectors.find((x) => x.input.line?.startsWith('01'))!;
    const f = fieldsOf(parsed);
    expect(openingRecord(f.date, f.bgc_customer_no, f.payee_bg)).toBe(parsed.input.line.padEnd(80, ' '));
  });

  it('writes TK03 cancellations as the vectors (blank-padded to 80)', () => {
    const w = vectors.find((x) => x.input.write === 'TK03 delete mandate')!;
    expect(cancelMandateRecord(w.input.payee_bg.replace('-', ''), w.input.payer_no).trimEnd()).toBe(w.expected);
    for (const v of byTk('03')) {
      const f = fieldsOf(v);
      expect(cancelMandateRecord(f.payee_bg, f.payer_no)).toBe(v.input.line.padEnd(80, ' '));
    }
  });

  it('writes TK04 new mandates, paper (account + id) and digital (payer number only), as the vectors', () => {
    const plain = byTk('04').filter((v) => !fieldsOf(v).reject_AV);
    expect(plain).toHaveLength(3);
    for (const v of plain) {
      const f = fieldsOf(v);
      expect(newMandateRecord(f.payee_bg, f.payer_no, f.account || null, f.id_no || null)).toBe(v.input.line.padEnd(80, ' '));
    }
  });

  it('writes one-off TK82 payment orders as the vector, the reference left-aligned', () => {
    const once = byTk('82').filter((v) => fieldsOf(v).interval === '0' && fieldsOf(v).date_or_GENAST !== 'GENAST  ');
    expect(once).toHaveLength(1);
    for (const v of once) {
      const f = fieldsOf(v);
      const d = f.date_or_GENAST;
      const line = paymentOrderRecord({
        date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`,
        payerNumber: f.payer_no,
        amount: Number(f.amount_ore),
        bankgiro: f.payee_bg,
        reference: f.reference,
      });
      expect(line).toBe(v.input.line.padEnd(80, ' '));
    }
  });

  it('reads TK73 mandate advice records (new and old layout) as the vectors', () => {
    const advice = byTk('73');
    expect(advice).toHaveLength(2);
    for (const v of advice) {
      const f = fieldsOf(v);
      const r = readMandateAdvice(asLine(v.input.line));
      expect(r).toMatchObject({
        bankgiro: f.payee_bg,
        payerNumber: String(Number(f.payer_no)),
        account: f.account,
        idNumber: f.id_no,
        info: f.info_code,
        status: f.status_code,
        date: `${f.date.slice(0, 4)}-${f.date.slice(4, 6)}-${f.date.slice(6)}`,
      });
    }
  });

  it('never writes a record longer than 80 or a number that does not fit its field', () => {
    expect(() => paymentOrderRecord({ date: '2026-02-28', payerNumber: '1', amount: 1, bankgiro: '1', reference: 'x'.repeat(17) })).toThrow(RangeError);
    expect(() => paymentOrderRecord({ date: '2026-02-28', payerNumber: '1', amount: 10 ** 12, bankgiro: '1', reference: '' })).toThrow(RangeError);
    expect(() => cancelMandateRecord('1', '1'.repeat(17))).toThrow(RangeError);
  });
});
