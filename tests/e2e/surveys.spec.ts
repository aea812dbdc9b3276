import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { SurveysPage } from './surveys-page';

test('a survey from the template: two members by phone, three CSV answers (one matched by hand), charts, preferences applied after review, forms printed', async ({ page, server, tmpDir }) => {
  test.setTimeout(180_000);
  const api = server.core.api;
  const shot = (name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  await api['register.create']({ path: join(tmpDir, 'Enkät.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const base = { country: 'SE', consentSms: false, consentEmail: false, consentPost: true, status: 'active', membershipTypeId: 1, joinedOn: '2020-01-01' } as const;
  const anna = await api['members.create']({ ...base, firstName: 'Anna', lastName: 'Andersson', mobile: '070-111 11 11', email: 'anna@example.se' });
  const bo = await api['members.create']({ ...base, firstName: 'Bo', lastName: 'Berg', mobile: '070-222 22 22', email: 'bo@example.se' });
  await api['members.create']({ ...base, firstName: 'Cecilia', lastName: 'Ek', mobile: '070-333 33 33' });
  const doris = await api['members.create']({ ...base, firstName: 'Doris', lastName: 'Dahl' });
  await page.reload();

  const s = new SurveysPage(page);
  await s.open();

  // Build from the template: the field's questions, ready; saved as they are.
  await s.fromTemplate();
  await expect(page.getByTestId('question-card')).toHaveCount(7);
  await expect(page.getByTestId('survey-title')).toHaveValue('Vad vill du ha från oss?');
  await shot('surveys-builder');
  await s.save();
  await expect(page.getByRole('tablist', { name: 'Enkätens flikar' })).toBeVisible();

  // Phone interviews: the call list, Anna first; answers with the keyboard only.
  await s.tab('Telefon');
  await page.getByRole('button', { name: 'Hämta ringlistan' }).click();
  await expect(s.callCard()).toContainText('Anna Andersson');
  await expect(page.getByTestId('call-phone')).toHaveText('070-111 11 11');
  await s.question('Hur ofta vill du höra').locator('input').first().focus();
  await page.keyboard.press('2'); // En gång i månaden
  await page.keyboard.press('Enter');
  await page.keyboard.press('1'); // Sms
  await page.keyboard.press('3'); // Brev
  await page.keyboard.press('Enter');
  await page.keyboard.press('1'); // Möten och aktiviteter
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('1'); // Får vi ringa dig? Ja
  await page.keyboard.press('Enter');
  await page.keyboard.press('4'); // scale
  await page.keyboard.press('Enter');
  await page.keyboard.type('Fler kvällsmöten, tack');
  await expect(s.question('Hur vill du helst').getByRole('checkbox', { name: 'Brev' })).toBeChecked();
  await expect(s.question('Hur nöjd är du').getByRole('radio', { name: '4' })).toBeChecked();
  await shot('surveys-phone');
  await page.keyboard.press('Control+Enter');

  // "Next": Bo. Saving without the required answers is refused, in words, at the question.
  await expect(s.callCard()).toContainText('Bo Berg');
  await page.getByRole('button', { name: 'Spara och nästa' }).click();
  await expect(s.question('Hur ofta vill du höra')).toContainText('Frågan måste besvaras.');
  await s.question('Hur ofta vill du höra').locator('input').first().focus();
  await page.keyboard.press('1'); // Varje vecka
  await page.keyboard.press('Enter');
  await page.keyboard.press('2'); // E-post
  await page.keyboard.press('Control+Enter');
  await expect(s.callCard()).toContainText('Doris Dahl');
  await expect(page.getByTestId('call-list-count')).toHaveText('2 av 4 kvar att ringa');
  // Doris does not pick up: the outcome goes into the contact log, she stays on the list.
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: 'Spara och nästa' }).click();
  await expect(s.callCard()).toContainText('Cecilia Ek');
  const log = await api['contactLog.list']({ memberId: doris.id, limit: 10 });
  expect(log.map((c) => [c.kind, c.outcome])).toEqual([['call', 'no-answer']]);
  expect((await api['contactLog.list']({ memberId: anna.id, limit: 10 }))[0]).toMatchObject({ kind: 'call', outcome: 'reached' });

  // Import three rows from a form tool: Cecilia by mobile, Anna by number (older than her phone
  // answer: kept, not current), and one nobody is found for.
  const csv = join(tmpDir, 'formular.csv');
  await writeFile(
    csv,
    [
      'Tidstämpel;Medlemsnummer;E-postadress;Mobil;Namn;Hur ofta vill du höra från föreningen?;Hur vill du helst att vi hör av oss?;Hur nöjd är du med föreningen i dag?',
      '2025/05/01 10:00:00;;;070-333 33 33;Cecilia;En gång i kvartalet;Sms;5',
      `2025/05/02 11:00:00;${anna.memberNumber};;;Anna;Varje vecka;E-post;3`,
      '2025/05/03 12:00:00;;doris.d@example.org;;Doris Dahl;Bara viktiga nyheter;Brev, Fax;4',
    ].join('\r\n'),
  );
  await s.tab('Importera svar');
  s.answerNextDialog(csv);
  await page.getByRole('button', { name: 'Välj fil…' }).click();
  await expect(page.getByTestId('import-check')).toContainText('3 rader: 2 finns i registret, 1 hittades inte');
  await expect(page.getByTestId('import-problems')).toContainText('Fax');
  await expect(page.getByRole('combobox', { name: 'Vad kolumnen Mobil innehåller' })).toHaveValue('Mobil');
  await shot('surveys-import');
  await page.getByRole('button', { name: 'Importera 3 rader' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Importerade 3 rader: 2 hittades, 1 att koppla för hand.');
  const row = page.getByTestId('unmatched-row');
  await expect(row).toContainText('Doris Dahl · doris.d@example.org');
  await row.getByTestId('member-picker').fill('Dahl');
  await page.getByRole('option', { name: `Dahl, Doris (nr ${doris.memberNumber})` }).click();
  await row.getByRole('button', { name: 'Koppla' }).click();
  await expect(page.getByTestId('unmatched')).toBeHidden();

  // Both of Anna's answers are shown; the older one is marked as replaced.
  await s.tab('Svar');
  await expect(page.getByTestId('response-row')).toHaveCount(5);
  const annas = page.getByTestId('response-row').filter({ hasText: 'Anna Andersson' });
  await expect(annas).toHaveCount(2);
  await expect(annas.filter({ hasText: 'Ersatt av nyare svar' })).toHaveCount(1);

  // Results: everyone asked has answered; a chart per question.
  await s.tab('Resultat');
  await expect(page.getByTestId('response-rate')).toHaveText('100 %');
  await expect(s.chartCount('Hur ofta vill du höra', 'En gång i månaden')).toHaveText('1');
  await expect(s.chartCount('Hur ofta vill du höra', 'Varje vecka')).toHaveText('1');
  await expect(s.chartCount('Hur ofta vill du höra', 'Bara viktiga nyheter')).toHaveText('1');
  await expect(s.chartCount('Hur vill du helst', 'Brev')).toHaveText('2');
  await expect(page.getByTestId('text-answers')).toContainText('Fler kvällsmöten, tack');
  await shot('surveys-results');

  // Acting on it: review every change, then apply; consent recorded with date and source.
  await s.tab('Uppdatera önskemål');
  await page.getByRole('button', { name: 'Granska ändringarna' }).click();
  const changes = page.getByTestId('pref-change');
  await expect(changes.filter({ hasText: 'Anna Andersson' }).filter({ hasText: 'Önskade kanaler' })).toContainText('Sms, Brev');
  await expect(changes.filter({ hasText: 'Doris Dahl' }).filter({ hasText: 'Hur ofta' })).toContainText('Bara viktiga nyheter');
  await shot('surveys-preferences');
  const count = await changes.count();
  await page.getByRole('button', { name: `Verkställ ${count} ändringar` }).click();
  await page.getByRole('dialog').getByRole('button', { name: `Verkställ ${count} ändringar` }).click();
  await expect(page.getByTestId('prefs-done')).toContainText(`Verkställde ${count} ändringar för 4 medlemmar.`);
  expect(await api['surveys.memberPreferences']({ memberId: anna.id })).toMatchObject({ channels: ['sms', 'letter'], frequency: 'monthly', consentSource: 'phone' });
  expect(await api['surveys.memberPreferences']({ memberId: bo.id })).toMatchObject({ channels: ['email'], frequency: 'weekly', consentSource: 'phone' });
  expect(await api['surveys.memberPreferences']({ memberId: doris.id })).toMatchObject({ channels: ['letter'], frequency: 'important', consentSource: 'form' });
  const history = await api['history.list']({ memberId: anna.id, offset: 0, limit: 50 });
  expect(history.rows.find((h) => h.field === 'preferredChannels')).toMatchObject({ newValue: 'Sms, Brev', source: 'survey-phone' });

  // Paper forms, one per member, with name and number printed.
  await s.tab('Pappersformulär');
  const pdf = join(tmpDir, 'enkät.pdf');
  s.answerNextDialog(pdf);
  await page.getByRole('button', { name: 'Gör PDF…' }).click();
  await expect(page.getByTestId('forms-done')).toContainText('4 formulär sparade');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toMatch(new RegExp(`Namn: Doris Dahl\\s+Medlemsnummer: ${doris.memberNumber}`));
  expect(text).toContain('Hur ofta vill du höra från föreningen?');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, test.info().outputPath('surveys-form-page1')]);

  // A paper form typed in with the keyboard: number, Enter, digits and Enter, Ctrl+Enter saves.
  await page.getByRole('textbox', { name: 'Medlemsnummer' }).fill(String(bo.memberNumber));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-member')).toContainText('Svar från Bo Berg');
  await expect(page.getByTestId('entry-member')).toContainText('Har redan svarat');
  await expect(s.question('Hur ofta vill du höra').locator('input').first()).toBeFocused();
  await page.keyboard.press('3'); // En gång i kvartalet
  await page.keyboard.press('Enter');
  await page.keyboard.press('4'); // Telefon
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('entry-saved')).toContainText('Sparade svaren från Bo Berg.');
  await expect(page.getByRole('textbox', { name: 'Medlemsnummer' })).toBeFocused();
  await shot('surveys-paper');
  const [survey] = await api['surveys.list']({});
  const current = await api['surveys.responses']({ surveyId: survey.id, filter: 'current', memberId: bo.id, offset: 0, limit: 10 });
  expect(current.rows.map((r) => [r.source, Object.values(r.answers)])).toEqual([['paper', ['quarterly', ['phone']]]]);
});
