import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { KansliApp } from './app';
import { DuesPage } from './dues-page';
import { contractCaller, expect, panelShot, SHOTS, test } from './fixtures';

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
/** pdftotext keeps the no-break spaces of "250,00 kr"; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/**
 * A screenshot of the whole dues panel: the tab panel scrolls inside the window, so the window is
 * made as tall as the panel's content for the picture and put back afterwards.
 */
const YEAR = 2026;
const FEE = 25_000; // 250,00 kr

test('a whole dues year through the UI: invoice run, letters, a payment, reminder 1, strike-off and its undo', async ({ page, server, tmpDir }) => {
  test.setTimeout(120_000);
  const api = server.core.api;
  const call = contractCaller(api);
  await api['register.create']({ path: join(tmpDir, 'Förening.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });

  // The fee schedule and the settings are the first dues engineer's screens: seeded through the
  // core (the settings only after the run has been seen blocked without them).
  const types = await api['members.types']({});
  const full = types[0].id;
  await call('dues.saveFees', { year: YEAR, fees: [{ membershipTypeId: full, amount: FEE, dueOn: `${YEAR}-02-28` }] });

  const base = { country: 'SE', consentSms: false, consentEmail: true, consentPost: true, status: 'active', membershipTypeId: full, joinedOn: '2020-01-01' } as const;
  const umea = { street: 'Storgatan 1', postcode: '90325', city: 'Umeå' };
  const asa = await api['members.create']({ ...base, firstName: 'Åsa', lastName: 'Öberg', email: 'asa@example.se', ...umea });
  const bjorn = await api['members.create']({ ...base, firstName: 'Björn', lastName: 'Ärlig', street: 'Ängsvägen 2', postcode: '11418', city: 'Stockholm' });
  const per = await api['members.create']({ ...base, firstName: 'Per', lastName: 'Betalare', email: 'per@example.se', street: 'Bygatan 3', postcode: '41101', city: 'Göteborg' });
  const karin = await api['members.create']({ ...base, firstName: 'Karin', lastName: 'Utanadress', email: 'karin@example.se' });
  const ola = await api['members.create']({ ...base, firstName: 'Ola', lastName: 'Autogiro', ...umea });
  await call('dues.setDirectDebit', { memberId: ola.id, kind: 'autogiro', since: '2024-01-01', payerNumber: null });
  await page.reload();

  const app = new KansliApp(page);
  const dues = new DuesPage(page);
  await dues.open();

  // --- Without payment details the run is blocked: "fill in first", with the way to the settings.
  await dues.previewRun({ year: YEAR, invoiceDate: `${YEAR}-02-01` });
  const blocking = page.getByTestId('run-blocking');
  await expect(blocking).toContainText('Fyll i först');
  await expect(blocking).toContainText('Bankgiro: Ett bankgiro- eller plusgironummer behövs för OCR-referenser.');
  await expect(page.getByRole('button', { name: 'Skapa fakturorna…' })).toBeDisabled();
  await panelShot(page, 'dues-year-run-blocked');
  await blocking.getByRole('button', { name: 'Öppna inställningarna' }).click();
  await expect(page.getByTestId('dues-tab-settings')).toHaveAttribute('aria-selected', 'true');
  await call('dues.saveSettings', {
    associationName: 'Föreningen Ödegård',
    addressLines: ['Box 12', '903 25 Umeå'],
    contact: 'kassor@odegard.se',
    bankgiro: '5402-9681',
    swishNumber: '123 785 69 01',
    referenceKind: 'ocr',
    ocrLevel: 'variable',
    letterText: 'Hej {firstName}! Tack för att du är med i {association}.',
  });

  // --- Invoice run: preview (Ola left out for autogiro), then run.
  await dues.previewRun({ year: YEAR, invoiceDate: `${YEAR}-02-01` });
  await expect(page.getByTestId('run-summary')).toHaveText(/^4 fakturor, totalt 1\s000,00\skr$/);
  const invoices = page.getByTestId('run-preview-invoices');
  await expect(invoices.locator('tbody tr')).toHaveCount(4);
  await expect(invoices.locator(`tr[data-member="${karin.memberNumber}"]`)).toContainText('Bara e-post');
  await expect(invoices).not.toContainText('Autogiro');
  await dues.excludedGroup('Betalar med autogiro');
  await expect(page.getByTestId('run-excluded-direct-debit')).toHaveText(`Ola Autogiro (${ola.memberNumber})`);
  await expect(page.locator('[data-reason]')).toHaveCount(1);
  await panelShot(page, 'dues-year-run-preview');

  const confirmText = await dues.createInvoices(4);
  expect(plain(confirmText)).toContain('Det här skapar 4 fakturor, totalt 1 000,00 kr');
  await expect(page.getByTestId('run-created')).toContainText('4 fakturor skapade');
  await expect(page.getByTestId('runs-list').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('runs-list')).toContainText(/1\s000,00\skr/);
  const rows = (await call('dues.invoices', { year: YEAR })).rows;
  expect(rows).toHaveLength(4);
  const invoiceOf = (memberId: number) => rows.find((r) => r.member.memberId === memberId)!;

  // --- Letters: one combined PDF sorted by postcode (Karin has no address: listed, not printed).
  const combined = join(tmpDir, 'Fakturor 2026.pdf');
  const done = await dues.makeLetters(page.getByTestId('run-created').getByRole('button', { name: 'Gör breven…' }), { mode: 'combined', sort: 'Efter postnummer', path: combined });
  await expect(done).toContainText('3 brev klara');
  await expect(done.getByTestId('letters-path')).toHaveText(combined);
  await expect(done.getByTestId('letters-not-printable')).toContainText(`Karin Utanadress (${karin.memberNumber}) — saknar postadress`);
  await expect(done.getByRole('button', { name: 'Visa i mappen' })).toBeVisible();
  await panelShot(page, 'dues-year-letters-done');
  const text = plain(pdfText(combined));
  expect(text).toContain('Åsa Öberg');
  expect(text).toContain('Ängsvägen 2');
  expect(text).toContain('250,00 kr');
  expect(text).toContain(invoiceOf(asa.id).reference);
  expect(text).toContain(`${YEAR}-02-28`);
  expect(text).not.toContain('Utanadress');
  // Sorted by postcode: Stockholm 114 18, Göteborg 411 01, Umeå 903 25.
  expect(text.indexOf('Björn Ärlig')).toBeLessThan(text.indexOf('Per Betalare'));
  expect(text.indexOf('Per Betalare')).toBeLessThan(text.indexOf('Åsa Öberg'));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', combined, join(SHOTS, 'dues-year-letter-page1')]);

  // --- Letters: one PDF per member in a new folder inside the one picked, with index.csv.
  await dues.makeLetters(page.getByTestId('runs-list').getByRole('button', { name: 'Gör breven…' }), { mode: 'separate', path: tmpDir });
  const folder = join(tmpDir, 'Fakturor 2026');
  const files = (await readdir(folder)).sort();
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
  expect(files).toContain('index.csv');
  const csv = await readFile(join(folder, 'index.csv'), 'utf8');
  const index = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;
  expect(index).toHaveLength(5); // heading + four letters, Karin's included
  const karinRow = index.find((r) => r.includes('karin@example.se'))!;
  expect(karinRow).toBeDefined();
  expect(files).toContain(karinRow[karinRow.length - 1]);
  expect(plain(pdfText(join(folder, karinRow[karinRow.length - 1])))).toContain('Karin Utanadress');

  // A second preview of the same year invoices no one twice.
  await page.getByRole('button', { name: 'Visa förhandsvisning' }).click();
  await expect(page.getByTestId('run-summary')).toHaveText(/^0 fakturor, totalt 0,00\skr$/);
  await expect(page.getByRole('button', { name: 'Skapa fakturorna…' })).toBeDisabled();
  await dues.excludedGroup('Redan fakturerad i år');
  await expect(page.getByTestId('run-excluded-already-invoiced')).toContainText('Åsa Öberg');

  // --- Per pays in full (payments are another screen's: recorded through the core).
  await call('dues.recordPayment', { invoiceId: invoiceOf(per.id).id, paidOn: `${YEAR}-02-20`, amount: FEE, method: 'bankgiro' });

  // --- Reminder 1: previewed (Per not in it) and run; its letters made.
  await dues.tab('reminders');
  await expect(page.getByTestId('reminder-round')).toHaveCount(3);
  const preview = await dues.previewRound(1);
  await expect(preview.getByTestId('round-preview-rows').locator('tbody tr')).toHaveCount(3);
  await expect(preview).not.toContainText('Betalare');
  await expect(preview).toContainText('Åsa Öberg');
  await expect(preview).toContainText(/3 fakturor är obetalda med 750,00\skr/);
  await panelShot(page, 'dues-year-reminder-preview');
  await dues.runRound(1, 3);
  await expect(dues.round(1).getByTestId('round-status')).toContainText('3 påminda');
  const reminders = join(tmpDir, 'Påminnelse 1.pdf');
  await dues.makeLetters(dues.round(1).getByRole('button', { name: 'Gör breven…' }), { mode: 'combined', path: reminders });
  const reminderText = plain(pdfText(reminders));
  expect(reminderText).toContain('Åsa Öberg');
  expect(reminderText).not.toContain('Per Betalare');
  // The facts first, then the default round text's greeting; nothing about a forgotten fee.
  expect(reminderText).toMatch(/är inte registrerad som betald\.\s+Kvar att betala:\s+250,00 kr,\s+ny\s+förfallodag/);
  expect(reminderText).toMatch(/Hej Åsa!\s+En vänlig påminnelse om medlemsavgiften/);
  expect(reminderText).not.toMatch(/glömts|inte sett/);
  await panelShot(page, 'dues-year-reminders');

  // --- Strike-off: the proposal after round 1, the board's PDF, approve (Karin kept), undo.
  await dues.tab('strikeOff');
  await expect(page.getByTestId('strike-off-summary')).toContainText('Obetalt efter påminnelse 1: 3 medlemmar');
  const proposal = page.getByTestId('strike-off-proposal');
  await expect(proposal.locator('tbody tr')).toHaveCount(3);
  const boardPdf = join(tmpDir, 'Förslag.pdf');
  page.once('dialog', (d) => void d.accept(boardPdf));
  await page.getByRole('button', { name: 'PDF-lista till styrelsen…' }).click();
  await expect(page.getByTestId('strike-off-notice')).toContainText('Listan med 3 personer är sparad');
  expect(plain(pdfText(boardPdf))).toContain('Öberg');
  await proposal.getByRole('checkbox', { name: 'Välj Karin Utanadress' }).uncheck();
  await page.getByLabel('Anteckning (t.ex. protokoll § 12)').fill('Styrelsemöte § 7');
  await panelShot(page, 'dues-year-strike-off-proposal');
  await dues.strikeOff({ on: `${YEAR}-06-15`, count: 2 });
  await expect(page.getByTestId('strike-off-notice')).toContainText('2 medlemmar är avförda');
  const entry = page.getByTestId('struck-off-entry').first();
  await expect(entry).toContainText('Åsa Öberg');
  await expect(entry).toContainText('Björn Ärlig');
  await expect(entry).toContainText('Styrelsemöte § 7');
  // Karin is still proposed, and still not chosen; the others are gone from the proposal.
  await expect(proposal.locator('tbody tr')).toHaveCount(1);
  await expect(proposal.getByRole('checkbox', { name: 'Välj Karin Utanadress' })).not.toBeChecked();
  await panelShot(page, 'dues-year-struck-off');

  // The member list shows Åsa struck off.
  await page.getByRole('tab', { name: 'Medlemmar', exact: true }).click();
  await app.search('Öberg');
  await expect(app.rows()).toHaveCount(1);
  await expect(app.rows().first()).toContainText('Utskriven');

  // Undo: both back to active, and back in the proposal.
  await dues.open();
  await dues.tab('strikeOff');
  await dues.undoStrikeOff(page.getByTestId('struck-off-entry').first());
  await expect(page.getByTestId('strike-off-notice')).toContainText('Avförandet är ångrat');
  await expect(page.getByTestId('struck-off-entry').first()).toHaveAttribute('data-undone', 'true');
  await expect(proposal.locator('tbody tr')).toHaveCount(3);
  await page.getByRole('tab', { name: 'Medlemmar', exact: true }).click();
  await app.search('Öberg');
  await expect(app.rows().first()).toContainText('Aktiv');
  expect((await api['members.get']({ id: bjorn.id })).status).toBe('active');

  // --- A credit note (made on the Invoices tab: here through the core) gets its letter.
  const note = await call('dues.credit', { invoiceId: invoiceOf(bjorn.id).id, on: `${YEAR}-06-20` });
  await dues.open();
  await dues.tab('run');
  const credits = page.getByTestId('credit-notes');
  await expect(credits.locator('tbody tr')).toHaveCount(1);
  await credits.getByRole('checkbox', { name: `Välj ${note.number}` }).check();
  const creditPdf = join(tmpDir, 'Kreditfaktura.pdf');
  await dues.makeLetters(page.getByRole('button', { name: 'Brev för den valda kreditfakturan…' }), { mode: 'combined', path: creditPdf });
  const creditText = plain(pdfText(creditPdf));
  expect(creditText).toContain('Björn Ärlig');
  expect(creditText).toContain('Kreditfaktura');
  expect(creditText).toMatch(/[−-]250,00 kr/);
});

test('letters show their progress, can be cancelled while the window stays usable, and leave nothing behind', async ({ page, server, tmpDir }) => {
  test.setTimeout(180_000);
  const api = server.core.api;
  const call = contractCaller(api);
  await api['register.create']({ path: join(tmpDir, 'Stor.kansli'), associationName: 'Stora Föreningen', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  await call('dues.saveSettings', { associationName: 'Stora Föreningen', addressLines: ['Box 1', '111 11 Stockholm'], bankgiro: '5402-9681', referenceKind: 'ocr' });
  const full = (await api['members.types']({}))[0].id;
  await call('dues.saveFees', { year: YEAR, fees: [{ membershipTypeId: full, amount: FEE, dueOn: `${YEAR}-02-28` }] });
  // Enough letters (one PDF each) that rendering takes seconds, so Cancel comes while it runs.
  const COUNT = 800;
  for (let i = 0; i < COUNT; i++) {
    await api['members.create']({
      country: 'SE', consentSms: false, consentEmail: false, consentPost: true, status: 'active', membershipTypeId: full, joinedOn: '2020-01-01',
      firstName: `Medlem${i}`, lastName: 'Ågren', street: `Storgatan ${i + 1}`, postcode: String(11100 + (i % 800)), city: 'Stockholm',
    });
  }
  await call('dues.run', { year: YEAR, invoiceDate: `${YEAR}-02-01` });
  await page.reload();

  const dues = new DuesPage(page);
  await dues.open();
  await dues.tab('run');
  await page.getByRole('textbox', { name: 'Avgiftsår' }).fill(String(YEAR));
  await page.getByTestId('runs-list').getByRole('button', { name: 'Gör breven…' }).click();
  const dialog = page.getByTestId('letters-dialog');
  await expect(dialog.getByTestId('letters-preview')).toContainText(`${COUNT} brev.`);
  await dialog.getByRole('radio', { name: 'En PDF per medlem, för e-post' }).check();
  await expect(dialog).toContainText('Breven hamnar i en ny mapp ”Fakturor 2026” i den mapp du väljer.');
  await page.screenshot({ path: join(SHOTS, 'dues-year-letters-dialog.png') });
  page.once('dialog', (d) => void d.accept(tmpDir));
  await dialog.getByRole('button', { name: 'Välj var, och gör breven' }).click();

  const job = page.getByTestId('letters-job');
  await expect(job.getByRole('progressbar', { name: 'Gör breven: Fakturor 2026' })).toBeVisible();
  await expect(job.getByTestId('letters-progress')).toHaveText(new RegExp(`^\\d+ av ${COUNT}$`), { timeout: 30_000 });
  await page.screenshot({ path: join(SHOTS, 'dues-year-letters-progress.png') });

  // The window answers meanwhile: another tab opens, and coming back finds the job still running.
  await dues.tab('reminders');
  await expect(page.getByTestId('reminder-round')).toHaveCount(3);
  await dues.tab('run');
  await job.getByRole('button', { name: 'Avbryt' }).click();

  const ended = page.getByTestId('letters-ended');
  await expect(ended).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
  await expect(ended).toContainText('Avbrutet: Fakturor 2026');
  await expect(ended).toContainText('Avbrutet. Inget skrevs.');
  await expect(job).toHaveCount(0);
  // The folder the job made is gone again, with everything in it.
  expect(existsSync(join(tmpDir, 'Fakturor 2026'))).toBe(false);
  await page.screenshot({ path: join(SHOTS, 'dues-year-letters-cancelled.png') });
});
