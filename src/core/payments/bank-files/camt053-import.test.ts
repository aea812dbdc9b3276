import { afterEach, describe, expect, it } from 'vitest';
import { writeCamt054 } from '../test-support/bank-file-writers';
import { paymentsTest, type PaymentsTest } from '../test-support/fixture';
import { writeCamt053, type StatementEntry } from './camt053-writer';

/** Through the contract: a camt.053 statement previewed, imported, matched to the app's own invoices, undone. */
const IBAN = 'SE4550000000058398257466';
let p: PaymentsTest;
afterEach(() => p?.t.dispose());

async function register(): Promise<PaymentsTest> {
  const t = await paymentsTest('SE');
  await t.call('dues.saveSettings', { associationName: 'Föreningen Ödegård', bankgiro: '5402-9681', referenceKind: 'ocr', ocrLevel: 'variable', iban: IBAN });
  return t;
}

const statusOf = async (invoiceId: number) => (await p.call('dues.invoice', { id: invoiceId })).status;

describe('payments: a camt.053 statement', () => {
  it('books the booked credits by OCR reference, sends the unknown one to review, leaves out money out, the reversal and the pending entry; undo takes it back', async () => {
    p = await register();
    const [a, b, c, d] = p.invoices;
    const entries: StatementEntry[] = [
      { amount: 25000, reference: a.reference, name: 'Åsa Ödegård' },
      { amount: 30000, reference: b.reference, name: 'Bo Berg' }, // 50 kr too much: the member's credit
      { amount: 25000, name: 'Cecilia Ek', message: 'Medlemsavgift' },
      { amount: 89900, direction: 'DBIT', name: 'Lokalhyra AB' },
      { amount: 25000, direction: 'DBIT', reversal: true, name: 'Erik Gran', message: 'Retur' },
      { amount: 25000, status: 'PDNG', reference: d.reference, name: 'Dan Fors' },
    ];
    const path = await p.put('kontoutdrag 2026-03-11.xml', writeCamt053({ iban: IBAN }, '2026-03-11', entries, { version: '02' }));
    expect(await p.call('payments.inspect', { path })).toEqual({ fileName: 'kontoutdrag 2026-03-11.xml', format: 'camt053', csv: null });

    const preview = await p.call('payments.preview', { path });
    expect(preview).toMatchObject({
      format: 'camt053', payee: IBAN, currency: 'SEK', alreadyImported: null,
      control: { sections: 1, count: 4, total: 105000 },
      skipped: 3, leftOut: { outgoing: 1, reversals: 1, pending: 1 },
      all: { count: 3, amount: 80000 }, matched: { count: 2, amount: 55000 }, review: { count: 1, amount: 25000 }, credit: 5000,
    });
    expect(await statusOf(a.id)).toBe('open'); // a preview books nothing

    const imported = await p.call('payments.import', { path, hash: preview.hash });
    expect(imported).toMatchObject({ format: 'camt053', fileName: 'kontoutdrag 2026-03-11.xml', payee: IBAN, matched: { count: 2 }, review: { count: 1 }, credit: 5000 });
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(c.id), await statusOf(d.id)]).toEqual(['paid', 'paid', 'open', 'open']);
    expect((await p.call('dues.account', { memberId: b.member.memberId })).balance).toBe(-5000);
    const [item] = await p.call('payments.review', {});
    expect(item).toMatchObject({ payerName: 'Cecilia Ek' });
    expect(item.suggestions[0]).toMatchObject({ invoiceId: c.id, reasons: ['name', 'amount'] });
    expect((await p.call('payments.imports', {})).map((i) => i.format)).toEqual(['camt053']);

    // The next day's statement has Dan's payment booked: it is matched then.
    const next = await p.put('kontoutdrag 2026-03-12.xml', writeCamt053({ iban: IBAN }, '2026-03-12', [{ amount: 25000, reference: d.reference, name: 'Dan Fors' }]));
    expect((await p.call('payments.import', { path: next })).matched.count).toBe(1);
    expect(await statusOf(d.id)).toBe('paid');

    const undone = await p.call('payments.undoImport', { importId: imported.id });
    expect(undone.undoneAt).not.toBeNull();
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(d.id)]).toEqual(['open', 'open', 'paid']);
  });

  it('a payment read from the day’s camt.054 is recognised in the statement and not booked twice', async () => {
    p = await register();
    const [a, b] = p.invoices;
    await p.call('payments.import', { path: await p.put('avisering.xml', writeCamt054({ iban: IBAN }, '2026-03-11', [{ reference: a.reference, amount: 25000 }])) });
    expect(await statusOf(a.id)).toBe('paid');
    const path = await p.put('kontoutdrag.xml', writeCamt053({ iban: IBAN }, '2026-03-11', [{ amount: 25000, reference: a.reference }, { amount: 25000, reference: b.reference }]));
    const preview = await p.call('payments.preview', { path });
    expect([preview.matched.count, preview.duplicates.count]).toEqual([1, 1]);
    expect(preview.rows.find((r) => r.status === 'duplicate')).toMatchObject({ references: [a.reference], duplicateReason: 'imported' });
    await p.call('payments.import', { path });
    expect((await p.call('dues.invoice', { id: a.id })).payments).toHaveLength(1);
    expect(await statusOf(b.id)).toBe('paid');
  });

  it('a statement of another account or whose summary does not add up is refused with its line, nothing imported', async () => {
    p = await register();
    const [a] = p.invoices;
    const entries: StatementEntry[] = [{ amount: 25000, reference: a.reference }];
    const other = await p.put('annat.xml', writeCamt053({ iban: 'SE3550000000054910000003' }, '2026-03-11', entries));
    const text = Buffer.from(writeCamt053({ iban: IBAN }, '2026-03-11', entries)).toString('utf8');
    const sum = await p.put('summa.xml', text.replace(/(<TtlCdtNtries><NbOfNtries>1<\/NbOfNtries><Sum>)250.00/, '$1260.00'));
    const lineOf = (needle: string) => String(text.slice(0, text.indexOf(needle)).split('\n').length);
    for (const [file, code, line] of [[other, 'file-other-payee', lineOf('<Acct>')], [sum, 'file-sum-mismatch', lineOf('<TtlCdtNtries>')]]) {
      const r = await p.result('payments.import', { path: file });
      expect(r.ok ? 'ok' : [r.error.details?.fields?.[0]?.code, r.error.details?.line]).toEqual([code, line]);
    }
    expect(await p.call('payments.imports', {})).toEqual([]);
    expect(await statusOf(a.id)).toBe('open');
  });
});
