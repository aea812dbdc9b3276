import { describe, expect, it } from 'vitest';
import { vectorsOf } from '../../../shared/test-vectors';
import { writeCamt054 } from '../test-support/bank-file-writers';
import { parseCamt054 } from './camt054';
import { refusal } from './refusal';
import type { PayeeSettings } from './types';

const IBAN = 'NO7112345678903';
const PAYEE: PayeeSettings = { country: 'NO', currency: 'NOK', bankgiro: null, bankAccount: '12345678903', iban: IBAN, today: '2026-03-01' };
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const lineOf = (s: string, needle: string) => String(s.slice(0, s.indexOf(needle)).split('\n').length);

const file = (opts: Parameters<typeof writeCamt054>[3] = {}) =>
  writeCamt054({ iban: IBAN }, '2026-03-11', [
    { reference: 'RF18 5390 0754 7034', amount: 25000, name: 'Åsa Ödegård', message: 'Kontingent 2026' },
    { reference: '0000531', amount: 10250 },
  ], { currency: 'NOK', ...opts });

describe('camt.054 credit notifications', () => {
  it('takes booked credit entries with the structured reference (RF compacted, KID as written), name and text', () => {
    const parsed = parseCamt054(file({ debit: 500 }), PAYEE);
    expect(parsed).toMatchObject({ format: 'camt054', payee: IBAN, control: { sections: 1, count: 2, total: 35250 }, skipped: 1 });
    expect(parsed.transactions.map((t) => [t.paidOn, t.amount, t.references[0].reference, t.payerName, t.message])).toEqual([
      ['2026-03-11', 25000, 'RF18539007547034', 'Åsa Ödegård', 'Kontingent 2026'],
      ['2026-03-11', 10250, '0000531', null, ''],
    ]);
    expect(parsed.transactions[0].key).toBe('camt:TX-2026-03-11-1#1');
  });

  it('leaves pending entries out (the bank may still cancel them)', () => {
    const s = text(file()).replace('<Sts><Cd>BOOK</Cd></Sts>', '<Sts><Cd>PDNG</Cd></Sts>');
    const parsed = parseCamt054(bytes(s), PAYEE);
    expect([parsed.transactions.length, parsed.skipped]).toEqual([1, 1]);
  });

  it('accepts a file without a summary, and any account when the register has none to compare', () => {
    expect(parseCamt054(file({ summary: false }), PAYEE).transactions).toHaveLength(2);
    expect(parseCamt054(file(), { ...PAYEE, iban: null, bankAccount: null }).payee).toBe(IBAN);
  });
});

describe('vectors 6_iso11649_rf_and_camt (camt paths)', () => {
  for (const v of vectorsOf('6_iso11649_rf_and_camt')) {
    if (!('camt_xpath_structured_ref' in v.input)) continue;
    const e = v.expected as Record<string, string>;
    it('reads the entry, reference, amount and credit indicator where the vector says', () => {
      // Built from the vector's paths, the camt.054 way (Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry).
      expect(e.entry).toContain('Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry');
      const ref = e.ref.replace(/^Ntry\//, '').split('/');
      const open = ref.map((p) => `<${p}>`).join('');
      const close = [...ref].reverse().map((p) => `</${p}>`).join('');
      const xml = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>1</MsgId></GrpHdr><Ntfctn><Id>1</Id>
        <Ntry><Amt Ccy="NOK">250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-11</Dt></BookgDt>
        ${open}RF471234567890${close}</Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
      // The vector's path puts Ref directly under TxDtls/RmtInf/Strd/CdtrRefInf; its amount path allows Ntry/Amt.
      const [tx] = parseCamt054(bytes(xml), PAYEE).transactions;
      expect(e.credit).toBe('Ntry/CdtDbtInd = CRDT');
      expect(e.booked).toContain('Sts = BOOK');
      expect(tx).toMatchObject({ amount: 25000, currency: 'NOK', references: [{ reference: 'RF471234567890', amount: null }] });
    });
  }
});

describe('camt.054: bad input stops at its line', () => {
  const s = text(file());
  it('malformed XML, a DOCTYPE (entities are never expanded), a truncated file', () => {
    expect(refusal(() => parseCamt054(bytes(s.replace('</Amt>', '</Amount>')), PAYEE)).code).toBe('file-xml');
    const evil = s.replace('<Document', '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Document');
    expect(refusal(() => parseCamt054(bytes(evil), PAYEE))).toEqual({ code: 'file-xml', line: '2' });
    const entity = s.replace('Kontingent 2026', '&x;');
    expect(refusal(() => parseCamt054(bytes(entity), PAYEE)).code).toBe('file-xml');
    const cut = s.slice(0, s.indexOf('</Ntfctn>'));
    expect(refusal(() => parseCamt054(bytes(cut), PAYEE)).code).toBe('file-xml');
  });
  it('another account', () => {
    expect(refusal(() => parseCamt054(file(), { ...PAYEE, iban: 'NO9386011117947', bankAccount: '86011117947' }))).toEqual({ code: 'file-other-payee', line: lineOf(s, '<Acct>') });
  });
  it('a summary whose count or sum does not add up', () => {
    expect(refusal(() => parseCamt054(bytes(s.replace('<NbOfNtries>2<', '<NbOfNtries>3<')), PAYEE))).toEqual({ code: 'file-count-mismatch', line: lineOf(s, '<TxsSummry>') });
    expect(refusal(() => parseCamt054(bytes(s.replace('<Sum>352.50<', '<Sum>352.40<')), PAYEE))).toEqual({ code: 'file-sum-mismatch', line: lineOf(s, '<TxsSummry>') });
  });
  it('an amount that is not one, another message (camt.053 / pain), the wrong encoding', () => {
    expect(refusal(() => parseCamt054(bytes(s.replace('>250.00<', '>250,00<')), PAYEE))).toEqual({ code: 'file-field', line: lineOf(s, '>250.00<') });
    expect(refusal(() => parseCamt054(bytes(s.replace(/BkToCstmrDbtCdtNtfctn/g, 'BkToCstmrStmt')), PAYEE)).code).toBe('file-layout');
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
    expect(refusal(() => parseCamt054(utf16, PAYEE)).code).toBe('file-encoding');
  });
});
