import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCamt053 } from '../../src/core/payments/bank-files/camt053-writer';
import { writeBgMax } from '../../src/core/payments/test-support/bank-file-writers';
import { contractCaller, expect, panelShot, test } from './fixtures';
import { PaymentsPage } from './payments-page';


test('a BgMax file through the UI: preview with checked totals, import, review two unmatched payments, assign one, undo the import', async ({ page, server, tmpDir }) => {
  test.setTimeout(90_000);
  const api = server.core.api;
  const call = contractCaller(api);
  await api['register.create']({ path: join(tmpDir, 'Förening.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const [full] = await api['members.types']({});
  await call('dues.saveSettings', { associationName: 'Föreningen Ödegård', bankgiro: '5402-9681', referenceKind: 'ocr', ocrLevel: 'variable' });
  await call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: full.id, amount: 25_000, dueOn: '2026-03-31' }] });
  const base = { country: 'SE', membershipTypeId: full.id, joinedOn: '2020-01-01', street: 'Storgatan 1', postcode: '90325', city: 'Umeå' } as const;
  const people = [['Åsa', 'Öberg'], ['Björn', 'Ärlig'], ['Cecilia', 'Ek'], ['David', 'Lund']] as const;
  for (const [firstName, lastName] of people) await call('members.create', { ...base, firstName, lastName });
  await call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
  const { rows } = await call('dues.invoices', { year: 2026 });
  const inv = (last: string) => rows.find((r) => r.member.lastName === last)!;

  // Åsa and Björn pay with the OCR number (Björn 50 kr too much); Cecilia and David write no reference.
  const path = join(tmpDir, 'BgMax 2026-03-10.txt');
  await writeFile(path, writeBgMax('54029681', '2026-03-10', [
    { reference: inv('Öberg').reference, amount: 25_000, name: 'Åsa Öberg' },
    { reference: inv('Ärlig').reference, amount: 30_000, name: 'Björn Ärlig' },
    { reference: null, amount: 25_000, name: 'Cecilia Ek', message: 'Medlemsavgift' },
    { reference: null, amount: 25_000, name: 'D. Lund', message: `Medlem ${inv('Lund').member.memberNumber}` },
  ]));
  await page.reload();

  const payments = new PaymentsPage(page);
  await payments.open();
  await payments.pick(path);
  const preview = payments.preview();
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('payments-format')).toContainText('Bankgirots inbetalningsfil (BgMax)');
  await expect(page.getByTestId('payments-checked')).toContainText(/4 transaktioner, 1\s050,00\skr i 1 insättning: stämmer/);
  await expect(page.getByTestId('payments-matched')).toContainText(/2 betalningar · 550,00\skr/);
  await expect(page.getByTestId('payments-review')).toContainText(/2 betalningar · 500,00\skr/);
  await expect(preview).toContainText('Betalat för mycket: sparas som tillgodo på medlemmen');
  await panelShot(page, 'payments-preview');
  expect((await call('dues.invoice', { id: inv('Öberg').id })).status).toBe('open'); // nothing booked yet

  await payments.importFile();
  await expect(page.getByTestId('payments-imported')).toContainText('2 betalningar bokförda, 2 att granska');
  expect((await call('dues.invoice', { id: inv('Öberg').id })).status).toBe('paid');
  expect((await call('dues.account', { memberId: inv('Ärlig').member.memberId })).balance).toBe(-5_000);

  // Review: both unmatched payments, each with its suggestion.
  await page.getByRole('button', { name: 'Granska 2 betalningar' }).click();
  await expect(payments.reviewItems()).toHaveCount(2);
  await expect(page.getByTestId('payments-review-count')).toHaveText('2 betalningar att granska');
  const cecilia = payments.reviewItems().filter({ hasText: 'Cecilia Ek' });
  const david = payments.reviewItems().filter({ hasText: 'D. Lund' });
  await expect(cecilia).toContainText('samma namn');
  await expect(cecilia).toContainText('samma belopp');
  await expect(david).toContainText('medlemsnummer i meddelandet');
  await panelShot(page, 'payments-review');

  await cecilia.getByRole('button', { name: new RegExp(`^Bokför på faktura ${inv('Ek').number}`) }).click();
  await expect(payments.reviewItems()).toHaveCount(1);
  await expect(page.getByTestId('payments-review-count')).toHaveText('1 betalning att granska');
  expect((await call('dues.invoice', { id: inv('Ek').id })).status).toBe('paid');

  // The decided one is shown on request, with where the money went.
  await page.getByLabel('Visa avgjorda betalningar').check();
  await expect(page.getByTestId('payments-decision')).toContainText(`faktura ${inv('Ek').number} · Cecilia Ek`);

  // Undo the whole import: every payment it booked goes, the one assigned in review too.
  await payments.tab('imports');
  await expect(payments.importRows()).toHaveCount(1);
  await expect(payments.importRows().first().getByTestId('payments-import-parts')).toHaveText('2 bokförda · 1 att granska · 1 bokförd av dig');
  await panelShot(page, 'payments-imports');
  await payments.undoNewest();
  await expect(payments.importRows().first()).toHaveAttribute('data-undone', 'yes');
  for (const last of ['Öberg', 'Ärlig', 'Ek']) expect((await call('dues.invoice', { id: inv(last).id })).status).toBe('open');
  expect((await call('dues.account', { memberId: inv('Ärlig').member.memberId })).balance).toBe(25_000);
  await payments.tab('review');
  await expect(page.getByTestId('payments-review-empty')).toBeVisible();
});

test('a file for another bankgiro is refused with the line, nothing imported', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  const call = contractCaller(api);
  await api['register.create']({ path: join(tmpDir, 'Förening.kansli'), associationName: 'Föreningen', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  await call('dues.saveSettings', { associationName: 'Föreningen', bankgiro: '5402-9681', referenceKind: 'ocr' });
  const path = join(tmpDir, 'annan.txt');
  await writeFile(path, writeBgMax('9912346', '2026-03-10', [{ reference: '1230', amount: 25_000 }]));
  await page.reload();
  const payments = new PaymentsPage(page);
  await payments.open();
  await payments.pick(path);
  const error = page.getByTestId('payments-error');
  await expect(error).toHaveAttribute('data-error-code', 'file-other-payee');
  await expect(error).toHaveText('Rad 2: filen gäller ett annat konto (9912346), inte föreningens. Inget lästes in.');
  await expect(payments.preview()).toHaveCount(0);
  await panelShot(page, 'payments-refused');
  expect(await call('payments.imports', {})).toEqual([]);
});

test('a camt.053 statement through the UI: its name, what is left out and why, the members’ payments booked', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  const call = contractCaller(api);
  await api['register.create']({ path: join(tmpDir, 'Förening.kansli'), associationName: 'Föreningen', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const [full] = await api['members.types']({});
  await call('dues.saveSettings', { associationName: 'Föreningen', bankgiro: '5402-9681', referenceKind: 'ocr', iban: 'SE4550000000058398257466' });
  await call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: full.id, amount: 25_000, dueOn: '2026-03-31' }] });
  for (const lastName of ['Öberg', 'Ärlig']) await call('members.create', { country: 'SE', membershipTypeId: full.id, joinedOn: '2020-01-01', firstName: 'Å', lastName, street: 'Storgatan 1', postcode: '90325', city: 'Umeå' });
  await call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
  const [a, b] = (await call('dues.invoices', { year: 2026 })).rows;
  const path = join(tmpDir, 'Kontoutdrag 2026-03-11.xml');
  await writeFile(path, writeCamt053({ iban: 'SE4550000000058398257466' }, '2026-03-11', [
    { amount: 25_000, reference: a.reference }, { amount: 89_900, direction: 'DBIT' }, { amount: 25_000, status: 'PDNG', reference: b.reference },
  ]));
  await page.reload();
  const payments = new PaymentsPage(page);
  await payments.open();
  await payments.pick(path);
  await expect(page.getByTestId('payments-format')).toContainText('Kontoutdrag (camt.053)');
  const leftOut = page.getByTestId('payments-left-out');
  // The statement's totals count both credit entries, the pending one too: the check says so, and which is left out.
  const checked = page.getByTestId('payments-checked');
  await expect(checked).toContainText(/2 inbetalningsposter, 500,00\skr i 1 kontoutdrag: stämmer/);
  await expect(checked).toContainText('1 av dem är inte bokförd av banken ännu och tas inte med; den kommer med en senare fil från banken.');
  await expect(leftOut).toHaveText('1 post var inte en inbetalning och tas inte med.');
  await panelShot(page, 'payments-camt053-preview');
  await payments.importFile();
  await expect(page.getByTestId('payments-imported')).toContainText('1 betalning bokförd, 0 att granska');
  expect([(await call('dues.invoice', { id: a.id })).status, (await call('dues.invoice', { id: b.id })).status]).toEqual(['paid', 'open']);
});
