import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { KansliApp } from './app';
import { DuesPage } from './dues-page';
import { expect, test } from './fixtures';

// Other engineers' runs clear test-results; SHOTS_DIR keeps these screenshots apart when needed.
const SHOTS = process.env.SHOTS_DIR ?? 'test-results';
/** Intl writes "1 250,00 kr" with no-break spaces; match any space. */
const money = (text: string) => new RegExp(text.replace(/ /g, '\\s'));

/** A real PNG of the given size: a blue band on white, enough to see in the preview. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height, 255);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 3 + 1)] = 0; // no filter
    if (y > height / 3 && y < (2 * height) / 3) for (let x = 0; x < width; x++) rows.set([30, 80, 160], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const YEAR = new Date().getFullYear();

/** A screenshot of the whole dues panel: the window is made tall enough for the panel's own scrolling area, then restored. */
async function shot(page: Page, name: string) {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('[role="tabpanel"]')].map((e) => e.scrollHeight)));
  await page.setViewportSize({ width: size.width, height: Math.min(4000, Math.max(size.height, height + 160)) });
  await page.screenshot({ path: join(SHOTS, name) });
  await page.setViewportSize(size);
}

test('the treasurer sets up dues: settings with a bad then good bankgiro, a logo, fees with an introductory fee, autogiro on a member, a payment and a credit', async ({ page, server, tmpDir }) => {
  test.setTimeout(180_000); // a long story on a shared, slow machine
  await mkdir(SHOTS, { recursive: true });
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Förening.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const types = await api['members.types']({});
  const full = types.find((t) => t.code === 'full')!;
  const base = { country: 'SE', consentSms: false, consentEmail: true, consentPost: true, status: 'active', membershipTypeId: full.id } as const;
  const address = { street: 'Storgatan 1', postcode: '90325', city: 'Umeå' };
  // Åsa joined late last year: the introductory fee. Björn is an old member; Ola pays by autogiro; Karin's dues are written off.
  const asa = await api['members.create']({ ...base, firstName: 'Åsa', lastName: 'Öberg', joinedOn: `${YEAR - 1}-11-15`, ...address });
  const bjorn = await api['members.create']({ ...base, firstName: 'Björn', lastName: 'Ärlig', joinedOn: '2015-03-01', ...address });
  const ola = await api['members.create']({ ...base, firstName: 'Ola', lastName: 'Autogiro', joinedOn: '2018-05-01', ...address });
  const karin = await api['members.create']({ ...base, firstName: 'Karin', lastName: 'Flyttad', joinedOn: '2019-05-01', ...address });

  const logo = join(tmpDir, 'logga.png');
  await writeFile(logo, png(240, 80));
  const notAPicture = join(tmpDir, 'logga-fel.png');
  await writeFile(notAPicture, 'GIF89a – not a PNG at all, whatever the name says');
  const huge = join(tmpDir, 'logga-stor.png');
  await writeFile(huge, Buffer.concat([png(10, 10), Buffer.alloc(400 * 1024)]));

  await page.reload();
  const app = new KansliApp(page);
  const dues = new DuesPage(page);
  await dues.open();

  // --- Settings: what is missing is listed until it is filled in.
  await expect(page.getByTestId('dues-settings-missing')).toContainText('Bankgiro eller plusgiro');
  await expect(dues.setting('Föreningens namn (som det skrivs ut)')).toHaveValue('Föreningen Ödegård');
  await dues.settingsForm().getByLabel('Postadress').fill('Box 12\n903 25 Umeå');
  await dues.setSetting('Kontaktuppgift på breven', 'kassor@odegard.se, 070-123 45 67');
  await dues.setSetting('Organisationsnummer', '802400-1235');

  // A typo in the bankgiro number is caught when the field is left, and again by the core on save.
  await dues.setSetting('Bankgironummer', '5402-9682');
  await expect(dues.setting('Bankgironummer')).toHaveAccessibleDescription(/Kontrollsiffran stämmer inte/);
  await dues.setSetting('Bankgironummer', '');
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  // The form takes the saved settings back when the save answers: type again only after that.
  await expect(page.getByText('Inställningarna för avgifter är sparade.')).toBeVisible();
  await expect(page.getByTestId('dues-settings-missing')).toContainText('Bankgiro eller plusgiro');
  await dues.setSetting('Bankgironummer', '5402-9682');
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  await expect(page.getByText('Rätta det markerade fältet.')).toBeVisible();
  await expect(dues.setting('Bankgironummer')).toHaveAttribute('aria-invalid', 'true');
  await expect(dues.setting('Bankgironummer')).toBeFocused(); // the long form brings the refused field into view
  expect((await api['dues.settings']({})).bankgiro).toBeNull();
  await shot(page, 'dues-settings-bad-bankgiro.png');

  await dues.setting('Bankgironummer').fill('5402-9681');
  await expect(dues.setting('Bankgironummer')).not.toHaveAttribute('aria-invalid', 'true');
  await dues.setSetting('Swishnummer', '123 785 69 01');
  await dues.settingsForm().getByText('Fast längd', { exact: true }).click();
  await expect(dues.settingsForm().getByRole('radio', { name: 'Fast längd' })).toBeChecked();
  await dues.setSetting('Avtalad OCR-längd (siffror)', '30');
  await expect(dues.setting('Avtalad OCR-längd (siffror)')).toHaveAccessibleDescription(/Mellan 5 och 25 siffror/);
  await dues.setSetting('Avtalad OCR-längd (siffror)', '12');
  await expect(dues.setting('Avtalad OCR-längd (siffror)')).not.toHaveAttribute('aria-invalid', 'true');

  // The board's letter: merge fields from the buttons, merged live for an example member.
  const letter = dues.setting('Brevets text');
  await letter.fill('Hej ');
  await page.getByTestId('merge-firstName').click();
  await letter.press('End');
  await letter.pressSequentially('! Välkommen till ett nytt år i ');
  await page.getByTestId('merge-association').click();
  await letter.press('End');
  await letter.pressSequentially('.\nPå gång: ');
  await page.getByTestId('merge-activities').click();
  await dues.settingsForm().getByLabel('Kommande aktiviteter', { exact: true }).fill('Vårstädning 12 april, midsommarfest.');
  await expect(letter).toHaveValue('Hej {firstName}! Välkommen till ett nytt år i {association}.\nPå gång: {activities}');
  await expect(page.getByTestId('letter-preview')).toHaveText('Hej Anna! Välkommen till ett nytt år i Föreningen Ödegård.\nPå gång: Vårstädning 12 april, midsommarfest.');
  // A field that does not exist is shown in the preview and refused.
  await letter.press('End');
  await letter.pressSequentially(' {fornamn}');
  await expect(page.getByTestId('letter-preview')).toContainText('fält inom klamrar som inte finns');
  await letter.press('Backspace');
  for (let i = 0; i < ' {fornamn'.length; i++) await letter.press('Backspace');

  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  await expect(page.getByTestId('dues-settings-ready')).toBeVisible();
  const stored = await api['dues.settings']({});
  expect(stored).toMatchObject({
    bankgiro: '54029681', swishNumber: '1237856901', orgNumber: '8024001235', ocrLevel: 'fixed', ocrLength: 12,
    addressLines: ['Box 12', '903 25 Umeå'], letterText: 'Hej {firstName}! Välkommen till ett nytt år i {association}.\nPå gång: {activities}',
  });
  await expect(dues.setting('Bankgironummer')).toHaveValue('5402-9681');

  // --- Logo: a renamed file and an oversized one are refused with a message; a PNG shows.
  await dues.chooseLogo(notAPicture);
  await expect(page.getByTestId('logo-error')).toHaveText(/inte en PNG- eller JPEG-bild/);
  await dues.chooseLogo(huge);
  await expect(page.getByTestId('logo-error')).toHaveText(/för stor: högst 300 kB/);
  await dues.chooseLogo(logo);
  await expect(page.getByTestId('logo-error')).toBeHidden();
  await expect(page.getByTestId('logo-preview')).toBeVisible();
  await expect(page.getByText('240 × 80 bildpunkter')).toBeVisible();
  expect((await api['dues.settings']({})).logo).toMatchObject({ mime: 'image/png', width: 240, height: 80 });
  // Removed and chosen again: the letters go without a logo in between.
  await page.getByRole('button', { name: 'Ta bort logotypen' }).click();
  await expect(page.getByText('Ingen logotyp', { exact: true })).toBeVisible();
  expect((await api['dues.settings']({})).logo).toBeNull();
  await dues.chooseLogo(logo);
  await expect(page.getByTestId('logo-preview')).toBeVisible();
  await shot(page, 'dues-settings.png');

  // --- Fees: an amount that is not one is named at its field; the introductory fee for late joiners.
  await dues.tab('fees');
  const fullRow = dues.feeRow('Full');
  await expect(page.getByText(`Inga avgifter är satta för ${YEAR} än.`)).toBeVisible();
  await fullRow.getByRole('textbox', { name: 'Avgift (kr) – Fullvärdig' }).fill('tvåhundra');
  await fullRow.getByRole('textbox', { name: 'Förfallodag – Fullvärdig' }).fill(`${YEAR}-03-31`);
  await page.getByRole('button', { name: `Spara avgifterna för ${YEAR}` }).click();
  await expect(fullRow.getByRole('textbox', { name: 'Avgift (kr) – Fullvärdig' })).toHaveAccessibleDescription(/Skriv ett belopp/);
  await fullRow.getByRole('textbox', { name: 'Avgift (kr) – Fullvärdig' }).fill('1 250,50');
  await fullRow.getByLabel('Introduktionsavgift', { exact: true }).check();
  await fullRow.getByLabel('Gick med från').fill(`${YEAR - 1}-10-01`);
  await fullRow.getByLabel('Gick med till').fill(`${YEAR - 1}-12-31`);
  await fullRow.getByLabel('Introduktionsavgift (kr)').fill('100');
  // Looking something up in another tab keeps what was typed, marked as not saved.
  await expect(page.getByTestId('fees-unsaved')).toBeVisible();
  await dues.tab('settings');
  await dues.tab('fees');
  await expect(fullRow.getByLabel('Introduktionsavgift (kr)')).toHaveValue('100');
  await expect(fullRow.getByRole('textbox', { name: 'Avgift (kr) – Fullvärdig' })).toHaveValue('1 250,50');
  await expect(page.getByTestId('fees-unsaved')).toBeVisible();
  const family = dues.feeRow('Family');
  await expect(family.getByLabel('En avgift per hushåll')).toBeChecked();
  await family.getByRole('textbox', { name: 'Avgift (kr) – Familj' }).fill('400');
  await dues.feeRow('Youth').getByLabel('Gratis i år').check();
  await page.getByRole('button', { name: `Spara avgifterna för ${YEAR}` }).click();
  await expect(page.getByText(`Avgifterna för ${YEAR} är sparade.`)).toBeVisible();
  const fees = await api['dues.fees']({ year: YEAR });
  const feeOf = (code: string) => fees.find((f) => f.membershipTypeId === types.find((t) => t.code === code)!.id);
  expect(feeOf('full')).toMatchObject({ amount: 125050, dueOn: `${YEAR}-03-31`, intro: { from: `${YEAR - 1}-10-01`, to: `${YEAR - 1}-12-31`, amount: 10000 } });
  expect(feeOf('family')).toMatchObject({ amount: 40000, perHousehold: true });
  expect(feeOf('youth')).toMatchObject({ free: true });
  expect(feeOf('supporting')).toBeUndefined(); // left empty: not in the schedule
  await expect(fullRow.getByRole('textbox', { name: 'Avgift (kr) – Fullvärdig' })).toHaveValue('1250,50');
  await expect(page.getByTestId('fees-unsaved')).toHaveCount(0);
  await shot(page, 'dues-fees.png');

  // Next year starts from this one, every date a year on, and exists once saved.
  await page.getByTestId('fees-next-year').click();
  await expect(page.getByTestId('fees-copied')).toContainText(`kopia av ${YEAR}`);
  await expect(fullRow.getByRole('textbox', { name: 'Förfallodag – Fullvärdig' })).toHaveValue(`${YEAR + 1}-03-31`);
  expect(await api['dues.fees']({ year: YEAR + 1 })).toEqual([]);
  await page.getByRole('combobox', { name: 'Avgiftsår' }).click();
  await page.getByRole('option', { name: String(YEAR), exact: true }).click();
  await expect(fullRow.getByRole('textbox', { name: 'Avgift (kr) – Fullvärdig' })).toHaveValue('1250,50');

  // --- Ola pays by autogiro: set on the member page's dues tab, reached with Alt+7.
  await page.getByRole('tablist', { name: 'Vyer' }).getByRole('tab', { name: 'Medlemmar', exact: true }).click();
  await app.openFound('Ola');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('member-title')).toHaveText('Ola Autogiro');
  await drawer.getByTestId('member-title').click();
  await page.keyboard.press('Alt+7');
  await expect(drawer.getByTestId('tab-dues')).toHaveAttribute('aria-selected', 'true');
  await expect(drawer.getByTestId('member-balance')).toHaveText('Har inget kvar att betala');
  const ddForm = drawer.getByTestId('direct-debit-form');
  await ddForm.getByRole('combobox', { name: 'Betalar med autogiro' }).click();
  await page.getByRole('option', { name: 'Autogiro', exact: true }).click();
  await ddForm.getByLabel('Sedan').fill(`${YEAR - 1}-01-01`);
  await ddForm.getByLabel('Betalarnummer (frivilligt)').fill('5566');
  await ddForm.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Sparat: betalar med autogiro.')).toBeVisible();
  expect(await api['dues.directDebit']({ memberId: ola.id })).toMatchObject({ kind: 'autogiro', since: `${YEAR - 1}-01-01`, payerNumber: '5566' });
  await page.keyboard.press('Escape');

  // --- The invoice run (another screen) made through the core: Ola is left out for autogiro.
  const run = await api['dues.run']({ year: YEAR, invoiceDate: `${YEAR}-02-01`, includeCredited: false });
  expect(run.invoices).toBe(3);
  const rows = (await api['dues.invoices']({ year: YEAR, offset: 0, limit: 200 })).rows;
  const asaNumber = rows.find((r) => r.member.memberId === asa.id)!.number;
  const bjornNumber = rows.find((r) => r.member.memberId === bjorn.id)!.number;
  const karinNumber = rows.find((r) => r.member.memberId === karin.id)!.number;

  // --- Invoices: search, open, record a payment.
  await page.getByRole('tablist', { name: 'Vyer' }).getByRole('tab', { name: 'Avgifter', exact: true }).click();
  await dues.tab('invoices');
  await expect(page.getByTestId('invoice-row')).toHaveCount(3);
  await expect(dues.invoiceRow(asaNumber)).toContainText(money('100,00 kr'));
  await expect(dues.invoiceRow(bjornNumber)).toContainText(money('1 250,50 kr'));
  await page.getByLabel('Sök').fill('oberg');
  await expect(page.getByTestId('invoice-row')).toHaveCount(1);
  let detail = await dues.openInvoice(asaNumber);
  await expect(detail.getByTestId('invoice-lines')).toContainText(money('100,00 kr'));
  await expect(detail.getByTestId('invoice-owed')).toHaveText(money('100,00 kr'));
  // An amount that is not one stays in the form with a message; nothing is recorded.
  await dues.recordPayment({ amount: '10O' });
  await expect(page.getByTestId('payment-form').getByLabel('Belopp')).toHaveAccessibleDescription(/Skriv ett belopp/);
  await dues.recordPayment({ amount: '60', method: 'Swish' });
  await expect(detail.getByTestId('invoice-owed')).toHaveText(money('40,00 kr'));
  await expect(detail.locator('[data-status]')).toHaveAttribute('data-status', 'partlyPaid');
  await dues.recordPayment({}); // the rest, as offered
  await expect(detail.getByTestId('invoice-owed')).toHaveText(money('0,00 kr'));
  await expect(detail.locator('[data-status]')).toHaveAttribute('data-status', 'paid');
  await expect(detail.getByTestId('invoice-payments').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('payment-form')).toHaveCount(0); // paid: no more money taken
  await page.screenshot({ path: join(SHOTS, 'dues-invoice-paid.png'), fullPage: true });
  // A payment recorded by mistake is removed after a confirmation.
  await detail.getByTestId('invoice-payments').getByRole('button', { name: 'Ta bort' }).first().click();
  await page.getByRole('dialog', { name: 'Ta bort' }).getByRole('button', { name: 'Ta bort' }).click();
  await expect(detail.getByTestId('invoice-payments').locator('tbody tr')).toHaveCount(1);
  await dues.recordPayment({});
  await expect(detail.locator('[data-status]')).toHaveAttribute('data-status', 'paid');
  await detail.getByRole('button', { name: 'Stäng' }).click();
  await expect(dues.invoiceRow(asaNumber)).toContainText('Betald');

  // --- Björn's invoice is credited: a credit note cancels it, and the list shows both.
  await page.getByLabel('Sök').fill('');
  detail = await dues.openInvoice(bjornNumber);
  await dues.creditOpenInvoice(bjornNumber, 'Avgiften efterskänkt av styrelsen');
  await expect(detail.locator('[data-status]').first()).toHaveAttribute('data-status', 'credited');
  await expect(detail.getByRole('button', { name: 'Kreditera…' })).toHaveCount(0);
  await detail.getByRole('button', { name: 'Öppna den' }).click();
  await expect(detail.getByRole('heading', { name: /^Kreditnota / })).toBeVisible();
  await expect(detail.getByTestId('invoice-lines')).toContainText(/[-−]1\s250,50\skr/);
  await page.screenshot({ path: join(SHOTS, 'dues-credit-note.png'), fullPage: true });
  await detail.getByRole('button', { name: 'Stäng' }).click();
  await expect(page.getByTestId('invoice-row')).toHaveCount(4);

  // --- Karin has moved abroad: the board gives up her dues; the invoice is written off.
  detail = await dues.openInvoice(karinNumber);
  await dues.writeOffOpenInvoice(karinNumber);
  await expect(detail.locator('[data-status]').first()).toHaveAttribute('data-status', 'writtenOff');
  await expect(detail.getByTestId('invoice-owed')).toHaveText(money('0,00 kr'));
  await expect(detail.getByTestId('payment-form')).toHaveCount(0);
  await detail.getByRole('button', { name: 'Stäng' }).click();
  await expect(dues.invoiceRow(karinNumber)).toContainText('Avskriven');

  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Ej betalda', exact: true }).click();
  await expect(page.getByText('Ingen faktura matchar urvalet.')).toBeVisible();
  await shot(page, 'dues-invoices.png');

  // --- The log has the run, the credit note and the write-off.
  await dues.tab('log');
  await expect(page.getByTestId('dues-log-row').and(page.locator('[data-kind="run"]'))).toContainText('3 fakturor');
  await expect(page.getByTestId('dues-log-row').and(page.locator('[data-kind="credit"]'))).toHaveCount(1);
  await expect(page.getByTestId('dues-log-row').and(page.locator('[data-kind="writeOff"]'))).toContainText(`Faktura ${karinNumber} avskriven`);
  await shot(page, 'dues-log.png');

  // --- Björn's account on the member page: nothing owed, the invoice credited, the credit note beside it.
  await page.getByRole('tablist', { name: 'Vyer' }).getByRole('tab', { name: 'Medlemmar', exact: true }).click();
  await app.openFound('Björn');
  await drawer.getByTestId('tab-dues').click();
  await expect(drawer.getByTestId('member-balance')).toHaveText('Har inget kvar att betala');
  await expect(drawer.getByTestId('member-invoices').locator('tbody tr')).toHaveCount(2);
  await expect(drawer.getByTestId('member-invoices')).toContainText('Krediterad');
  await expect(drawer.getByTestId('member-invoices')).toContainText('Kreditnota');
  await page.keyboard.press('Escape');
  // Åsa's: paid in full, two payments listed against her invoice.
  await app.openFound('Åsa');
  await drawer.getByTestId('tab-dues').click();
  await expect(drawer.getByTestId('member-payments').locator('tbody tr')).toHaveCount(2);
  await expect(drawer.getByTestId('member-payments')).toContainText(`Faktura ${asaNumber}`);
  await expect(drawer.getByTestId('member-invoices')).toContainText('Betald');
  await page.waitForTimeout(300); // the drawer slides in
  await page.screenshot({ path: join(SHOTS, 'dues-member-account.png') });
});

test('på bokmål: kontonummer og KID for en norsk forening', async ({ page, server, tmpDir }) => {
  await mkdir(SHOTS, { recursive: true });
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Forening.kansli'), associationName: 'Idrettslaget Ørn', country: 'NO', language: 'nb', passphrase: 'blå trikk sju sjøer' });
  await page.reload();
  const dues = new DuesPage(page);
  await dues.open('Kontingent');
  await expect(page.getByTestId('dues-tab-fees')).toHaveText('Satser');
  const form = dues.settingsForm();
  await expect(page.getByTestId('dues-settings-missing')).toContainText('Kontonummer');
  // No Swedish giro fields in Norway.
  await expect(form.getByLabel('Bankgironummer')).toHaveCount(0);

  const account = form.getByLabel('Kontonummer', { exact: true });
  await account.fill('1234.56.78900');
  await account.blur();
  await expect(account).toHaveAccessibleDescription(/Kontrollsifferet stemmer ikke/);
  await account.fill('1234.56.78903');
  await expect(account).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('radio', { name: 'KID-nummer' })).toBeChecked();
  await form.getByRole('combobox', { name: 'KID-kontrollsiffer' }).click();
  await page.getByRole('option', { name: 'MOD11' }).click();
  const kidLength = form.getByLabel('KID-lengde (sifre)');
  await kidLength.fill('3');
  await kidLength.blur();
  await expect(kidLength).toHaveAccessibleDescription(/Mellom 5 og 25 sifre/);
  await kidLength.fill('10');
  await form.getByLabel('IBAN').fill('NO93 8601 1117 947');
  await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
  await expect(page.getByTestId('dues-settings-ready')).toHaveText('Innstillingene er komplette: fakturaer kan lages.');
  expect(await api['dues.settings']({})).toMatchObject({ bankAccount: '12345678903', referenceKind: 'kid', kidMode: 'MOD11', kidLength: 10, iban: 'NO9386011117947', currency: 'NOK' });
  await expect(account).toHaveValue('1234.56.78903');
  // The core's default letter, merged for the example member in Norwegian.
  await expect(page.getByTestId('letter-preview')).toContainText('Hei Kari!');
  await expect(page.getByTestId('letter-preview')).toContainText('Idrettslaget Ørn');
  await shot(page, 'dues-settings-nb.png');
});
