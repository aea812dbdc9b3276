import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../../shared/contract/dues';
import { fieldCodes } from '../test-support';
import { checkLogo } from './logo';
import { duesTest, SE_PAYMENT, type DuesTest } from './test-fixtures';

let d: DuesTest;
afterEach(() => d?.t.dispose());

// A real 1×1 PNG.
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function pngHeader(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

/** JPEG start, an APP0 segment, then a baseline frame header: 16 high, 32 wide. */
const JPEG_32x16 = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
]);

describe('dues settings', () => {
  it('starts from the register: its name, OCR in Sweden, and says what a run still needs', async () => {
    d = await duesTest('SE');
    const s = await d.call('dues.settings', {});
    expect(s).toMatchObject({ associationName: 'Föreningen Ödegård', currency: 'SEK', referenceKind: 'ocr', nextInvoiceNumber: 1, logo: null });
    expect(s.letterText).toContain('{firstName}');
    expect(s.missing).toEqual([{ field: 'bankgiro', code: 'bankgiro-or-plusgiro-required' }]);
  });

  it('refuses invalid payment details, all at once, and keeps nothing of them', async () => {
    d = await duesTest('SE');
    const r = await d.result('dues.saveSettings', {
      associationName: 'Föreningen Ödegård',
      orgNumber: '123456-7890',
      bankgiro: '5402-9682',
      plusgiro: '12a',
      swishNumber: '070-123 45 67',
      iban: 'SE45 5000 0000 0583 9825 7467',
      bic: 'ESSE SE SS X',
      referenceKind: 'kid',
      ocrLevel: 'fixed',
      letterText: 'Hej {förnamn}',
    });
    expect(fieldCodes(r)).toEqual({
      orgNumber: 'orgnr-check-digit',
      bankgiro: 'giro-check-digit',
      plusgiro: 'giro-format',
      swishNumber: 'swish-number-format',
      iban: 'iban-check-digits',
      bic: 'bic-format',
      referenceKind: 'reference-kind-country',
      letterText: 'merge-field-unclosed',
    });
    expect((await d.result('dues.saveSettings', { associationName: 'X', referenceKind: 'ocr', letterText: '{fornamn}' })).ok).toBe(false);
    expect(fieldCodes(await d.result('dues.saveSettings', { associationName: 'X', referenceKind: 'ocr', ocrLevel: 'fixed' }))).toEqual({ ocrLength: 'ocr-length-required' });
    expect(fieldCodes(await d.result('dues.saveSettings', { associationName: 'X', referenceKind: 'ocr', ocrLevel: 'fixed', ocrLength: 30 }))).toEqual({ ocrLength: 'length-out-of-range' });
    expect(fieldCodes(await d.result('dues.saveSettings', { associationName: 'X', referenceKind: 'ocr', bic: 'NOTABIC' }))).toEqual({ bic: 'bic-format' });
    expect((await d.call('dues.settings', {})).bankgiro).toBeNull();
  });

  it('stores valid details normalised; a Norwegian register takes an account, KID and a Norwegian org number', async () => {
    d = await duesTest('SE');
    const s = await d.call('dues.saveSettings', {
      ...SE_PAYMENT,
      associationName: 'Föreningen Ödegård',
      addressLines: ['Box 12', '', '114 18 Stockholm'],
      orgNumber: '123456-7897',
      plusgiro: '28 65 43-4',
      iban: 'SE45 5000 0000 0583 9825 7466',
      bic: 'esse se ss',
    });
    expect(s).toMatchObject({ bankgiro: '54029681', plusgiro: '2865434', swishNumber: '1237856901', orgNumber: '1234567897', iban: 'SE4550000000058398257466', bic: 'ESSESESS', addressLines: ['Box 12', '114 18 Stockholm'], missing: [] });
    await d.t.dispose();

    d = await duesTest('NO');
    expect((await d.call('dues.settings', {})).missing).toEqual([{ field: 'bankAccount', code: 'required' }]);
    expect(fieldCodes(await d.result('dues.saveSettings', { associationName: 'Laget', referenceKind: 'kid', bankAccount: '1234.56.78904', orgNumber: '923609017' }))).toEqual({
      bankAccount: 'account-check-digit',
      orgNumber: 'orgnr-check-digit',
    });
    expect(fieldCodes(await d.result('dues.saveSettings', { associationName: 'Laget', referenceKind: 'ocr' }))).toEqual({ referenceKind: 'reference-kind-country' });
    const no = await d.call('dues.saveSettings', { associationName: 'Laget', referenceKind: 'kid', kidMode: 'MOD11', kidLength: 8, bankAccount: '1234.56.78903', orgNumber: '923 609 016' });
    expect(no).toMatchObject({ currency: 'NOK', bankAccount: '12345678903', orgNumber: '923609016', kidMode: 'MOD11', kidLength: 8, missing: [] });
  });

  it('takes a PNG or JPEG logo by its bytes and refuses other files, heavy files and huge images', async () => {
    d = await duesTest('SE');
    const file = (name: string) => join(d.t.dir, name);
    await writeFile(file('logo.png'), PNG_1x1);
    const withLogo = await d.call('dues.setLogo', { path: file('logo.png') });
    expect(withLogo.logo).toMatchObject({ mime: 'image/png', width: 1, height: 1, bytes: PNG_1x1.length });
    expect(withLogo.logo?.dataUrl).toBe(`data:image/png;base64,${PNG_1x1.toString('base64')}`);

    await writeFile(file('logo.gif.png'), Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'));
    expect(fieldCodes(await d.result('dues.setLogo', { path: file('logo.gif.png') }))).toEqual({ path: 'logo-format' });
    await writeFile(file('big.png'), Buffer.concat([PNG_1x1, Buffer.alloc(LOGO_MAX_BYTES)]));
    expect(fieldCodes(await d.result('dues.setLogo', { path: file('big.png') }))).toEqual({ path: 'logo-too-large' });
    await writeFile(file('wide.png'), pngHeader(5000, 100));
    expect(fieldCodes(await d.result('dues.setLogo', { path: file('wide.png') }))).toEqual({ path: 'logo-too-large' });
    expect(fieldCodes(await d.result('dues.setLogo', { path: file('missing.png') }))).toEqual({ path: 'file-not-found' });
    expect((await d.call('dues.settings', {})).logo?.mime).toBe('image/png');

    expect((await d.call('dues.removeLogo', {})).logo).toBeNull();
  });

  it('reads JPEG dimensions from the frame header and refuses a truncated JPEG', () => {
    expect(checkLogo(JPEG_32x16)).toEqual({ ok: true, logo: { mime: 'image/jpeg', width: 32, height: 16 } });
    expect(checkLogo(JPEG_32x16.slice(0, 22))).toEqual({ ok: false, code: 'logo-format' });
    expect(checkLogo(pngHeader(0, 10))).toEqual({ ok: false, code: 'logo-format' });
  });
});

describe('fee schedule and direct debit', () => {
  it('keeps a fee per type and year, refuses amounts ≤ 0 unless free, and makes the default reminder rounds once', async () => {
    d = await duesTest('SE');
    const fees = [
      { membershipTypeId: 1, amount: 30000, dueOn: '2026-03-31', intro: { from: '2025-09-01', to: '2026-01-31', amount: 10000 } },
      { membershipTypeId: 3, amount: 45000, perHousehold: true, dueOn: '2026-03-31' },
      { membershipTypeId: 4, amount: 0, free: true, dueOn: '2026-03-31' },
    ];
    expect(await d.call('dues.rounds', { year: 2026 })).toEqual([]);
    const saved = await d.call('dues.saveFees', { year: 2026, fees });
    expect(saved.map((f) => [f.membershipTypeId, f.amount, f.free, f.perHousehold, f.intro?.amount ?? null])).toEqual([
      [1, 30000, false, false, 10000],
      [3, 45000, false, true, null],
      [4, 0, true, false, null],
    ]);
    const rounds = await d.call('dues.rounds', { year: 2026 });
    expect(rounds.map((r) => [r.round, r.remindOn, r.dueOn, r.fee])).toEqual([
      [1, '2026-04-01', '2026-04-30', 0],
      [2, '2026-07-01', '2026-07-31', 0],
      [3, '2026-10-01', '2026-10-31', 0],
    ]);
    await d.call('dues.saveFees', { year: 2026, fees: fees.slice(0, 1) });
    expect((await d.call('dues.fees', { year: 2026 })).length).toBe(1);
    expect((await d.call('dues.rounds', { year: 2026 })).map((r) => r.id)).toEqual(rounds.map((r) => r.id));

    const bad = await d.result('dues.saveFees', {
      year: 2026,
      fees: [
        { membershipTypeId: 1, amount: 0, dueOn: '2026-03-31' },
        { membershipTypeId: 2, amount: -100, dueOn: '2026-03-31' },
        { membershipTypeId: 2, amount: 100, dueOn: '2026-03-31', intro: { from: '2026-02-01', to: '2026-01-01', amount: -1 } },
      ],
    });
    expect(fieldCodes(bad)).toEqual({
      'fees.0.amount': 'amount-not-positive',
      'fees.1.amount': 'amount-not-positive',
      'fees.2.membershipTypeId': 'type-duplicate',
      'fees.2.intro.amount': 'amount-not-positive',
      'fees.2.intro.to': 'intro-period-reversed',
    });
    expect(fieldCodes(await d.result('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 99, amount: 1, dueOn: '2026-03-31' }] }))).toEqual({
      'fees.0.membershipTypeId': 'type-not-found',
    });
    expect((await d.call('dues.fees', { year: 2026 })).length).toBe(1);

    // A type nobody holds can still be deleted; its fees go with it.
    const own = await d.t.call('membershipTypes.create', { name: 'Stödjande förening', paysDues: true, mayVote: false });
    await d.call('dues.saveFees', { year: 2026, fees: [...fees.slice(0, 1), { membershipTypeId: own.id, amount: 100000, dueOn: '2026-03-31' }] });
    await d.t.call('membershipTypes.delete', { id: own.id });
    expect((await d.call('dues.fees', { year: 2026 })).map((f) => f.membershipTypeId)).toEqual([1]);
  });

  it('records direct debit per member in its own table, by the register’s country', async () => {
    d = await duesTest('SE');
    const id = await d.member({ firstName: 'Åke', lastName: 'Öberg' });
    expect(await d.call('dues.directDebit', { memberId: id })).toEqual({ memberId: id, kind: 'none', since: null, payerNumber: null });
    expect(fieldCodes(await d.result('dues.setDirectDebit', { memberId: id, kind: 'avtalegiro' }))).toEqual({ kind: 'direct-debit-country' });
    await d.call('dues.setDirectDebit', { memberId: id, kind: 'autogiro', since: '2024-01-01', payerNumber: '19460101' });
    expect(await d.call('dues.directDebits', {})).toEqual([
      { memberId: id, kind: 'autogiro', since: '2024-01-01', payerNumber: '19460101', memberNumber: 1, firstName: 'Åke', lastName: 'Öberg' },
    ]);
    const history = await d.call('history.list', { memberId: id });
    expect(history.rows[0]).toMatchObject({ field: 'duesDirectDebit', oldValue: null, newValue: 'autogiro', source: 'dues' });
    await d.call('dues.setDirectDebit', { memberId: id, kind: 'none' });
    expect(await d.call('dues.directDebits', {})).toEqual([]);
  });
});
