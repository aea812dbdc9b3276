import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KansliApp } from './app';
import { expect, test } from './fixtures';

const PASSPHRASE = 'blå spårvagn sju sjöar';

test('the whole first story: create, add, search, lock, wrong passphrase, reopen, recovery key', async ({ page, tmpDir }) => {
  const app = new KansliApp(page);
  const registerPath = join(tmpDir, 'Nykterhetsföreningen.kansli');
  const sheetPath = join(tmpDir, 'återställning.pdf');

  await app.chooseLanguage('Svenska');
  const recoveryKey = await app.createRegister({ name: 'Nykterhetsföreningen Ödegården', path: registerPath, passphrase: PASSPHRASE });
  expect(recoveryKey.length).toBeGreaterThan(20);

  // The recovery sheet is written where the user chooses and holds the key.
  app.answerNextDialog(sheetPath);
  await page.getByRole('button', { name: /Spara återställningsbladet/ }).click();
  await expect.poll(() => existsSync(sheetPath)).toBe(true);
  const sheetText = execFileSync('pdftotext', [sheetPath, '-']).toString().replace(/\s+/g, '');
  expect(sheetText).toContain(recoveryKey.replace(/\s+/g, ''));
  await app.finishRecoveryStep();
  await expect(page.getByTestId('association-name')).toHaveText('Nykterhetsföreningen Ödegården');

  // A wrong check digit is refused at the field, in Swedish; nothing is saved.
  await app.openNewMember();
  await app.fillMember({ firstName: 'Åsa', lastName: 'Öberg', identityNumber: '880320-0018', mobile: '070-123 45 67', city: 'Umeå' });
  await app.saveMember();
  await expect(app.form().getByText('Kontrollsiffran stämmer inte')).toBeVisible();
  await app.fillMember({ identityNumber: '880320-0016' });
  await app.saveMember();
  await expect(app.form()).toBeHidden();

  // A Norwegian member: the mobile is checked as a Norwegian mobile.
  await app.addMember({ firstName: 'Kari', lastName: 'Ødegård', country: 'Norge', mobile: '412 34 567', city: 'Tromsø', email: 'kari@example.no' });
  await app.addMember({ firstName: 'Ärla', lastName: 'Zetterström', city: 'Örebro' });
  await expect(page.getByTestId('member-count')).toHaveText('3 medlemmar');

  // The list masks identity numbers.
  await expect(page.getByText('19880320-0016')).toHaveCount(0);

  // Search ignores case and diacritics.
  await app.search('odegard');
  await expect(app.rows()).toHaveCount(1);
  await expect(app.rows().first()).toContainText('Ødegård');
  await app.search('asa');
  await expect(app.rows()).toHaveCount(1);
  await expect(app.rows().first()).toContainText('Öberg');
  await app.search('');
  await expect(app.rows()).toHaveCount(3);

  await app.waitSaved();

  // The file on disk holds none of the names or numbers in plain text.
  const bytes = readFileSync(registerPath);
  for (const secret of ['Öberg', 'Ødegård', 'Zetterström', 'Nykterhetsföreningen', 'kari@example.no', '+4741234567', '198803200016']) {
    expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    expect(bytes.includes(Buffer.from(secret, 'utf16le')), secret).toBe(false);
  }

  // Lock, a wrong passphrase, then the right one.
  await app.lock();
  const before = readFileSync(registerPath);
  await app.unlock('fel lösenfras');
  await expect(app.errorAlert()).toContainText('Fel lösenfras');
  expect(readFileSync(registerPath).equals(before)).toBe(true);
  await app.unlock(PASSPHRASE);
  await expect(page.getByTestId('member-count')).toHaveText('3 medlemmar');

  // Lock again and open with the recovery key instead.
  await app.lock();
  await page.getByRole('button', { name: /använd återställningsnyckeln/ }).click();
  await page.getByTestId('recovery-input').fill(recoveryKey.toLowerCase());
  await page.getByRole('button', { name: 'Öppna', exact: true }).click();

  // Opened with the recovery key: Kansli asks for a new passphrase to replace the forgotten one.
  const reset = page.getByRole('dialog', { name: 'Välj en ny lösenfras' });
  await reset.getByTestId('passphrase').fill('nya vårens fem kaffekoppar');
  await reset.getByTestId('passphrase-repeat').fill('nya vårens fem kaffekoppar');
  await reset.getByRole('button', { name: 'Spara den nya lösenfrasen' }).click();
  await expect(reset).toBeHidden();
  await expect(page.getByTestId('member-count')).toHaveText('3 medlemmar');
  await app.lock();
  await app.unlock('nya vårens fem kaffekoppar');
  await expect(page.getByTestId('member-count')).toHaveText('3 medlemmar');
  await page.screenshot({ path: join('test-results', 'story-members.png') });
});
