import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readSie } from '../../src/core/payments/sie/read';
import { contractCaller, expect, panelShot, SHOTS, test } from './fixtures';
import { KansliApp } from './app';
import { TreasuryPage } from './treasury-page';

const BG = '0054029681'; // 5402-9681 as Bankgirot's files write it
const z = (v: number | string, n: number) => String(v).padStart(n, '0');
const ymd = (iso: string) => iso.replace(/-/g, '');
const today = () => new Date().toISOString().slice(0, 10);

test('Autogiro through the UI: a mandate requested and activated, the year’s payment orders, the bank’s answer, a report and the SIE file', async ({ page, server, tmpDir }) => {
  test.setTimeout(120_000);
  const api = server.core.api;
  const call = contractCaller(api);
  const year = Number(today().slice(0, 4));
  await api['register.create']({ path: join(tmpDir, 'Kassa.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  // The dues screens are another engineer's: the payee and the fee schedule are seeded through the core.
  await call('dues.saveSettings', { associationName: 'Föreningen Ödegård', bankgiro: '5402-9681', referenceKind: 'ocr', ocrLevel: 'variable', orgNumber: '802002-4280' });
  await call('dues.saveFees', { year, fees: [{ membershipTypeId: 1, amount: 30000, dueOn: `${year}-12-31` }] });
  const base = { country: 'SE', consentSms: false, consentEmail: false, consentPost: true, status: 'active', membershipTypeId: 1, joinedOn: '2020-01-01' } as const;
  const anna = await api['members.create']({ ...base, firstName: 'Anna', lastName: 'Åkesson', street: 'Storgatan 1', postcode: '90325', city: 'Umeå' });
  await api['members.create']({ ...base, firstName: 'Bo', lastName: 'Berg', street: 'Bygatan 2', postcode: '90326', city: 'Umeå' });
  await page.reload();

  const tr = new TreasuryPage(page);
  await tr.open();
  await tr.saveCustomerNumber('123456');

  // A paper mandate for Anna: she is set to pay by autogiro, and the request waits for the file.
  await tr.requestMandate({ search: 'Åkesson', option: `Åkesson, Anna (nr ${anna.memberNumber})`, clearing: '8327-9', account: '12 345 678-9', idNumber: '19880320-0016' });
  await expect(tr.mandateRow(anna.memberNumber)).toContainText('Begärt');
  await expect(tr.mandateRow(anna.memberNumber)).toContainText('Väntar på att skickas');
  await expect(page.getByText('Ett nytt medgivande eller en makulering väntar på att skickas.')).toBeVisible();

  const mandateFile = join(tmpDir, 'medgivanden.txt');
  tr.answer(mandateFile);
  await page.getByRole('button', { name: 'Skapa medgivandefil' }).click();
  await expect(page.getByTestId('mandate-file-done')).toContainText('Nya medgivanden: 1. Makuleringar: 0.');
  const sent = (await readFile(mandateFile, 'latin1')).split('\r\n');
  expect(sent[0]).toBe(`01${ymd(today())}AUTOGIRO${' '.repeat(44)}123456${BG}  `);
  expect(sent[1]).toBe(`04${BG}${z(anna.memberNumber, 16)}8327000123456789198803200016`.padEnd(80));
  await expect(tr.mandateRow(anna.memberNumber)).toContainText('Skickat, väntar på Bankgirot');

  // Bankgirot's mandate advice: Anna's mandate is in place (status 32).
  const advice = join(tmpDir, 'medavi.txt');
  await writeFile(
    advice,
    iconv.encode(
      [
        `01AUTOGIRO${' '.repeat(14)}${ymd(today())}${' '.repeat(12)}AG-MEDAVI${' '.repeat(11)}123456${BG}`,
        `73${BG}${z(anna.memberNumber, 16)}8327000123456789198803200016     0432${ymd(today())}`,
        `09${ymd(today())}99000000001`,
      ].join('\r\n'),
      'latin1',
    ),
  );
  tr.answer(advice);
  await page.getByRole('button', { name: 'Läs in Bankgirots medgivandeavisering' }).click();
  await expect(page.getByTestId('advice-done')).toContainText('Aktiva: 1. Avvisade: 0.');
  await expect(tr.mandateRow(anna.memberNumber)).toContainText('Aktivt');
  await expect(tr.mandateRow(anna.memberNumber)).toContainText('Nytt medgivande');
  await panelShot(page, 'treasury-autogiro-mandates');

  // The year's payment orders: Anna is debited 300 kr; Bo pays by invoice and is not in it.
  await page.getByRole('textbox', { name: 'Avgiftsår' }).fill(String(year));
  await page.getByRole('button', { name: 'Visa vilka som dras' }).click();
  await expect(page.getByTestId('orders-summary')).toHaveText('En medlem, 300,00\u00a0kr');
  const ordersFile = join(tmpDir, 'betalningar.txt');
  tr.answer(ordersFile);
  await page.getByRole('button', { name: 'Skapa betalningsfil' }).click();
  await expect(page.getByTestId('orders-done')).toContainText('Sparat: en dragning');
  const orders = (await readFile(ordersFile, 'latin1')).split('\r\n').filter(Boolean);
  expect(orders).toHaveLength(2);
  expect(orders[1].slice(0, 2)).toBe('82');
  expect(orders[1].slice(15, 31)).toBe(z(anna.memberNumber, 16));
  expect(orders[1].slice(31, 43)).toBe(z(30000, 12));
  const reference = orders[1].slice(53, 69).trim();
  await expect(page.getByTestId('orders').locator('tr[data-status="sent"]')).toContainText('Anna Åkesson');

  // Bankgirot's payment specification: the debit went through.
  const report = join(tmpDir, 'betspec.txt');
  await writeFile(
    report,
    iconv.encode(
      [
        `01AUTOGIRO${' '.repeat(14)}${ymd(today())}120000000000BET. SPEC & STOPP TK123456${BG}`,
        `15${z('1234567890', 35)}${ymd(today())}00001${z(30000, 18)}   ${z(1, 8)}`,
        `82${ymd(today())}0    ${z(anna.memberNumber, 16)}${z(30000, 12)}${BG}${reference.padEnd(16)}${' '.repeat(10)}0`,
        `09${ymd(today())}9900${z(1, 6)}${z(1, 12)}${z(0, 6)}${z(0, 12)}${z(0, 6)}${z(0, 12)}`,
      ].join('\r\n'),
      'latin1',
    ),
  );
  tr.answer(report);
  await page.getByRole('button', { name: 'Läs in betalningsspecifikation' }).click();
  await expect(page.getByTestId('report-done')).toContainText('Betalda och bokförda: 1');
  await expect(page.getByTestId('orders').locator('tr[data-status="paid"]')).toContainText('Anna Åkesson');
  await expect(page.getByTestId('dd-files')).toContainText('Inläst: Betalningsspecifikation');
  await panelShot(page, 'treasury-autogiro-orders');

  // A broken file is refused with its line; nothing booked.
  const broken = join(tmpDir, 'trasig.txt');
  await writeFile(broken, (await readFile(report, 'latin1')).split('\r\n').slice(0, 3).join('\r\n'), 'latin1');
  tr.answer(broken);
  await page.getByRole('button', { name: 'Läs in betalningsspecifikation' }).click();
  await expect(page.getByTestId('treasury-failure')).toHaveText('Filen tar slut före sin slutpost (efter rad 4): den är ofullständig. Hämta den igen från banken.');

  // The ledger for the year: Anna paid, Bo not yet invoiced.
  await tr.tab('reports');
  await page.getByRole('textbox', { name: 'Avgiftsår' }).fill(String(year));
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByTestId('total-invoiced')).toContainText('300,00');
  await expect(page.getByTestId('total-paid')).toContainText('300,00');
  await expect(page.getByTestId('total-outstanding')).toContainText('0,00');
  await expect(page.getByTestId('report-receivables')).toContainText('Anna Åkesson · Autogiro');
  await panelShot(page, 'treasury-report');
  const csv = join(tmpDir, 'reskontra.csv');
  tr.answer(csv);
  await page.getByRole('button', { name: 'Spara som kalkylblad (CSV)' }).click();
  await expect(page.getByTestId('report-saved')).toBeVisible();
  const csvText = await readFile(csv, 'utf8');
  expect(csvText).toContain(';Anna Åkesson;');
  expect(csvText).toContain(';Betald;Autogiro;0');

  // The SIE file for the year, read back: balanced, the invoice and the autogiro payment booked.
  await tr.tab('sie');
  await page.getByRole('button', { name: 'Visa vad som bokförs' }).click();
  await expect(page.getByTestId('sie-preview')).toContainText('2 verifikationer');
  await expect(page.getByTestId('sie-preview')).toContainText('Debet är lika med kredit.');
  await panelShot(page, 'treasury-sie');
  const sie = join(tmpDir, 'bokföring.si');
  tr.answer(sie);
  await page.getByRole('button', { name: 'Spara SIE-filen' }).click();
  await expect(page.getByTestId('sie-saved')).toContainText('2 verifikationer');
  const f = readSie(await readFile(sie));
  expect(f.head.get('#FORMAT')).toEqual(['PC8']);
  expect(f.head.get('#SIETYP')).toEqual(['4']);
  expect(f.head.get('#FNAMN')).toEqual(['Föreningen Ödegård']);
  expect(f.verifications.map((v) => v.trans.map((t) => [t.account, t.amount]))).toEqual([
    [
      ['1510', 30000],
      ['3890', -30000],
    ],
    [
      ['1930', 30000],
      ['1510', -30000],
    ],
  ]);

  // The member page's dues tab shows the mandate beside "pays by autogiro".
  const app = new KansliApp(page);
  await page.getByRole('tablist', { name: 'Vyer' }).getByRole('tab', { name: 'Medlemmar', exact: true }).click();
  await app.openFound('Åkesson');
  const drawer = page.getByRole('dialog');
  await drawer.getByTestId('member-title').click();
  await page.keyboard.press('Alt+7');
  await expect(drawer.getByTestId('member-mandate')).toContainText('Aktivt');
  await expect(drawer.getByTestId('member-mandate')).toContainText('Nytt medgivande');
  await page.screenshot({ path: join(SHOTS, 'treasury-member-mandate.png') });
});

test('AvtaleGiro through the UI in bokmål: Nets’ identifiers, the claims file, the OCR giro file booked, and the SIE accounts and file', async ({ page, server, tmpDir }) => {
  test.setTimeout(90_000);
  const api = server.core.api;
  const call = contractCaller(api);
  const year = Number(today().slice(0, 4));
  const account = '99991042764';
  await api['register.create']({ path: join(tmpDir, 'Kasse.kansli'), associationName: 'Foreningen Fjellbu', country: 'NO', language: 'nb', passphrase: 'blå trikk sju fjorder' });
  await call('dues.saveSettings', { associationName: 'Foreningen Fjellbu', bankAccount: account, referenceKind: 'kid', kidMode: 'MOD10' });
  await call('dues.saveFees', { year, fees: [{ membershipTypeId: 1, amount: 35000, dueOn: `${year}-12-31` }] });
  const base = { country: 'NO', consentSms: false, consentEmail: false, consentPost: true, status: 'active', membershipTypeId: 1, joinedOn: '2020-01-01' } as const;
  const kari = await api['members.create']({ ...base, firstName: 'Kari', lastName: 'Øvrebø', street: 'Storgata 1', postcode: '0150', city: 'Oslo' });
  await call('dues.setDirectDebit', { memberId: kari.id, kind: 'avtalegiro' });
  await page.reload();

  await page.getByRole('tablist', { name: 'Visninger' }).getByRole('tab', { name: 'Regnskap', exact: true }).click();
  await expect(page.getByTestId('treasury-tab-avtalegiro')).toHaveAttribute('aria-selected', 'true');
  // Nets' identifiers first: without them the claims cannot be made.
  await page.getByRole('textbox', { name: 'Kontingentår' }).fill(String(year));
  await page.getByRole('button', { name: 'Vis hvem som trekkes' }).click();
  await expect(page.getByTestId('orders-blocking')).toContainText('Nets dataavsender-id');
  const form = page.getByRole('form', { name: 'Opplysninger fra banken' });
  await form.getByLabel('Nets dataavsender-id').fill('1234567');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByText('Feil antall sifre.')).toBeVisible();
  await form.getByLabel('Nets dataavsender-id').fill('12345678');
  await form.getByLabel('AvtaleGiro-avtalens id').fill('123456789');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Lagret.')).toBeVisible();

  await page.getByRole('button', { name: /^(Vis hvem som trekkes|Oppdater)$/ }).click();
  await expect(page.getByTestId('orders-summary')).toHaveText('Ett medlem, 350,00\u00a0kr');
  const claims = join(tmpDir, 'krav.txt');
  page.once('dialog', (d) => void d.accept(claims));
  await page.getByRole('button', { name: 'Lag kravfil' }).click();
  await expect(page.getByTestId('orders-done')).toContainText('Lagret: ett trekk');
  const lines = (await readFile(claims, 'latin1')).split('\r\n').filter(Boolean);
  expect(lines[0].startsWith('NY00001012345678')).toBe(true);
  const claim = lines.find((l) => l.startsWith('NY212130'))!;
  const kid = claim.slice(49, 74).trim();
  expect(kid).toHaveLength(15);

  // Nets' OCR giro file: the claim paid (transaction type 15, AvtaleGiro).
  const d = ((iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`)(today());
  const ocr = join(tmpDir, 'ocr.txt');
  await writeFile(
    ocr,
    iconv.encode(
      [
        `NY000010000080800170031${'12345678'}${'0'.repeat(49)}`,
        `NY090020001008566000000299991042764${'0'.repeat(45)}`,
        `NY091530${z(1, 7)}${d}0100100010${'0'}${z(35000, 17)}${kid.padStart(25, ' ')}000000`,
        `NY091531${z(1, 7)}0000000000900000000${'0'.repeat(7)}${d}12345678903${'0'.repeat(22)}`,
        `NY090088${z(1, 8)}${z(4, 8)}${z(35000, 17)}${d}${d}${d}${'0'.repeat(21)}`,
        `NY000089${z(1, 8)}${z(6, 8)}${z(35000, 17)}${d}${'0'.repeat(33)}`,
      ].join('\r\n'),
      'latin1',
    ),
  );
  page.once('dialog', (x) => void x.accept(ocr));
  await page.getByRole('button', { name: 'Les inn OCR-girofilen' }).click();
  await expect(page.getByTestId('report-done')).toContainText('Betalt og bokført: 1');
  await expect(page.getByTestId('orders').locator('tr[data-status="paid"]')).toContainText('Kari Øvrebø');
  await panelShot(page, 'treasury-avtalegiro');

  // The SIE accounts list only the ways money comes in to a Norwegian register (no Swedish giro,
  // Swish or Autogiro); an account stored for a hidden method survives a save from the screen.
  const books = await call('bookkeeping.settings', {});
  await call('bookkeeping.saveSettings', { ...books, methodAccounts: { ...books.methodAccounts, bankgiro: { number: '1999', name: 'Gammel giro' } } });
  await page.getByTestId('treasury-tab-sie').click();
  const accounts = page.getByTestId('sie-accounts');
  await expect(accounts.getByRole('row')).toHaveText(
    ['Kontonummer', 'Kundefordringer', 'Medlemskontingent', 'Purregebyrer', 'Avskrevet', 'Betalt uten faktura', 'Hvor innbetalingene havner', 'Bankoverføring', 'Vipps', 'Kontant', 'AvtaleGiro', 'Annet', 'Tilgodehavende'].map((w) => new RegExp(w)),
  );
  await expect(accounts).not.toContainText(/Bankgiro|Plusgiro|Swish|Autogiro/);
  await accounts.getByRole('textbox', { name: 'AvtaleGiro: Kontonummer' }).fill('1921');
  await accounts.getByRole('textbox', { name: 'AvtaleGiro: Kontonavn' }).fill('Bank AvtaleGiro');
  await page.getByRole('button', { name: 'Lagre kontoene' }).click();
  // (The Nets identifiers' "Lagret." may still be showing: the stored settings say when this save is done.)
  await expect.poll(async () => (await call('bookkeeping.settings', {})).methodAccounts.avtalegiro).toEqual({ number: '1921', name: 'Bank AvtaleGiro' });
  expect((await call('bookkeeping.settings', {})).methodAccounts.bankgiro).toEqual({ number: '1999', name: 'Gammel giro' });

  // The SIE file, read back: the claim invoiced and the AvtaleGiro payment on the account just set.
  await page.getByRole('button', { name: 'Vis hva som bokføres' }).click();
  await expect(page.getByTestId('sie-preview')).toContainText('2 bilag');
  await expect(page.getByTestId('sie-preview')).toContainText('Debet er lik kredit.');
  const sie = join(tmpDir, 'regnskap.si');
  page.once('dialog', (x) => void x.accept(sie));
  await page.getByRole('button', { name: 'Lagre SIE-filen' }).click();
  await expect(page.getByTestId('sie-saved')).toContainText('Lagret 2 bilag');
  const f = readSie(await readFile(sie));
  expect(f.head.get('#FNAMN')).toEqual(['Foreningen Fjellbu']);
  expect(f.verifications.map((v) => v.trans.map((t) => [t.account, t.amount]))).toEqual([
    [
      ['1500', 35000],
      ['3900', -35000],
    ],
    [
      ['1921', 35000],
      ['1500', -35000],
    ],
  ]);
});
