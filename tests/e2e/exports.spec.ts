import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { ExportsPage } from './exports-page';
import { contractCaller, expect, test } from './fixtures';

/** Unfolds a .vcf and reads each card's properties (name → value; parameters dropped). */
function parseVcards(text: string): Record<string, string>[] {
  const cards: Record<string, string>[] = [];
  let card: Record<string, string> = {};
  for (const line of text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean)) {
    const i = line.indexOf(':');
    const name = line.slice(0, i).split(';')[0];
    if (name === 'BEGIN') card = {};
    else if (name === 'END') cards.push(card);
    else card[name] = line.slice(i + 1);
  }
  return cards;
}

test('contact list, roll, labels and vCard of a saved segment are exported, correct, and listed in the export log', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Export.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const base = { country: 'SE', consentSms: false, consentEmail: false, consentPost: true, status: 'active', membershipTypeId: 1, joinedOn: '2020-01-01' } as const;
  await api['members.create']({ ...base, firstName: 'Åsa', lastName: 'Öberg', mobile: '+46701234567', email: 'asa@example.se', street: 'Storgatan 1', postcode: '90325', city: 'Umeå' });
  await api['members.create']({ ...base, firstName: 'Bjørn', lastName: 'Ærø', street: 'Ørnevägen 2', postcode: '90326', city: 'Umeå' });
  await api['members.create']({ ...base, firstName: '=HYPERLINK("x")', lastName: 'Hackersson', street: 'Gränd 3', postcode: '90327', city: 'Umeå' });
  await api['members.create']({ ...base, firstName: 'Ola', lastName: 'Utanför', street: 'Bygata 9', postcode: '11418', city: 'Stockholm' });
  await api['segments.save']({ name: 'Umeå: "styrelsen"/CON', definition: { kind: 'city', values: ['Umeå'] } });
  await page.reload();

  const exports = new ExportsPage(page);
  await exports.open();

  // Contact list, CSV, for the saved segment.
  await exports.who('Umeå: "styrelsen"/CON');
  const offered = await exports.exportTo(join(tmpDir, 'kontakter.csv'));
  expect(offered).toMatch(/^Kontaktlista – Umeå styrelsen CON – \d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(join(tmpDir, 'kontakter.csv'), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: '', skipEmptyLines: true });
  expect(rows.meta.delimiter).toBe(';');
  expect(rows.data[0]).toEqual(['Medlemsnr', 'Efternamn', 'Förnamn', 'Mobil', 'E-post', 'Gatuadress', 'Postnummer', 'Ort']);
  expect(rows.data).toHaveLength(4); // heading + the three in Umeå
  const byLast = Object.fromEntries(rows.data.slice(1).map((r) => [r[1], r]));
  expect(byLast['Hackersson'][2]).toBe(`'=HYPERLINK("x")`);
  expect(byLast['Öberg'][3]).toBe('+46 70 123 45 67');
  expect(byLast['Ærø'][5]).toBe('Ørnevägen 2');
  await page.screenshot({ path: join('test-results', 'exports-contact-list.png'), fullPage: true });

  // Roll (PDF) for everyone.
  await exports.who('Alla medlemmar');
  await exports.choose('Röstlängd till årsmötet');
  await page.getByLabel('Rösträtt den').fill('2026-03-01');
  expect(await exports.exportTo(join(tmpDir, 'röstlängd.pdf'))).toBe('Röstlängd – 2026-03-01.pdf');
  const roll = execFileSync('pdftotext', ['-layout', join(tmpDir, 'röstlängd.pdf'), '-'], { encoding: 'utf8' });
  expect(roll).toContain('Namnteckning');
  expect(roll).toContain('Röstlängd');
  for (const name of ['Öberg, Åsa', 'Ærø, Bjørn', 'Utanför, Ola', 'Hackersson, =HYPERLINK("x")']) expect(roll).toContain(name);
  await expect(page.getByTestId('export-done')).toContainText('4 personer');

  // Address labels, 3 × 8, for the segment.
  await exports.who('Umeå: "styrelsen"/CON');
  await exports.choose('Adressetiketter (PDF)');
  await exports.exportTo(join(tmpDir, 'etiketter.pdf'));
  const labels = execFileSync('pdftotext', ['-layout', join(tmpDir, 'etiketter.pdf'), '-'], { encoding: 'utf8' });
  expect(labels).toContain('903 25 Umeå');
  expect(labels).toContain('Ørnevägen 2');
  expect(labels).not.toContain('Utanför');
  execFileSync('pdftoppm', ['-r', '110', '-png', '-f', '1', '-l', '1', '-singlefile', join(tmpDir, 'etiketter.pdf'), join('test-results', 'exports-labels-page1')]);

  // vCard for the segment.
  await exports.choose('Kontakter till mobilen (vCard)');
  await exports.exportTo(join(tmpDir, 'kontakter'));
  const cards = parseVcards(await readFile(join(tmpDir, 'kontakter.vcf'), 'utf8'));
  expect(cards.map((c) => c.FN).sort()).toEqual(['=HYPERLINK("x") Hackersson', 'Bjørn Ærø', 'Åsa Öberg'].sort());
  const asa = cards.find((c) => c.FN === 'Åsa Öberg')!;
  expect(asa).toMatchObject({ VERSION: '4.0', N: 'Öberg;Åsa;;;', TEL: 'tel:+46701234567', EMAIL: 'asa@example.se' });

  // The export log in the app lists all four, newest first.
  const log = page.getByTestId('export-log');
  await expect(log.locator('tbody tr')).toHaveCount(4);
  await expect(log.locator('tbody tr').nth(0)).toContainText('Kontakter till mobilen (vCard)');
  await expect(log.locator('tbody tr').nth(1)).toContainText('Adressetiketter (PDF)');
  await expect(log.locator('tbody tr').nth(2)).toContainText('Alla medlemmar');
  await expect(log.locator('tbody tr').nth(3)).toContainText('Umeå: "styrelsen"/CON');
  await expect(log.locator('tbody tr').nth(3)).toContainText('kontakter.csv');
  await log.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join('test-results', 'exports-log.png'), fullPage: true });
});

test('the roll can require the year\'s dues paid: the unpaid member is left out', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  const call = contractCaller(api);
  await api['register.create']({ path: join(tmpDir, 'Rull.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const base = { country: 'SE', consentSms: false, consentEmail: false, consentPost: true, status: 'active', membershipTypeId: 1, joinedOn: '2020-01-01', street: 'Storgatan 1', postcode: '90325', city: 'Umeå' } as const;
  const payer = await call('members.create', { ...base, firstName: 'Åsa', lastName: 'Öberg' });
  await call('members.create', { ...base, firstName: 'Bo', lastName: 'Obetald' });
  await call('dues.saveSettings', { associationName: 'Föreningen Ödegård', bankgiro: '5402-9681', referenceKind: 'ocr', ocrLevel: 'variable' });
  const year = new Date().getFullYear();
  await call('dues.saveFees', { year, fees: [{ membershipTypeId: 1, amount: 25000, dueOn: `${year}-12-31` }] });
  await call('dues.run', { year, invoiceDate: `${year}-01-02` });
  const invoice = (await call('dues.invoices', { year })).rows.find((i) => i.member.memberId === payer.id)!;
  await call('dues.recordPayment', { invoiceId: invoice.id, paidOn: `${year}-01-10`, amount: 25000, method: 'swish' });
  await page.reload();

  const exports = new ExportsPage(page);
  await exports.open();
  await exports.choose('Röstlängd till årsmötet');
  await page.getByRole('radio', { name: 'CSV (Excel)' }).check();
  await page.getByRole('checkbox', { name: 'Bara medlemmar som har betalat avgiften' }).check();
  await expect(page.getByRole('combobox', { name: 'Avgiftsår' })).toHaveValue(String(year));
  await exports.exportTo(join(tmpDir, 'röstlängd-betalda.csv'));
  const rows = Papa.parse<string[]>((await readFile(join(tmpDir, 'röstlängd-betalda.csv'), 'utf8')).slice(1), { delimiter: ';', skipEmptyLines: true }).data;
  expect(rows.slice(1).map((r) => r[2])).toEqual(['Öberg, Åsa']);
});

test('files made on other screens are in the export log: a survey\'s answers (for everyone) and a receivables report (no audience)', async ({ page, server, tmpDir }) => {
  const call = contractCaller(server.core.api);
  await call('register.create', { path: join(tmpDir, 'Logg.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const asa = await call('members.create', { country: 'SE', firstName: 'Åsa', lastName: 'Öberg', status: 'active', membershipTypeId: 1, joinedOn: '2020-01-01', street: 'Storgatan 1', postcode: '90325', city: 'Umeå' });
  const survey = await call('surveys.save', await call('surveys.template', {}));
  const [f, c] = survey.questions;
  await call('surveys.respond', { surveyId: survey.id, memberId: asa.id, source: 'paper', answeredOn: '2025-06-01', answers: { [f.id]: 'monthly', [c.id]: ['sms'] } });
  await call('surveys.exportCsv', { surveyId: survey.id, path: join(tmpDir, 'Enkätsvar.csv') });
  await call('dues.saveSettings', { associationName: 'Föreningen Ödegård', bankgiro: '5402-9681', referenceKind: 'ocr', ocrLevel: 'variable' });
  const year = new Date().getFullYear();
  await call('dues.saveFees', { year, fees: [{ membershipTypeId: 1, amount: 25000, dueOn: `${year}-12-31` }] });
  await call('dues.run', { year, invoiceDate: `${year}-01-02` });
  await call('reports.export', { choice: { report: 'receivables', year }, format: 'pdf', path: join(tmpDir, `Reskontra ${year}.pdf`) });
  await page.reload();

  await new ExportsPage(page).open();
  const rows = page.getByTestId('export-log').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Betalningsrapport · PDF');
  await expect(rows.nth(0)).toContainText(`Reskontra ${year}.pdf`);
  // A dash to see, the words for a screen reader.
  const who = rows.nth(0).locator('td').nth(2);
  await expect(who.locator('[aria-hidden="true"]')).toHaveText('—');
  await expect(who).toHaveAccessibleName('Ingen mottagargrupp: en fil för ett år, en period eller banken');
  await expect(rows.nth(0)).toContainText('Medlemsnr, Namn, Fakturanr, Belopp, Autogiro');
  await expect(rows.nth(1)).toContainText('Enkätsvar · CSV (Excel)');
  await expect(rows.nth(1)).toContainText('Enkätsvar.csv');
  await expect(rows.nth(1)).toContainText('Alla medlemmar');
  await expect(rows.nth(1)).toContainText('Medlemsnr, Namn, Enkätsvar');
  await page.getByTestId('export-log').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join('test-results', 'exports-log-other-screens.png'), fullPage: true });
});

test('a send-out\'s file and the send-out plan are in the export log, named by what they hold', async ({ page, server, tmpDir }) => {
  const call = contractCaller(server.core.api);
  await call('register.create', { path: join(tmpDir, 'Utskick.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  await call('members.create', { country: 'SE', firstName: 'Åsa', lastName: 'Öberg', membershipTypeId: 1, joinedOn: '2020-01-01', consentSms: true, mobile: '070-111 11 11' });
  const sms = await call('sendOuts.save', { title: 'Årsmöte', channel: 'sms', status: 'ready', plannedOn: '2030-03-01', audience: { kind: 'all' }, body: 'Välkommen till årsmötet!' });
  await call('sendOuts.export', { id: sms.id, kind: 'smsCsv', path: join(tmpDir, 'sms'), language: 'sv' });
  await call('sendOuts.exportPlan', { path: join(tmpDir, 'plan'), language: 'sv' });
  await page.reload();

  await new ExportsPage(page).open();
  const rows = page.getByTestId('export-log').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('td').nth(4)).toHaveText('Utskicksplanen: datum, rubriker, mottagare och texter');
  // The plan is for a period, not for members.
  await expect(rows.nth(0).locator('td').nth(2)).toHaveAccessibleName('Ingen mottagargrupp: en fil för ett år, en period eller banken');
  await expect(rows.nth(1).locator('td').nth(4)).toHaveText('Mobilnummer, namn och meddelanden (SMS-lista)');
  await expect(rows.nth(1)).toContainText('Alla medlemmar');
  await page.getByTestId('export-log').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join('test-results', 'exports-log-send-out.png'), fullPage: true });
});
