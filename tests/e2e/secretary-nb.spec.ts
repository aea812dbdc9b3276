import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { KansliApp } from './app';
import { SHOTS, expect, test } from './fixtures';

const PASSPHRASE = 'blå trikk sju fjorder';

/** As Excel in Norway saves "CSV (semikolondelt)": Windows-1252, `;`, CRLF, and 0150 turned into 150. */
const CSV = [
  'Fornavn;Etternavn;E-post;Mobil;Postnummer;Poststed;Innmeldt',
  'Ola;Nordmann;ola@eksempel.no;412 34 567;150;Oslo;15.01.2024',
  'Kari;Ødegård;kari@eksempel.no;+47 912 34 567;9008;Tromsø;01.02.2023',
  '',
].join('\r\n');

test('the secretary in bokmål: a Norwegian register, members, the board, an Excel file, a segment, the manntall, lock', async ({ page, tmpDir }) => {
  const app = new KansliApp(page);
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `secretary-nb-${name}.png`), fullPage: true });

  // Create: bokmål chooses Norway; an empty passphrase is named at its field.
  await app.chooseLanguage('Norsk bokmål');
  await page.getByRole('button', { name: 'Opprett et nytt register' }).click();
  await expect(page.getByRole('combobox', { name: 'Land' })).toHaveValue('Norge');
  await page.getByLabel('Foreningens navn').fill('Idrettslaget Ørn');
  await page.getByRole('button', { name: 'Opprett registeret' }).click();
  await expect(page.getByText('Må fylles ut.')).toHaveCount(2); // the passphrase and the file
  await page.getByTestId('passphrase').fill(PASSPHRASE);
  await page.getByTestId('passphrase-repeat').fill(PASSPHRASE);
  app.answerNextDialog(join(tmpDir, 'Ørn.kansli'));
  await page.getByRole('button', { name: 'Velg hvor det skal lagres…' }).click();
  await page.getByRole('button', { name: 'Opprett registeret' }).click();
  await page.getByLabel('Jeg har skrevet ut eller oppbevart gjenopprettingsnøkkelen trygt').check();
  await page.getByRole('button', { name: 'Fortsett til registeret' }).click();
  await expect(page.getByText('Ingen medlemmer ennå. Legg til det første med «Nytt medlem».')).toBeVisible();

  // A member by hand: each field's error once, in bokmål, from Kansli rather than the browser.
  await page.getByRole('button', { name: 'Nytt medlem' }).click();
  const form = app.form();
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByText('Må fylles ut.')).toHaveCount(2);
  await app.fillMember({ firstName: 'Ingrid', lastName: 'Hansen', identityNumber: '15108695077', postcode: '12345', mobile: '22 33 44 55', email: 'ingrid@eksempel' });
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByText('Fødselsnummer', { exact: true })).toBeVisible();
  await expect(form.getByText('Kontrollsifrene stemmer ikke — sjekk om det er en skrivefeil.')).toBeVisible();
  await expect(form.getByText(/Norske postnumre har fire sifre \(0150\)/)).toBeVisible();
  await expect(form.getByText('Dette er ikke et mobilnummer.')).toBeVisible();
  await expect(form.getByText('Delen etter @ er ikke et gyldig domene (som eksempel.no).')).toBeVisible();
  await shot('member-errors');
  await app.fillMember({ identityNumber: '1510869508' });
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByText('Et fødselsnummer har 11 sifre.')).toBeVisible();
  await app.fillMember({ identityNumber: '151086 95088', postcode: '0150', city: 'Oslo', mobile: '412 34 560', email: 'ingrid@eksempel.no' });
  await form.locator('input[name="joinedOn"]').fill('2020-01-01');
  await expect(form.getByText('Innmeldingsdato')).toBeVisible();
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('member-count')).toHaveText('1 medlem');
  await expect(app.rows().first()).toContainText('151086*****');

  // The board: the role reads as a word inside the sentence.
  await page.getByRole('tab', { name: 'Grupper og roller' }).click();
  await page.getByRole('button', { name: 'Ny gruppe' }).click();
  await page.getByTestId('group-form').getByLabel('Navn').fill('Styret');
  await page.getByTestId('group-form').getByRole('button', { name: 'Lagre' }).click();
  await page.getByRole('button', { name: 'Gi et medlem en rolle' }).click();
  const roleForm = page.getByTestId('role-form');
  await roleForm.getByTestId('member-picker').fill('hans');
  await page.getByRole('option', { name: /Hansen, Ingrid/ }).click();
  await roleForm.getByLabel('Rolle', { exact: true }).click();
  await page.getByRole('option', { name: 'Leder', exact: true }).click();
  await roleForm.getByLabel('Fra').fill('2025-01-01');
  await roleForm.getByRole('button', { name: 'Legg til' }).click();
  await expect(page.getByText('Hansen, Ingrid (nr. 1) er nå leder')).toBeVisible();
  await expect(page.getByTestId('holder-row').first()).toContainText('Leder');

  // Types: one held by a member cannot be deleted, and Kansli says so without asking first.
  await page.getByRole('tab', { name: 'Medlemstyper og felt' }).click();
  await page.getByTestId('type-row').filter({ hasText: 'Ordinær' }).getByRole('button', { name: 'Slett' }).click();
  await expect(page.getByText('«Ordinær» har eller har hatt medlemmer og kan ikke slettes.', { exact: false })).toBeVisible();
  await expect(page.getByTestId('type-row').filter({ hasText: 'Støttemedlem' }).getByTestId('type-votes')).toHaveText('Nei');

  // Excel's file from Norway: Oslo's postcode comes back as 0150.
  const file = join(tmpDir, 'medlemmer.csv');
  await writeFile(file, iconv.encode(CSV, 'win1252'));
  await page.getByRole('tab', { name: 'Import', exact: true }).click();
  page.once('dialog', (d) => void d.accept(file));
  await page.getByRole('button', { name: 'Velg fil…' }).click();
  await expect(page.getByTestId('import-file-line')).toHaveText('medlemmer.csv · 2 rader');
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByRole('combobox', { name: 'Går inn i: Postnummer' })).toHaveValue('Postnummer');
  await expect(page.getByRole('combobox', { name: 'Går inn i: Innmeldt' })).toHaveValue('Innmeldt');
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('2 nye, 0 som oppdateres, 0 hoppes over, 0 med problemer');
  await page.getByRole('button', { name: 'Importer 2 rader' }).click();
  await expect(page.getByTestId('import-done')).toContainText('2 opprettet, 0 oppdatert, 0 hoppet over.');

  // Search, a saved segment, and the bulk button that says what it does.
  await page.getByRole('tab', { name: 'Medlemmer', exact: true }).click();
  await app.search('odegard');
  await expect(app.rows()).toHaveCount(1);
  await app.search('');
  await page.getByTestId('filter-toggle').click();
  const panel = page.getByTestId('filter-panel');
  await panel.getByRole('button', { name: 'Legg til vilkår' }).click();
  await panel.getByTestId('segment-field').first().click();
  await page.getByRole('option', { name: 'Poststed', exact: true }).click();
  await panel.getByLabel('Poststeder (trykk Enter etter hvert)').fill('Oslo');
  await panel.getByLabel('Poststeder (trykk Enter etter hvert)').press('Enter');
  await expect(panel.getByTestId('segment-count')).toHaveText('2 medlemmer passer');
  await panel.getByLabel('Navn på utvalget').fill('Medlemmer i Oslo');
  await panel.getByRole('button', { name: 'Lagre utvalget' }).click();
  await expect(page.getByTestId('filter-toggle')).toHaveText('Utvalg: Medlemmer i Oslo');
  await page.getByTestId('select-all').check();
  await expect(page.getByTestId('bulk-menu')).toHaveText('Velg handling for 2 medlemmer');
  await shot('segment');

  // The roll is "Manntall": file name and PDF in bokmål; the supporting member may not vote.
  await page.getByRole('tab', { name: 'Eksport', exact: true }).click();
  await page.getByRole('radio', { name: 'Manntall til årsmøtet' }).check();
  await page.getByLabel('Stemmerett den').fill('2026-03-01');
  const offered = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.defaultValue()); void d.accept(join(tmpDir, 'manntall.pdf')); }));
  await page.getByRole('button', { name: 'Eksporter…' }).click();
  expect(await offered).toBe('Manntall – 2026-03-01.pdf');
  await expect(page.getByTestId('export-done')).toContainText('Lagret 3 personer');
  const roll = execFileSync('pdftotext', ['-layout', join(tmpDir, 'manntall.pdf'), '-'], { encoding: 'utf8' });
  expect(roll).toContain('Manntall');
  expect(roll).toContain('Signatur');
  expect(roll).toContain('Nordmann, Ola');
  await expect(page.getByTestId('export-log').locator('tbody tr').first()).toContainText('Manntall til årsmøtet');

  // Lock; a wrong passphrase is told plainly; then open again.
  await app.waitSaved();
  await page.getByRole('button', { name: 'Lås' }).click();
  await page.getByTestId('unlock-passphrase').fill('feil frase');
  await page.getByRole('button', { name: 'Åpne', exact: true }).click();
  await expect(app.errorAlert()).toHaveText('Feil passordfrase. Filen er ikke endret; prøv igjen.');
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Åpne', exact: true }).click();
  await expect(page.getByTestId('member-count')).toHaveText('3 medlemmer');

  // English, spot-checked: the settings switch the whole window at once.
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  await page.getByRole('dialog').getByText('English', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('member-count')).toHaveText('3 members');
  await expect(page.getByTestId('bulk-menu')).toHaveText('Choose an action for 0 members');
  await expect(page.getByRole('tab', { name: 'Types and fields' })).toBeVisible();
  await shot('english');
});
