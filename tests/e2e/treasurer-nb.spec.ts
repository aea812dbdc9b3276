import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeNetsOcr } from '../../src/core/payments/test-support/bank-file-writers';
import { KansliApp } from './app';
import { contractCaller, expect, panelShot, test } from './fixtures';

/** This year (the fee screen starts at it); the faktura is dated 2 January and due 15 January. */
const YEAR = new Date().getFullYear();
const TODAY = new Date().toISOString().slice(0, 10);
const ACCOUNT = '12345678903';
/** Intl and the PDFs write "1 250,00 kr" with no-break spaces: compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const pdfText = (path: string) => plain(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
const money = (text: string) => new RegExp(text.replace(/ /g, '\\s'));

/** The app's screens in bokmål, by the names in the navigation. */
const screen = (page: Page, name: 'Kontingent' | 'Medlemmer' | 'Innbetalinger' | 'Regnskap') =>
  page.getByRole('tablist', { name: 'Visninger' }).getByRole('tab', { name, exact: true }).click();

/** Answers the next file prompt with `path`, clicks, and waits for the letters' finished card. */
async function makeLetters(page: Page, opener: ReturnType<Page['getByRole']>, path: string, before: number) {
  await opener.click();
  const dialog = page.getByTestId('letters-dialog');
  await expect(dialog.getByTestId('letters-preview')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Én PDF for utskrift' })).toBeChecked();
  page.once('dialog', (d) => void d.accept(path));
  await dialog.getByRole('button', { name: 'Velg hvor, og lag brevene' }).click();
  await expect(page.getByTestId('letters-done')).toHaveCount(before + 1, { timeout: 30_000 });
}

test('the treasurer’s year in bokmål: kontonummer and KID, fakturaer, an innbetaling, a Nets OCR file, purring 1, stryking and kundereskontro', async ({ page, server, tmpDir }) => {
  test.setTimeout(120_000);
  const call = contractCaller(server.core.api);
  await call('register.create', { path: join(tmpDir, 'Lag.kansli'), associationName: 'Idrettslaget Ørn', country: 'NO', language: 'nb', passphrase: 'blå trikk sju sjøer' });
  const base = { country: 'NO', consentSms: false, consentEmail: true, consentPost: true, status: 'active', membershipTypeId: 1, joinedOn: '2019-01-01' } as const;
  const kari = await call('members.create', { ...base, firstName: 'Kari', lastName: 'Nordmann', street: 'Storgata 1', postcode: '0150', city: 'Oslo' });
  const ola = await call('members.create', { ...base, firstName: 'Ola', lastName: 'Bø', street: 'Fjellveien 22', postcode: '5003', city: 'Bergen' });
  const per = await call('members.create', { ...base, firstName: 'Per', lastName: 'Æsøy-Halvorsen', street: 'Kongens gate 3B', postcode: '7011', city: 'Trondheim' });
  const ingrid = await call('members.create', { ...base, firstName: 'Ingrid', lastName: 'Trekk', street: 'Strandveien 9', postcode: '9008', city: 'Tromsø' });
  await call('dues.setDirectDebit', { memberId: ingrid.id, kind: 'avtalegiro' });
  await page.reload();
  const app = new KansliApp(page);

  // --- Settings: the association's account and KID, as a Norwegian bank agreement gives them.
  await screen(page, 'Kontingent');
  const form = page.getByTestId('dues-settings-form');
  await expect(page.getByTestId('dues-settings-missing')).toContainText('Kontonummer');
  await form.getByLabel('Postadresse').fill('Postboks 12\n0150 Oslo');
  await form.getByLabel('Organisasjonsnummer').fill('974760673');
  await form.getByLabel('Kontonummer', { exact: true }).fill('1234.56.78903');
  await expect(form.getByRole('radio', { name: 'KID-nummer' })).toBeChecked();
  await form.getByLabel('KID-lengde (sifre)').fill('8');
  await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
  await expect(page.getByTestId('dues-settings-ready')).toHaveText('Innstillingene er komplette: fakturaer kan lages.');
  await expect(form.getByLabel('Organisasjonsnummer')).toHaveValue('974 760 673');
  // No activities filled in: the default letter leaves out its lead-in to them, in the preview as on paper.
  await expect(page.getByTestId('letter-preview')).toContainText(`Her kommer kontingenten for ${YEAR}.`);
  await expect(page.getByTestId('letter-preview')).not.toContainText('Dette skjer fremover');

  // --- The year's kontingent: "Kontingent (kr)", due mid-January.
  await page.getByTestId('dues-tab-fees').click();
  await expect(page.getByText(`Ingen satser er satt for ${YEAR} ennå.`)).toBeVisible();
  const fee = page.locator('[data-testid^="fee-row-"]').first();
  await fee.getByRole('textbox', { name: /^Kontingent \(kr\)/ }).fill('1 250');
  await fee.getByRole('textbox', { name: /^Forfallsdato/ }).fill(`${YEAR}-01-15`);
  await page.getByRole('button', { name: `Lagre satsene for ${YEAR}` }).click();
  await expect(page.getByText(`Satsene for ${YEAR} er lagret.`)).toBeVisible();

  // --- Fakturering: Ingrid pays by AvtaleGiro and gets no faktura.
  await page.getByTestId('dues-tab-run').click();
  await page.getByRole('textbox', { name: 'Kontingentår' }).fill(String(YEAR));
  await page.getByLabel('Fakturadato').fill(`${YEAR}-01-02`);
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByTestId('run-summary')).toHaveText(money('3 fakturaer, til sammen 3 750,00 kr'));
  await expect(page.getByTestId('run-excluded')).toContainText('Betaler med AvtaleGiro');
  await page.getByRole('button', { name: 'Lag fakturaene…' }).click();
  await page.getByRole('dialog', { name: 'Lage fakturaene?' }).getByRole('button', { name: 'Lag 3 fakturaer' }).click();
  await expect(page.getByTestId('run-created')).toContainText('3 fakturaer laget');
  const invoices = join(tmpDir, 'Fakturaer.pdf');
  await makeLetters(page, page.getByTestId('run-created').getByRole('button', { name: 'Lag brevene…' }), invoices, 0);
  const letter = pdfText(invoices);
  for (const words of ['Faktura', 'Forfallsdato', `15.01.${YEAR}`, 'Kontonummer 1234.56.78903', 'KID', '1 250,00 kr', 'Org.nr. 974 760 673', 'Kontingent']) expect(letter).toContain(words);
  expect(letter).not.toMatch(/Medlemsavgift|Påminnelse|OCR/);
  expect(letter).toMatch(new RegExp(`Her kommer kontingenten for ${YEAR}\\.\\s+Ta gjerne kontakt`));
  expect(letter).not.toContain('Dette skjer fremover');
  const rows = (await call('dues.invoices', { year: YEAR })).rows;
  const inv = (id: number) => rows.find((r) => r.member.memberId === id)!;
  expect(letter).toContain(inv(kari.id).reference);

  // --- An innbetaling by hand on Kari's faktura (Vipps), and Nina's cash without a faktura.
  await page.getByTestId('dues-tab-invoices').click();
  await page.getByRole('button', { name: `Åpne faktura ${inv(kari.id).number}`, exact: true }).click();
  const payment = page.getByTestId('payment-form');
  await payment.getByLabel('Beløp').fill('1250');
  await payment.getByRole('combobox', { name: 'Hvordan' }).click();
  await page.getByRole('option', { name: 'Vipps', exact: true }).click();
  await payment.getByRole('button', { name: 'Registrer betalingen' }).click();
  await expect(page.getByText('Betalingen er registrert.')).toBeVisible();
  await expect(page.getByTestId('invoice-detail')).toContainText('Betalt');
  await page.keyboard.press('Escape');

  await call('members.create', { ...base, firstName: 'Nina', lastName: 'Nymedlem', joinedOn: TODAY, street: 'Elvegata 5', postcode: '2000', city: 'Lillestrøm' });
  await screen(page, 'Medlemmer');
  await app.openFound('Nina');
  const drawer = page.getByRole('dialog');
  await drawer.getByTestId('member-title').click();
  await page.keyboard.press('Alt+7');
  await page.getByTestId('member-payment-open').click();
  const memberPayment = page.getByTestId('member-payment-form');
  await expect(memberPayment.getByRole('radio', { name: /Kontingenten for et år/ })).toBeChecked();
  await memberPayment.getByLabel('Beløp').fill('1 250');
  await memberPayment.getByRole('button', { name: 'Registrer betalingen' }).click();
  await expect(page.getByText(money('Betalingen på 1 250,00 kr er registrert.'))).toBeVisible();
  await expect(page.getByTestId('member-payment-row').first()).toContainText(`Kontingent ${YEAR}`);
  await page.keyboard.press('Escape');

  // --- Nets' OCR giro file: Ola's KID in full, Per's in part, and a payment without KID to review.
  const ocr = join(tmpDir, 'OCR.txt');
  await writeFile(ocr, writeNetsOcr(ACCOUNT, TODAY, [
    { reference: inv(ola.id).reference, amount: 125_000, name: 'Ola Bø' },
    { reference: inv(per.id).reference, amount: 50_000, name: 'Per' },
    { reference: null, amount: 30_000, name: 'Ukjent', message: 'Kontingent Kari' },
  ]));
  await screen(page, 'Innbetalinger');
  page.once('dialog', (d) => void d.accept(ocr));
  await page.getByRole('button', { name: 'Velg bankfil…' }).click();
  await expect(page.getByTestId('payments-preview')).toContainText('Til konto: 1234.56.78903');
  await expect(page.getByTestId('payments-checked')).toContainText(money('3 transaksjoner, 2 050,00 kr i 1 oppdrag: stemmer'));
  await expect(page.getByTestId('payments-matched')).toContainText(money('2 betalinger · 1 750,00 kr'));
  await page.getByTestId('payments-import').click();
  await expect(page.getByTestId('payments-imported')).toContainText('2 betalinger ført, 1 til gjennomgang');
  await page.getByTestId('payments-tab-review').click();
  await expect(page.getByTestId('payments-review-item')).toContainText('Kontingent Kari');

  // --- Purring 1: Per still owes 750 kr; the letter is a "Purring", with what is left to pay.
  await screen(page, 'Kontingent');
  await page.getByTestId('dues-tab-reminders').click();
  await page.getByRole('textbox', { name: 'Kontingentår' }).fill(String(YEAR));
  const round = page.locator('[data-testid="reminder-round"][data-round="1"]');
  await expect(round).toContainText('Purring 1');
  await round.getByRole('button', { name: 'Hvem som fortsatt skylder' }).click();
  await expect(round.getByTestId('round-preview')).toContainText(money('1 faktura er ubetalt med 750,00 kr'));
  await round.getByRole('button', { name: 'Kjør purring 1…' }).click();
  await page.getByRole('dialog', { name: 'Kjøre purring 1?' }).getByRole('button', { name: /^Purr / }).click();
  await expect(round.getByTestId('round-status')).not.toContainText('Ikke kjørt');
  const reminders = join(tmpDir, 'Purring 1.pdf');
  await makeLetters(page, round.getByRole('button', { name: 'Lag brevene…' }), reminders, 0);
  const reminder = pdfText(reminders);
  for (const words of ['Purring 1', 'Per Æsøy-Halvorsen', 'Gjenstår å betale', '750,00 kr', 'KID', inv(per.id).reference]) expect(reminder).toContain(words);
  expect(reminder).not.toContain('Kari Nordmann');
  // One letter: the facts first (Per paid part), then the round's greeting and ask, not "kanskje den er glemt?".
  expect(reminder).toMatch(new RegExp(`Faktura ${inv(per.id).number} er delvis betalt\\.\\s+Gjenstår å betale:\\s+750,00 kr,\\s+ny\\s+forfallsdato`));
  expect(reminder).toMatch(/Hei Per!\s+En vennlig påminnelse om kontingenten/);
  expect(reminder).not.toMatch(/glemt|ikke mottatt/);

  // --- Stryking: the board's list, one person.
  await page.getByTestId('dues-tab-strikeOff').click();
  await page.getByRole('textbox', { name: 'Kontingentår' }).fill(String(YEAR));
  await expect(page.getByTestId('strike-off-summary')).toContainText(money('Ubetalt etter purring 1: 1 medlem, til sammen 750,00 kr.'));
  const board = join(tmpDir, 'Stryking.pdf');
  page.once('dialog', (d) => void d.accept(board));
  await page.getByRole('button', { name: 'PDF-liste til styret…' }).click();
  await expect(page.getByTestId('strike-off-notice')).toBeVisible();
  const list = pdfText(board);
  expect(list).toContain('Forslag til stryking');
  expect(list).toContain('etter purring 1 · 1 person');
  expect(list).toContain('Æsøy-Halvorsen, Per');
  await panelShot(page, 'treasurer-nb-strike-off');

  // --- Kundereskontro as PDF: Norwegian dates and amounts.
  await screen(page, 'Regnskap');
  await page.getByTestId('treasury-tab-reports').click();
  await page.getByRole('textbox', { name: 'Kontingentår' }).fill(String(YEAR));
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page.getByTestId('total-outstanding')).toContainText(money('750,00 kr'));
  const ledger = join(tmpDir, 'Kundereskontro.pdf');
  page.once('dialog', (d) => void d.accept(ledger));
  await page.getByRole('button', { name: 'Lagre som PDF' }).click();
  await expect(page.getByTestId('report-saved')).toBeVisible();
  const report = pdfText(ledger);
  expect(report).toContain(`Kundereskontro kontingent ${YEAR}`);
  // Per's row: dates as 02.01.2026, amounts as "1 250,00 kr" (his name may wrap at the hyphen).
  expect(report).toMatch(new RegExp(`Per Æsøy-\\S*\\s+02\\.01\\.${YEAR}\\s+15\\.01\\.${YEAR}\\s+1 250,00 kr\\s+500,00 kr\\s+750,00 kr\\s+Delvis betalt`));
  expect(report).toMatch(/Medlemsnr\s/);
  await panelShot(page, 'treasurer-nb-report');
});
