import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes } from '../../test-support';
import { writeBgMax, writeCamt054, writeNetsOcr } from '../test-support/bank-file-writers';
import { NO_ACCOUNT, NO_IBAN, paymentsTest, SE_BANKGIRO, type PaymentsTest } from '../test-support/fixture';

let p: PaymentsTest;
afterEach(() => p?.t.dispose());

const statusOf = async (p: PaymentsTest, invoiceId: number) => (await p.call('dues.invoice', { id: invoiceId })).status;

describe('round trip: invoices the app made → bank file → import → paid', () => {
  it('BgMax: paid by OCR reference, one over-payment kept as credit, one unknown to review', async () => {
    p = await paymentsTest('SE');
    const [a, b, c] = p.invoices;
    const path = await p.put('bgmax.txt', writeBgMax(SE_BANKGIRO, '2026-03-10', [
      { reference: a.reference, amount: 25000, name: 'Åsa Ödegård' },
      { reference: b.reference, amount: 30000, name: 'Bo Berg' },
      { reference: null, amount: 25000, name: 'Cecilia Ek', message: 'Avgift' },
    ]));
    const preview = await p.call('payments.preview', { path });
    expect(preview).toMatchObject({ format: 'bgmax', payee: SE_BANKGIRO, control: { sections: 1, count: 3, total: 80000 }, alreadyImported: null });
    expect([preview.matched.count, preview.review.count, preview.duplicates.count, preview.credit]).toEqual([2, 1, 0, 5000]);
    expect(preview.rows[0]).toMatchObject({ status: 'review', payerName: 'Cecilia Ek', line: 7 });
    // A preview books nothing.
    expect(await statusOf(p, a.id)).toBe('open');

    const imported = await p.call('payments.import', { path, hash: preview.hash });
    expect(imported).toMatchObject({ format: 'bgmax', all: { count: 3, amount: 80000 }, matched: { count: 2 }, review: { count: 1 }, credit: 5000, undoBlocked: null });
    expect(await statusOf(p, a.id)).toBe('paid');
    expect(await statusOf(p, b.id)).toBe('paid');
    expect(await statusOf(p, c.id)).toBe('open');
    const account = await p.call('dues.account', { memberId: b.member.memberId });
    expect(account.balance).toBe(-5000); // the 50 kr paid too much is the member's credit
    expect(account.payments.map((x) => [x.invoiceNumber, x.amount, x.method])).toEqual(expect.arrayContaining([[b.number, 25000, 'bankgiro'], [null, 5000, 'bankgiro']]));

    // Review: the unmatched payment with its suggestion (name; amount = what Cecilia owes).
    const [item] = await p.call('payments.review', {});
    expect(item.suggestions[0]).toMatchObject({ invoiceId: c.id, reasons: ['name', 'amount'] });
    const assigned = await p.call('payments.assign', { itemId: item.id, invoiceId: c.id });
    expect(assigned).toMatchObject({ status: 'assigned', allocations: [{ invoiceId: c.id, amount: 25000 }] });
    expect(await statusOf(p, c.id)).toBe('paid');
    expect(await p.call('payments.review', {})).toEqual([]);
  });

  it('Nets OCR giro: paid by KID', async () => {
    p = await paymentsTest('NO');
    const [a, b] = p.invoices;
    expect(a.referenceKind).toBe('kid');
    const path = await p.put('ocr.txt', writeNetsOcr(NO_ACCOUNT, '2026-03-10', [
      { reference: a.reference, amount: 25000, message: 'Kontingent' },
      { reference: b.reference, amount: 10000 },
    ]));
    const r = await p.call('payments.import', { path });
    expect(r).toMatchObject({ format: 'nets-ocr', matched: { count: 2, amount: 35000 }, review: { count: 0 } });
    expect(await statusOf(p, a.id)).toBe('paid');
    expect(await statusOf(p, b.id)).toBe('partlyPaid');
  });

  it('camt.054: paid by the structured reference (KID here; RF and OCR alike)', async () => {
    p = await paymentsTest('NO');
    const [a, b] = p.invoices;
    const path = await p.put('camt.xml', writeCamt054({ iban: NO_IBAN }, '2026-03-11', [
      { reference: a.reference, amount: 25000, name: 'Åsa Ödegård' },
      { reference: 'RF18539007547034', amount: 25000, name: 'Bo Berg' },
    ], { currency: 'NOK', debit: 9900 }));
    const preview = await p.call('payments.preview', { path });
    expect(preview).toMatchObject({ format: 'camt054', payee: NO_IBAN, control: { count: 2, total: 50000 }, skipped: 1, matched: { count: 1 }, review: { count: 1 } });
    await p.call('payments.import', { path });
    expect(await statusOf(p, a.id)).toBe('paid');
    const [item] = await p.call('payments.review', {});
    expect(item.suggestions[0]).toMatchObject({ invoiceId: b.id, reasons: ['name', 'amount'] });
  });

  it('RF references in a Swedish camt.054', async () => {
    p = await paymentsTest('SE');
    await p.call('dues.saveSettings', { bankgiro: '5402-9681', referenceKind: 'rf', associationName: 'Föreningen', iban: 'SE4550000000058398257466' });
    await p.call('dues.saveFees', { year: 2027, fees: [{ membershipTypeId: 1, amount: 25000, dueOn: '2027-03-31' }] });
    await p.call('dues.run', { year: 2027, invoiceDate: '2027-02-01' });
    const rf = (await p.call('dues.invoices', { year: 2027, limit: 100 })).rows.filter((r) => r.referenceKind === 'rf');
    expect(rf.length).toBeGreaterThan(0);
    const path = await p.put('camt-rf.xml', writeCamt054({ iban: 'SE4550000000058398257466' }, '2026-03-12', [{ reference: rf[0].reference.replace(/(.{4})/g, '$1 '), amount: rf[0].owed }]));
    const r = await p.call('payments.import', { path });
    expect(r.matched.count).toBe(1);
    expect(await statusOf(p, rf[0].id)).toBe('paid');
  });
});

describe('the same file or transaction twice', () => {
  it('refuses the same file and books a transaction from another file once', async () => {
    p = await paymentsTest('SE');
    const [a, b] = p.invoices;
    const first = writeBgMax(SE_BANKGIRO, '2026-03-10', [{ reference: a.reference, amount: 25000 }]);
    const path = await p.put('day1.txt', first);
    await p.call('payments.import', { path });
    const again = await p.call('payments.preview', { path });
    expect(again.alreadyImported).toMatchObject({ fileName: 'day1.txt' });
    expect(again.duplicates.count).toBe(1);
    expect(fieldCodes(await p.result('payments.import', { path }))).toEqual({ path: 'file-already-imported' });
    // The same file under another name is the same bytes.
    const copy = await p.put('copy.txt', first);
    expect(fieldCodes(await p.result('payments.import', { path: copy }))).toEqual({ path: 'file-already-imported' });

    // A later file repeating the first day's transaction (same BGC serial) with a new one.
    const both = await p.put('day1-2.txt', writeBgMax(SE_BANKGIRO, '2026-03-10', [{ reference: a.reference, amount: 25000 }, { reference: b.reference, amount: 25000 }]));
    const r = await p.call('payments.import', { path: both });
    expect([r.matched.count, r.duplicates.count]).toEqual([1, 1]);
    const invoiceA = await p.call('dues.invoice', { id: a.id });
    expect(invoiceA.payments).toHaveLength(1);
    expect(await statusOf(p, b.id)).toBe('paid');
  });

  it('recognises a payment the treasurer already recorded by hand', async () => {
    p = await paymentsTest('SE');
    const [a] = p.invoices;
    await p.call('dues.recordPayment', { invoiceId: a.id, paidOn: '2026-03-10', amount: 25000, method: 'bankgiro' });
    const path = await p.put('f.txt', writeBgMax(SE_BANKGIRO, '2026-03-10', [{ reference: a.reference, amount: 25000 }]));
    const r = await p.call('payments.import', { path });
    expect([r.matched.count, r.duplicates.count]).toEqual([0, 1]);
    expect((await p.call('dues.invoice', { id: a.id })).payments).toHaveLength(1);
  });

  it('a file changed since its preview is refused', async () => {
    p = await paymentsTest('SE');
    const path = await p.put('f.txt', writeBgMax(SE_BANKGIRO, '2026-03-10', [{ reference: p.invoices[0].reference, amount: 25000 }]));
    const { hash } = await p.call('payments.preview', { path });
    await p.put('f.txt', writeBgMax(SE_BANKGIRO, '2026-03-10', [{ reference: p.invoices[0].reference, amount: 20000 }]));
    expect(fieldCodes(await p.result('payments.import', { path, hash }))).toEqual({ path: 'file-changed' });
  });
});

describe('bad files book nothing', () => {
  it('another bankgiro, a sum that does not add up, a truncated file: refused with the line, no import row, no payment', async () => {
    p = await paymentsTest('SE');
    const good = writeBgMax(SE_BANKGIRO, '2026-03-10', [{ reference: p.invoices[0].reference, amount: 25000 }]);
    const text = Buffer.from(good).toString('latin1');
    const cases: [string, string | Uint8Array, string, string][] = [
      ['other.txt', writeBgMax('9912346', '2026-03-10', [{ reference: p.invoices[0].reference, amount: 25000 }]), 'file-other-payee', '2'],
      ['sum.txt', text.replace('00000000000002500021', '00000000000002510021'), 'file-sum-mismatch', '4'],
      ['cut.txt', text.split('\r\n').slice(0, 3).join('\r\n'), 'file-truncated', '3'],
      ['long.txt', text.replace(/\r\n15/, 'X\r\n15'), 'file-record-length', '3'],
    ];
    for (const [name, bytes, code, line] of cases) {
      const r = await p.result('payments.import', { path: await p.put(name, bytes) });
      expect(r.ok ? 'ok' : [r.error.details?.fields?.[0]?.code, r.error.details?.line]).toEqual([code, line]);
    }
    expect(await p.call('payments.imports', {})).toEqual([]);
    expect(await statusOf(p, p.invoices[0].id)).toBe('open');
  });

  it('paths: relative, missing', async () => {
    p = await paymentsTest('SE', 1);
    expect(fieldCodes(await p.result('payments.preview', { path: 'f.txt' }))).toEqual({ path: 'path-not-absolute' });
    expect(fieldCodes(await p.result('payments.preview', { path: '/nonexistent/f.txt' }))).toEqual({ path: 'file-not-found' });
  });
});
