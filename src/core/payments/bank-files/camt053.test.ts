import { describe, expect, it } from 'vitest';
import { vectorsOf } from '../../../shared/test-vectors';
import { writeCamt054 } from '../test-support/bank-file-writers';
import { parseCamt053 } from './camt053';
import { writeCamt053, type StatementEntry } from './camt053-writer';
import { refusal } from './refusal';
import type { PayeeSettings } from './types';

const IBAN = 'SE4550000000058398257466';
const PAYEE: PayeeSettings = { country: 'SE', currency: 'SEK', bankgiro: '54029681', bankAccount: null, iban: IBAN, today: '2026-03-01' };
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const lineOf = (s: string, needle: string, from = 0) => String(s.slice(0, s.indexOf(needle, from)).split('\n').length);

/** A day's statement: two member payments (OCR and RF), the association's own payment, a payment returned, one not yet booked. */
const DAY: StatementEntry[] = [
  { amount: 25000, reference: '1230', name: 'Åsa Ödegård', message: 'Medlemsavgift 2026' },
  { amount: 10250, reference: 'RF18 5390 0754 7034', name: 'Bo Berg' },
  { amount: 89900, direction: 'DBIT', name: 'Lokalhyra AB', message: 'Hyra mars' },
  { amount: 25000, direction: 'DBIT', reversal: true, name: 'Cecilia Ek', message: 'Returnerad betalning' },
  { amount: 30000, status: 'PDNG', reference: '4564', name: 'Dan Fors' },
];
const statement = (opts: Parameters<typeof writeCamt053>[3] = {}, entries = DAY) => writeCamt053({ iban: IBAN }, '2026-03-11', entries, opts);

describe('camt.053 statements', () => {
  it('takes the booked credits with their references, names and text; leaves out money out, the reversal and the pending entry, counted by why', () => {
    const parsed = parseCamt053(statement(), PAYEE);
    expect(parsed).toMatchObject({ format: 'camt053', payee: IBAN, currency: 'SEK', skipped: 3, leftOut: { outgoing: 1, reversals: 1, pending: 1 } });
    // The summary's credit entries (the pending one among them) were checked: 3, 652.50.
    expect(parsed.control).toEqual({ sections: 1, count: 3, total: 65250 });
    expect(parsed.transactions.map((t) => [t.kind, t.paidOn, t.amount, t.references.map((r) => r.reference), t.payerName, t.message, t.method])).toEqual([
      ['payment', '2026-03-11', 25000, ['1230'], 'Åsa Ödegård', 'Medlemsavgift 2026', 'bank'],
      ['payment', '2026-03-11', 10250, ['RF18539007547034'], 'Bo Berg', '', 'bank'],
    ]);
    // The line of each transaction's details, and the bank's transaction reference as the key (the same as a camt.054 of the same bank would carry).
    const s = text(statement());
    expect(parsed.transactions.map((t) => String(t.line))).toEqual([lineOf(s, '<TxDtls>'), lineOf(s, '<TxDtls>', s.indexOf('<TxDtls>') + 1)]);
    expect(parsed.transactions.map((t) => t.key)).toEqual(['camt:TX-2026-03-11-1#1', 'camt:TX-2026-03-11-2#1']);
  });

  it('reads versions 001.02, 001.04 and 001.08 alike (status as text or Sts/Cd, payer as Dbtr/Nm or Dbtr/Pty/Nm)', () => {
    const read = (version: '02' | '04' | '08') => {
      const p = parseCamt053(statement({ version }), PAYEE);
      return [p.transactions.map((t) => [t.amount, t.payerName, t.references[0].reference]), p.leftOut];
    };
    expect(text(statement({ version: '02' }))).toContain('camt.053.001.02');
    expect(text(statement({ version: '02' }))).toContain('<Sts>BOOK</Sts>');
    expect(text(statement({ version: '08' }))).toContain('<Sts><Cd>BOOK</Cd></Sts>');
    expect(read('02')).toEqual(read('08'));
    expect(read('04')).toEqual(read('08'));
    expect(read('02')[0]).toEqual([[25000, 'Åsa Ödegård', '1230'], [10250, 'Bo Berg', 'RF18539007547034']]);
  });

  it('a credit that undoes a debit (RvslInd on CRDT) is not a member paying either', () => {
    const parsed = parseCamt053(statement({}, [{ amount: 89900, reversal: true, name: 'Lokalhyra AB' }, { amount: 25000, reference: '1230' }]), PAYEE);
    expect(parsed.transactions.map((t) => t.amount)).toEqual([25000]);
    expect(parsed.leftOut).toEqual({ outgoing: 0, reversals: 1, pending: 0 });
  });

  it('a statement with only money out gives no payments, and one without a summary is read unchecked by it', () => {
    const out = parseCamt053(statement({}, [{ amount: 500, direction: 'DBIT', message: 'Avgift' }]), PAYEE);
    expect([out.transactions.length, out.skipped, out.control]).toEqual([0, 1, { sections: 1, count: 0, total: 0 }]);
    expect(parseCamt053(statement({ summary: false }), PAYEE).transactions).toHaveLength(2);
  });

  it('the account as IBAN or as the bank account number (Othr/Id), in Norway the account inside the IBAN', () => {
    const no: PayeeSettings = { country: 'NO', currency: 'NOK', bankgiro: null, bankAccount: '12345678903', iban: null, today: '2026-03-01' };
    const entries: StatementEntry[] = [{ amount: 25000, reference: '0000531' }];
    expect(parseCamt053(writeCamt053({ other: '1234.56.78903' }, '2026-03-11', entries, { currency: 'NOK' }), no).payee).toBe('12345678903');
    expect(parseCamt053(writeCamt053({ iban: 'NO7112345678903' }, '2026-03-11', entries, { currency: 'NOK' }), no).transactions).toHaveLength(1);
  });
});

describe('vectors 6_iso11649_rf_and_camt (camt.053 paths)', () => {
  for (const v of vectorsOf('6_iso11649_rf_and_camt')) {
    if (!('camt_xpath_structured_ref' in v.input)) continue;
    const e = v.expected as Record<string, string>;
    it('reads the entry under BkToCstmrStmt/Stmt, the reference, and the booked status as Sts/Cd (001.08), where the vector says', () => {
      expect(e.entry).toContain('camt.053: Document/BkToCstmrStmt/Stmt/Ntry');
      expect(e.booked).toContain('camt.053.001.08+: Sts/Cd');
      const ref = e.ref.replace(/^Ntry\//, '').split('/');
      const open = ref.map((p) => `<${p}>`).join('');
      const close = [...ref].reverse().map((p) => `</${p}>`).join('');
      const xml = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr><Stmt><Id>1</Id>
        <Ntry><Amt Ccy="SEK">250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-11</Dt></BookgDt>
        ${open}RF471234567890${close}</Ntry></Stmt></BkToCstmrStmt></Document>`;
      const [tx] = parseCamt053(bytes(xml), PAYEE).transactions;
      expect(tx).toMatchObject({ amount: 25000, currency: 'SEK', references: [{ reference: 'RF471234567890', amount: null }] });
      // The same entry not booked (Sts/Cd PDNG) is left out.
      expect(parseCamt053(bytes(xml.replace('<Cd>BOOK</Cd>', '<Cd>PDNG</Cd>')), PAYEE).leftOut.pending).toBe(1);
    });
  }
});

describe('camt.053: bad input stops at its line, nothing read', () => {
  const s = text(statement());
  const refused = (xml: string) => refusal(() => parseCamt053(bytes(xml), PAYEE));

  it('another account: file-other-payee at Acct, naming it', () => {
    const other = writeCamt053({ iban: 'SE3550000000054910000003' }, '2026-03-11', DAY);
    expect(refusal(() => parseCamt053(other, PAYEE))).toEqual({ code: 'file-other-payee', line: lineOf(s, '<Acct>') });
    try {
      parseCamt053(other, PAYEE);
    } catch (e) {
      expect((e as { details: { payee: string } }).details.payee).toBe('SE3550000000054910000003');
    }
  });

  it('a summary that does not add up: credit sum or count, debit sum, count of all entries', () => {
    expect(refused(s.replace('<Sum>652.50<', '<Sum>652.40<'))).toEqual({ code: 'file-sum-mismatch', line: lineOf(s, '<TtlCdtNtries>') });
    expect(refused(s.replace(/<TtlCdtNtries><NbOfNtries>3</, '<TtlCdtNtries><NbOfNtries>2<'))).toEqual({ code: 'file-count-mismatch', line: lineOf(s, '<TtlCdtNtries>') });
    expect(refused(s.replace('<Sum>1149.00<', '<Sum>899.00<'))).toEqual({ code: 'file-sum-mismatch', line: lineOf(s, '<TtlDbtNtries>') });
    expect(refused(s.replace(/<TtlNtries><NbOfNtries>5</, '<TtlNtries><NbOfNtries>6<'))).toEqual({ code: 'file-count-mismatch', line: lineOf(s, '<TtlNtries>') });
    // An entry dropped from the file (here the second payment) is caught by the summary.
    const start = s.indexOf('<Ntry>', s.indexOf('<Ntry>') + 1);
    const cut = s.slice(0, start) + s.slice(s.indexOf('</Ntry>', start) + '</Ntry>'.length);
    expect(refused(cut).code).toBe('file-count-mismatch');
  });

  it('a DOCTYPE (entities are never expanded), an undeclared entity, a truncated file', () => {
    expect(refused(s.replace('<Document', '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Document'))).toEqual({ code: 'file-xml', line: '2' });
    expect(refused(s.replace('Medlemsavgift 2026', '&x;')).code).toBe('file-xml');
    expect(refused(s.slice(0, s.indexOf('</Stmt>'))).code).toBe('file-xml');
  });

  it('garbage: not XML, binary, empty, XML of another kind, a notification, a statement without Stmt', () => {
    expect(refused('this is not a bank file\n<<>>').code).toBe('file-xml');
    expect(refusal(() => parseCamt053(new Uint8Array([0x3c, 0x00, 0x01, 0x02, 0xff, 0x00, 0x07, 0x3e]), PAYEE)).code).toBe('file-encoding');
    expect(refusal(() => parseCamt053(new Uint8Array(0), PAYEE)).code).toBe('file-empty');
    expect(refused('<?xml version="1.0"?>\n<Document><CstmrCdtTrfInitn/></Document>')).toEqual({ code: 'file-layout', line: '2' });
    expect(refusal(() => parseCamt053(writeCamt054({ iban: IBAN }, '2026-03-11', [{ reference: '1230', amount: 25000 }]), PAYEE)).code).toBe('file-layout');
    expect(refused(s.replace(/<Stmt>[\s\S]*<\/Stmt>/, ''))).toEqual({ code: 'file-layout', line: lineOf(s, '<BkToCstmrStmt>') });
  });

  it('an amount or credit/debit indicator that is not one, a booked credit without a date', () => {
    expect(refused(s.replace('>250.00<', '>250,00<'))).toEqual({ code: 'file-field', line: lineOf(s, '>250.00<') });
    // The first entry's indicator (the balances before it have one too).
    const entry = s.indexOf('<Ntry>');
    const noDirection = s.slice(0, entry) + s.slice(entry).replace('<CdtDbtInd>CRDT</CdtDbtInd>', '<CdtDbtInd>IN</CdtDbtInd>');
    expect(refused(noDirection)).toEqual({ code: 'file-field', line: lineOf(s, '<Ntry>') });
    const undated = s.replace('<BookgDt><Dt>2026-03-11</Dt></BookgDt>', '').replace('<ValDt><Dt>2026-03-11</Dt></ValDt>', '');
    expect(refused(undated)).toEqual({ code: 'file-field', line: lineOf(s, '<Ntry>') });
  });
});
