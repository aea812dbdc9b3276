import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures';
import { KansliApp } from './app';
import { ImportPage } from './import-page';

// Outside test-results: other specs running at the same time empty that folder when they start.
const shot = (name: string) => ({ path: join(tmpdir(), 'kansli-screens', `${name}.png`), fullPage: true });

/** As Excel saves "CSV (semikolonavgränsad)" in the Nordics: Windows-1252, `;`, CRLF. */
const CSV = [
  'Förnamn;Efternamn;Personnummer;E-post;Mobil;Postnr;Ort;Inträdesdatum;Kören',
  'Åsa;Öberg;19880320-0016;asa@exempel.se;070-123 45 67;114 18;Umeå;31.01.2024;ja',
  'Bjørn;Ærø;;bjorn@exempel.no;;;Tromsø;2024-02-01;',
  'Kalle;Ek;19880320-0017;kalle@exempel.se;;;Lund;20240131;nej',
  'Anna;Berg;;anna.berg@exempel.se;;;Norrby;45322;ja',
  '',
].join('\r\n');

test('a Windows-1252 file through the wizard: a personnummer fixed in the preview, a duplicate skipped, then undone', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Föreningen.kansli'), associationName: 'Föreningen Ödegården', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  await api['members.create']({ country: 'SE', firstName: 'Anna', lastName: 'Berg', email: 'anna.berg@exempel.se', consentSms: false, consentEmail: true, consentPost: true, status: 'active' });
  await api['groups.create']({ name: 'Kören', kind: 'section' });
  const file = join(tmpDir, 'medlemmar.csv');
  await writeFile(file, iconv.encode(CSV, 'win1252'));
  await page.reload();
  const ui = new ImportPage(page);

  await ui.open();
  await ui.pickFile(file);
  await expect(page.getByTestId('import-file-line')).toHaveText('medlemmar.csv · 4 rader');
  await expect(page.getByRole('combobox', { name: 'Teckenkodning' })).toHaveValue('Windows-1252 / ISO-8859-1 (äldre Excel)');
  await expect(page.getByRole('combobox', { name: 'Kolumnavgränsare' })).toHaveValue('Semikolon ;');
  await expect(page.getByTestId('import-file-preview')).toContainText('Ærø');
  await page.screenshot(shot('import-file'));

  // Columns: suggested from the Swedish headers.
  await ui.next();
  await expect(page.getByRole('combobox', { name: 'Hamnar i: Personnummer' })).toHaveValue('Personnummer');
  await expect(page.getByRole('combobox', { name: 'Hamnar i: Inträdesdatum' })).toHaveValue('Inträdesdatum');
  await expect(page.getByRole('combobox', { name: 'Hamnar i: Kören' })).toHaveValue('Grupp: Kören (ja/nej)');
  // Imported members get the type a new member gets, unless another is chosen.
  await expect(page.getByRole('combobox', { name: 'Medlemstyp för nya medlemmar' })).toHaveValue('Fullvärdig');
  await page.screenshot(shot('import-mapping'));

  // Check: row 4 has a bad check digit, row 5 is Anna Berg again (same e-mail).
  await ui.next();
  await expect(ui.summary()).toHaveText('2 nya, 0 att uppdatera, 1 hoppas över, 1 med problem');
  await expect(ui.row(4)).toContainText('Personnummer: ');
  await expect(ui.row(5)).toContainText(/Stämmer med nr 1 Anna Berg/);
  await page.screenshot(shot('import-check'));
  await ui.fixCell(4, 'Personnummer', '19900101-1239');
  await expect(ui.summary()).toHaveText('3 nya, 0 att uppdatera, 1 hoppas över, 0 med problem');
  await expect(ui.row(5).getByRole('combobox', { name: 'Vad ska göras med rad 5' })).toHaveValue('Hoppa över raden');

  await page.getByRole('button', { name: 'Importera 3 rader' }).click();
  await expect(page.getByTestId('import-done')).toContainText('3 skapade, 0 uppdaterade, 1 överhoppad.');
  await expect(page.getByTestId('import-runs')).toContainText('medlemmar.csv: 3 skapade');
  await page.screenshot(shot('import-done'));
  expect((await api['members.list']({ search: '', sort: 'lastName', direction: 'asc', includeArchived: false, offset: 0, limit: 100, columns: [] })).total).toBe(4);
  const kalle = (await api['members.list']({ search: 'Kalle', sort: 'lastName', direction: 'asc', includeArchived: false, offset: 0, limit: 100, columns: [] })).rows[0];
  expect(kalle.joinedOn).toBe('2024-01-31');
  expect((await api['members.get']({ id: kalle.id })).membershipTypeId).toBe((await api['members.types']({})).find((x) => x.code === 'full')!.id);
  const asa = (await api['members.list']({ search: 'Öberg', sort: 'lastName', direction: 'asc', includeArchived: false, offset: 0, limit: 100, columns: [] })).rows[0];
  expect((await api['members.page']({ id: asa.id })).roles.map((r) => r.role)).toEqual(['member']);

  // Undo, confirmed: back to the one member there was.
  await page.getByTestId('import-done').getByRole('button', { name: 'Ångra importen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ångra importen' }).click();
  await expect(page.getByText('Importen är ångrad.')).toBeVisible();
  await expect(page.getByTestId('import-runs')).toContainText('Ångrad');
  expect((await api['members.list']({ search: '', sort: 'lastName', direction: 'asc', includeArchived: false, offset: 0, limit: 100, columns: [] })).total).toBe(1);
  await page.getByRole('tab', { name: 'Medlemmar', exact: true }).click();
  await expect(page.getByTestId('member-count')).toHaveText('1 medlem');
});

test("the old register's member numbers: suggested, a number in use matches its member, kept numbers stay, and the import shows in the member's history", async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Föreningen.kansli'), associationName: 'Föreningen Ödegården', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  await api['members.create']({ country: 'SE', firstName: 'Kalle', lastName: 'Anka', consentSms: false, consentEmail: false, consentPost: true, status: 'active' });
  const file = join(tmpDir, 'gamla registret.csv');
  await writeFile(file, 'Medlemsnummer;Förnamn;Efternamn;Ort\n17;Åsa;Öberg;Umeå\n1;Kalle;Anka;Ankeborg\n;Per;Ek;Lund\n');
  await page.reload();
  const ui = new ImportPage(page);

  await ui.open();
  await ui.pickFile(file);
  await ui.next();
  await expect(page.getByRole('combobox', { name: 'Hamnar i: Medlemsnummer' })).toHaveValue('Medlemsnummer');
  await ui.next();
  await expect(ui.summary()).toHaveText('2 nya, 0 att uppdatera, 1 hoppas över, 0 med problem');
  await expect(ui.row(3)).toContainText('Stämmer med nr 1 Kalle Anka (samma medlemsnummer)');
  await page.getByRole('button', { name: 'Importera 2 rader' }).click();
  await expect(page.getByTestId('import-done')).toContainText('2 skapade, 0 uppdaterade, 1 överhoppad.');
  const list = await api['members.list']({ search: '', sort: 'memberNumber', direction: 'asc', includeArchived: false, offset: 0, limit: 100, columns: [] });
  expect(list.rows.map((r) => [r.memberNumber, r.firstName])).toEqual([[1, 'Kalle'], [17, 'Åsa'], [18, 'Per']]);

  // On Åsa's page the change history says where she came from.
  await page.getByRole('tab', { name: 'Medlemmar', exact: true }).click();
  const app = new KansliApp(page);
  await app.search('Öberg');
  await expect(app.rows()).toHaveCount(1);
  await app.rows().first().click();
  const drawer = page.getByRole('dialog');
  await drawer.getByTestId('tab-history').click();
  const created = drawer.locator('[data-testid="history-row"][data-field="created"]');
  await expect(created.getByTestId('history-new')).toHaveText('gamla registret.csv');
  await expect(created).toContainText('Import');
  await expect(created).toContainText('Tillagd i registret');
});
