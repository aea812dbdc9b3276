import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { CommunicationPage } from './communication-page';
import { contractCaller, expect, test } from './fixtures';

const shots = process.env.KANSLI_SHOTS; // a folder to keep screenshots in while developing

/** The screen at a tall window (the section scrolls inside itself, so a full-page shot would cut it). */
async function shot(page: Page, name: string) {
  if (!shots) return;
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2000 });
  await page.screenshot({ path: join(shots, name) });
  await page.setViewportSize(size);
}

test('an SMS to the board: UCS-2 on "ç", export, mark sent, and the frequency limit leaves them out next time', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Utskick.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const base = { country: 'SE', consentEmail: false, consentPost: true, status: 'active', membershipTypeId: 1, joinedOn: '2020-01-01', street: 'Storgatan 1', postcode: '90325', city: 'Umeå' } as const;
  const board = await api['groups.create']({ name: 'Styrelsen', kind: 'board' });
  const asa = await api['members.create']({ ...base, firstName: 'Åsa', lastName: 'Öberg', mobile: '070-123 45 67', consentSms: true });
  const bo = await api['members.create']({ ...base, firstName: 'Bo', lastName: 'Ek', mobile: '070-765 43 21', consentSms: true });
  const cia = await api['members.create']({ ...base, firstName: 'Cia', lastName: 'Berg', mobile: '070-111 11 11', consentSms: false });
  await api['members.create']({ ...base, firstName: 'Dan', lastName: 'Utanför', mobile: '070-222 22 22', consentSms: true });
  for (const [m, role] of [[asa, 'chair'], [bo, 'treasurer'], [cia, 'secretary']] as const) {
    await api['groups.addRole']({ memberId: m.id, groupId: board.id, role, from: '2024-01-01' });
  }
  await page.reload();

  const c = new CommunicationPage(page);
  await c.open();
  await c.newSendOut();
  await c.fillDetails({ subject: 'Styrelsemöte', status: 'Klar', group: 'Styrelsen' });

  // The counter: GSM-7 for Nordic letters, UCS-2 as soon as a "ç" is typed, back with one click.
  await c.smsText().fill('Hej {firstName}! Styrelsemöte på tisdag kl 18 på kaféet.');
  await expect(c.encoding()).toHaveText('GSM-7');
  await expect(page.getByTestId('sms-segments')).toHaveText('1 SMS');
  await c.smsText().pressSequentially(' Ta med glassen från Glaçon');
  await expect(c.encoding()).toHaveText('UCS-2');
  await expect(page.getByTestId('ucs2-preview').locator('mark')).toHaveText(['ç']);
  await shot(page, 'composer-ucs2.png');
  await page.getByRole('button', { name: 'Byt ç mot c' }).click();
  await expect(c.encoding()).toHaveText('GSM-7');
  await expect(c.smsText()).toHaveValue('Hej {firstName}! Styrelsemöte på tisdag kl 18 på kaféet. Ta med glassen från Glacon');

  // Recipients: two SMS; Cia has no SMS consent.
  await expect(page.getByTestId('count-sms')).toHaveText('2');
  await expect(c.leftOutRows()).toHaveCount(1);
  await expect(c.leftOutRows().first()).toContainText('Cia Berg');
  await expect(c.leftOutRows().first()).toContainText('Inget samtycke för kanalen');
  await c.save();
  await expect(c.status()).toHaveText('Klar');

  // Export the gateway file.
  const file = join(tmpDir, 'styrelsen-sms.csv');
  await c.exportFile('smsCsv', file);
  await expect(c.status()).toHaveText('Exporterad');
  const rows = Papa.parse<string[]>((await readFile(file, 'utf8')).slice(1).trim(), { delimiter: ';' }).data;
  expect(rows).toEqual([
    ['Nummer', 'Namn', 'Meddelande'],
    ['+46701234567', 'Åsa Öberg', 'Hej Åsa! Styrelsemöte på tisdag kl 18 på kaféet. Ta med glassen från Glacon'],
    ['+46707654321', 'Bo Ek', 'Hej Bo! Styrelsemöte på tisdag kl 18 på kaféet. Ta med glassen från Glacon'],
  ]);
  await shot(page, 'exported.png');

  // Mark sent: a contact-log entry for each recipient.
  await c.markSent();
  await expect(page.getByTestId('sent-on')).toBeVisible();
  expect((await api['contactLog.list']({ memberId: asa.id, limit: 10 })).map((e) => [e.kind, e.notes])).toEqual([['sms', 'Styrelsemöte']]);
  expect(await api['contactLog.list']({ memberId: cia.id, limit: 10 })).toEqual([]);

  // The next SMS to the board with a limit of one a month: Åsa and Bo are left out, and why.
  await c.backToPlan();
  await expect(page.getByTestId('plan-item')).toHaveCount(1);
  await c.newSendOut();
  await c.fillDetails({ subject: 'Påminnelse', group: 'Styrelsen', limit: 1 });
  await c.smsText().fill('Glöm inte mötet på tisdag!');
  await expect(page.getByTestId('no-recipients')).toBeVisible();
  await expect(c.leftOutRows()).toHaveCount(3);
  await expect(page.getByTestId('left-out')).toContainText('Åsa Öberg');
  await expect(page.getByTestId('left-out')).toContainText('Har redan fått 1 utskick de senaste 30 dagarna');
  await expect(page.getByTestId('frequency-rule')).toContainText('Högst 1 utskick per medlem');
  await shot(page, 'frequency.png');
  await c.save();
  await c.backToPlan();
  await expect(page.getByTestId('plan-item')).toHaveCount(2);
  await shot(page, 'plan.png');
});

test('opt-outs from a pasted list and on the member page; a newsletter written with the toolbar, previewed and saved as HTML', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Nyhetsbrev.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const base = { country: 'SE', consentSms: true, consentEmail: true, consentPost: true, status: 'active', membershipTypeId: 1, joinedOn: '2020-01-01' } as const;
  const asa = await api['members.create']({ ...base, firstName: 'Åsa', lastName: 'Öberg', mobile: '070-123 45 67', email: 'asa@example.se' });
  await api['members.create']({ ...base, firstName: 'Bo', lastName: 'Ek', mobile: '070-765 43 21', email: 'bo@example.se' });
  await page.reload();
  const c = new CommunicationPage(page);
  await c.open();

  // A pasted list: one number is known, one is not; both are reported before anything is recorded.
  await page.getByTestId('communication-tab-optOuts').click();
  await page.getByTestId('opt-out-text').fill('+46701234567 STOPP\n+46709999999 STOPP\nbo@example.se');
  await page.getByRole('button', { name: 'Kontrollera listan' }).click();
  await expect(page.getByTestId('opt-out-unknown')).toContainText('+46709999999 STOPP');
  await shot(page, 'opt-outs.png');
  await page.getByTestId('opt-out-apply').click();
  await expect(page.getByText('2 avregistreringar registrerade.')).toBeVisible();
  expect((await api['optOuts.member']({ memberId: asa.id })).map((o) => o.channel)).toEqual(['sms']);

  await page.getByTestId('communication-tab-settings').click();
  await expect(page.getByLabel('Pris för en SMS-del')).toBeVisible();
  await shot(page, 'settings.png');

  // The member page shows it, and takes it back.
  await page.getByRole('tab', { name: 'Medlemmar', exact: true }).click();
  await page.getByTestId('member-row').filter({ hasText: 'Öberg' }).click();
  await page.getByTestId('tab-contacts').click();
  const sms = page.getByTestId('member-opt-outs').getByLabel('Inga SMS');
  await expect(sms).toBeChecked();
  await shot(page, 'member-opt-outs.png');
  await sms.click(); // saved at once; the box follows the register
  await expect(sms).not.toBeChecked();
  expect(await api['optOuts.member']({ memberId: asa.id })).toEqual([]);
  await page.keyboard.press('Escape');

  // A newsletter: toolbar, live preview, a refused link, HTML built from the text.
  await c.open();
  await page.getByTestId('communication-tab-plan').click();
  await c.newSendOut();
  await page.getByTestId('channel').getByText('Nyhetsbrev').click();
  await page.getByLabel('Ämne').fill('Sommarbrev');
  const text = page.getByRole('textbox', { name: 'Text' });
  await text.fill('Sommar i föreningen');
  await page.getByRole('toolbar').getByRole('button', { name: 'Rubrik', exact: true }).click();
  await text.press('End');
  await text.pressSequentially('\n\nHej alla! <script>x</script>\n\n- Fika\n- [Program](javascript:alert(1))');
  await expect(page.getByText('En länk måste börja med https://, http:// eller mailto: (javascript:alert(1)')).toBeVisible();
  await text.fill('# Sommar i föreningen\n\nHej **alla**! <script>x</script>\n\n- Fika\n- [Program](https://example.org/sommar)');
  const preview = page.getByTestId('newsletter-preview');
  await expect(preview.getByRole('heading', { name: 'Sommar i föreningen' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('alla');
  await expect(preview).toContainText('<script>x</script>'); // shown as text, never run
  await shot(page, 'newsletter.png');
  await c.save();
  const file = join(tmpDir, 'sommarbrev.html');
  page.once('dialog', (d) => void d.accept(file));
  await page.getByTestId('export-newsletterHtml').click();
  await expect(page.getByTestId('export-done')).toBeVisible();
  const html = await readFile(file, 'utf8');
  expect(html).toContain('<h1 style="font-size:24px;margin:1.2em 0 .4em">Sommar i föreningen</h1>');
  expect(html).toContain('Hej <strong>alla</strong>! &lt;script&gt;x&lt;/script&gt;');
  expect(html).toContain('<a href="https://example.org/sommar" style="color:#1c5fa8">Program</a>');

  // BCC lists to copy: Bo said no to e-mail, so only Åsa; showing them counts as exported.
  await page.getByRole('button', { name: 'Visa för kopiering' }).click();
  const dialog = page.getByRole('dialog', { name: 'Listor för hemlig kopia (BCC)' });
  await expect(dialog.getByRole('textbox', { name: 'Grupp 1 av 1 (1 adress)' })).toHaveValue('asa@example.se');
  await shot(page, 'bcc.png');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mark-sent')).toBeVisible();
});

test('a send-out marked important reaches the member who wants only important news; the plan shows the mark', async ({ page, server, tmpDir }) => {
  const call = contractCaller(server.core.api);
  await call('register.create', { path: join(tmpDir, 'Viktigt.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const base = { country: 'SE', consentSms: true, membershipTypeId: 1, joinedOn: '2020-01-01' } as const;
  const asa = await call('members.create', { ...base, firstName: 'Åsa', lastName: 'Öberg', mobile: '070-123 45 67' });
  await call('members.create', { ...base, firstName: 'Bo', lastName: 'Ek', mobile: '070-765 43 21' });
  // Åsa answered "Bara viktiga nyheter" in a survey, applied after review as the surveys screen does.
  const template = await call('surveys.template', {});
  const survey = await call('surveys.save', { ...template, questions: template.questions.filter((q) => q.kind === 'frequency') });
  await call('surveys.respond', { surveyId: survey.id, memberId: asa.id, source: 'paper', answeredOn: '2025-01-10', answers: { [survey.questions[0].id]: 'important' } });
  await call('surveys.applyPreferences', { surveyId: survey.id, token: (await call('surveys.preferenceReview', { surveyId: survey.id })).token });
  await page.reload();

  const c = new CommunicationPage(page);
  await c.open();
  await c.newSendOut();
  await c.fillDetails({ subject: 'Kallelse till årsmötet', status: 'Klar' });
  await c.smsText().fill('Välkommen till årsmötet den 20 mars kl 18!');

  // Not marked: Åsa is left out, and the list says why.
  await expect(c.important()).not.toBeChecked();
  await expect(page.getByTestId('count-sms')).toHaveText('1');
  await expect(c.leftOutRows()).toHaveCount(1);
  await expect(c.leftOutRows().first()).toContainText('Åsa Öberg');
  await expect(c.leftOutRows().first()).toContainText('Vill bara ha viktiga nyheter (enkät)');
  await expect(page.getByText('Medlemmar som bara vill ha viktiga nyheter får det också.')).toBeVisible();
  await shot(page, 'important-unmarked.png');

  // Marked important: she gets it too.
  await c.important().check();
  await expect(page.getByTestId('count-sms')).toHaveText('2');
  await expect(c.leftOutRows()).toHaveCount(0);
  await shot(page, 'important-marked.png');
  await c.save();
  await expect(page.getByTestId('important-mark')).toHaveText('Viktigt');
  await shot(page, 'important-saved.png');
  const saved = (await call('sendOuts.list', {})).find((s) => s.title === 'Kallelse till årsmötet')!;
  expect(saved.important).toBe(true);

  // The plan marks it, in the calendar (named for screen readers) and in the list.
  await c.backToPlan();
  await expect(page.getByTestId('plan-item').getByRole('img', { name: 'Viktigt' })).toBeVisible();
  await shot(page, 'important-calendar.png');
  await c.planAsList();
  await expect(page.getByTestId('plan-row').getByTestId('important-mark')).toHaveText('Viktigt');
  await shot(page, 'important-list.png');

  // Unmarked again from its page: Åsa is left out again.
  await page.getByTestId('plan-row').getByRole('button', { name: 'Kallelse till årsmötet' }).click();
  await c.important().uncheck();
  await expect(page.getByTestId('count-sms')).toHaveText('1');
  await expect(c.leftOutRows().first()).toContainText('Vill bara ha viktiga nyheter (enkät)');
});
