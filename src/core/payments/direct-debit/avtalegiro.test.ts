import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateKid } from '../../../shared/nordic/kid';
import { fieldCodes } from '../../test-support';
import { readLines } from './file-lines';
import { ddTest, type DdTest } from './test-files';

let d: DdTest;
afterEach(() => d?.t.dispose());

const ACCOUNT = '99991042764';
const z = (v: number | string, n: number) => String(v).padStart(n, '0');
const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;

/** Nets' OCR giro file as the bank sends it: one assignment of AvtaleGiro (type 15) or other transactions, counts and sums in both end records. */
function ocrFile(date: string, txs: { kid: string; amount: number; type?: number }[]): string {
  const body = txs.flatMap((t, i) => {
    const n = z(i + 1, 7);
    const type = z(t.type ?? 15, 2);
    return [
      `NY09${type}30${n}${ddmmyy(date)}0100100010${'0'}${z(t.amount, 17)}${t.kid.padStart(25, ' ')}000000`,
      `NY09${type}31${n}0000000000${z(900000000 + i, 9)}0000000${ddmmyy(date)}${'12345678903'}${'0'.repeat(22)}`,
    ];
  });
  const total = txs.reduce((n, t) => n + t.amount, 0);
  return [
    `NY000010${'00008080'}${'0170031'}${'12345678'}${'0'.repeat(49)}`,
    `NY090020${'001008566'}${'0000002'}${ACCOUNT}${'0'.repeat(45)}`,
    ...body,
    `NY090088${z(txs.length, 8)}${z(body.length + 2, 8)}${z(total, 17)}${ddmmyy(date).repeat(3)}${'0'.repeat(21)}`,
    `NY000089${z(txs.length, 8)}${z(body.length + 4, 8)}${z(total, 17)}${ddmmyy(date)}${'0'.repeat(33)}`,
  ].join('\r\n');
}

describe('AvtaleGiro: claims out, the OCR giro file back', () => {
  it('claims the year’s dues with KIDs that identify the member, and books the OCR file on them', async () => {
    d = await ddTest('NO', '2027-01-10');
    await d.call('dues.saveSettings', { associationName: 'Foreningen Fjellbu', bankAccount: ACCOUNT, referenceKind: 'kid', kidMode: 'MOD10' });
    await d.call('dues.saveFees', { year: 2027, fees: [{ membershipTypeId: 1, amount: 35000, dueOn: '2027-03-31' }] });
    const kari = await d.member({ firstName: 'Kari', lastName: 'Øvrebø' });
    const ola = await d.member({ firstName: 'Ola', lastName: 'Nordmann' });
    await d.member({ firstName: 'Per', lastName: 'Hansen' }); // pays by invoice
    for (const m of [kari, ola]) await d.call('dues.setDirectDebit', { memberId: m.id, kind: 'avtalegiro' });

    // Nets' identifiers are needed first.
    expect(fieldCodes(await d.result('directDebit.exportOrders', { year: 2027, debitOn: '2027-02-20', path: join(d.t.dir, 'krav') }))).toEqual({
      netsDataSender: 'required',
      avtaleGiroAgreementId: 'required',
    });
    await d.call('directDebit.saveSettings', { netsDataSender: '12345678', avtaleGiroAgreementId: '123456789' });
    const preview = await d.call('directDebit.ordersPreview', { year: 2027, debitOn: '2027-02-20' });
    expect(preview).toMatchObject({ kind: 'avtalegiro', count: 2, total: 70000, blocking: [], excluded: [] });

    const out = await d.call('directDebit.exportOrders', { year: 2027, debitOn: '2027-02-20', path: join(d.t.dir, 'krav') });
    expect(out).toMatchObject({ count: 2, total: 70000 });
    const orders = await d.call('directDebit.orders', { year: 2027 });
    const kid = (id: number) => orders.find((o) => o.member.memberId === id)!.payerReference;
    // KID: member number in 7 digits, invoice number in 7, MOD10 check digit — agreed with Nets.
    expect(kid(kari.id)).toMatch(new RegExp(`^${z(kari.memberNumber, 7)}\\d{7}\\d$`));
    expect(validateKid(kid(kari.id), 'MOD10').ok).toBe(true);
    const invoice = await d.call('dues.invoice', { id: orders.find((o) => o.member.memberId === kari.id)!.invoiceId });
    expect(invoice).toMatchObject({ reference: kid(kari.id), referenceKind: 'kid', dueOn: '2027-02-20', status: 'open' });

    const lines = readLines(await readFile(out.path), { exact: true }).map((l) => l.text);
    expect(lines[0]).toBe(`NY000010123456780000001${'00008080'}${'0'.repeat(49)}`);
    expect(lines[1]).toBe(`NY210020123456789${'0000001'}${ACCOUNT}${'0'.repeat(45)}`);
    const claim = lines.find((l) => l.startsWith('NY212130') && l.includes(kid(kari.id)))!;
    expect(claim).toBe(`NY212130${claim.slice(8, 15)}200227${' '.repeat(11)}${z(35000, 17)}${kid(kari.id).padStart(25)}000000`);
    // The specification the payer's bank shows: invoice number, then the fee line with its amount.
    const spec = lines.filter((l) => l.startsWith('NY212149') && l.slice(8, 15) === claim.slice(8, 15)).map((l) => l.slice(20, 60));
    expect(spec[0].trim()).toBe(`Faktura ${invoice.number}`);
    expect(spec[1]).toBe('Kontingent 2027 - Ordinær'.padEnd(40)); // the dash in ISO-8859-1's plain form
    expect(lines.at(-2)).toBe(`NY210088${z(2, 8)}${z(lines.length - 2, 8)}${z(70000, 17)}200227200227${'0'.repeat(27)}`);
    expect(lines.at(-1)).toBe(`NY000089${z(2, 8)}${z(lines.length, 8)}${z(70000, 17)}200227${'0'.repeat(33)}`);

    // Nets' OCR file after the due date: Kari's claim paid; Ola's not in it; an ordinary OCR payment of Per's.
    d.setToday('2027-02-22');
    const file = await d.file('ocr.txt', ocrFile('2027-02-20', [{ kid: kid(kari.id), amount: 35000 }, { kid: '12344', amount: 10000, type: 10 }]));
    const result = await d.call('directDebit.importReport', { path: file });
    expect(result).toMatchObject({ paid: 1, paidTotal: 35000, failed: 0, alreadyBooked: 0, unmatched: [{ reference: '12344', amount: 10000, date: '2027-02-20', line: 5 }] });
    expect(await d.call('dues.invoice', { id: invoice.id })).toMatchObject({ status: 'paid', payments: [{ method: 'avtalegiro', amount: 35000, paidOn: '2027-02-20' }] });
    expect((await d.call('directDebit.orders', { year: 2027 })).map((o) => [o.member.memberId, o.status])).toEqual(
      expect.arrayContaining([
        [kari.id, 'paid'],
        [ola.id, 'sent'],
      ]),
    );
    expect(fieldCodes(await d.result('directDebit.importReport', { path: file }))).toEqual({ path: 'file-already-imported' });

    // A broken OCR file (the end record's sum is off) is refused by the bank-file parser at its line; nothing booked.
    const broken = ocrFile('2027-02-20', [{ kid: kid(ola.id), amount: 35000 }]).replace(/^(NY000089\d{16})(\d{17})/m, (_, a: string, t: string) => a + z(Number(t) + 1, 17));
    const r = await d.result('directDebit.importReport', { path: await d.file('broken.txt', broken) });
    expect(r.ok ? 'ok' : [r.error.details?.fields?.[0].code, r.error.details?.line]).toEqual(['file-sum-mismatch', '6']);
    expect((await d.call('directDebit.orders', { year: 2027 })).find((o) => o.member.memberId === ola.id)!.status).toBe('sent');
  });
});
