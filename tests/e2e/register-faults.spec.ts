import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KansliApp } from './app';
import { expect, test } from './fixtures';

const PASSPHRASE = 'blå spårvagn sju sjöar';

async function newRegister(app: KansliApp, tmpDir: string, name = 'Föreningen.kansli') {
  await app.chooseLanguage('Svenska');
  const path = join(tmpDir, name);
  await app.createRegister({ name: 'Idrottsklubben Åsen', path, passphrase: PASSPHRASE });
  await app.finishRecoveryStep();
  return path;
}

test('a damaged file says so and offers the newest verified backup, leaving the damaged file as it is', async ({ page, tmpDir }) => {
  const app = new KansliApp(page);
  const path = await newRegister(app, tmpDir);
  await app.addMember({ firstName: 'Åke', lastName: 'Ström' });
  await app.waitSaved();
  await app.addMember({ firstName: 'Berit', lastName: 'Øie' });
  await app.lock(); // saves; the version with Åke alone goes to the backups

  const bytes = readFileSync(path);
  bytes[Math.floor(bytes.length / 2)] ^= 0x01;
  writeFileSync(path, bytes);

  await app.unlock(PASSPHRASE);
  await expect(app.errorAlert()).toContainText('Registerfilen är skadad');
  const backups = page.getByTestId('backups');
  await expect(backups).toContainText('kontrollerade säkerhetskopior');
  await backups.getByRole('button', { name: 'Återställ den här kopian' }).first().click();

  await expect(page.getByText(/Säkerhetskopian återställdes som/)).toBeVisible();
  await expect(page.getByTestId('unlock-path')).not.toHaveText(path);
  expect(readFileSync(path).equals(bytes)).toBe(true); // the damaged file is untouched
  await app.unlock(PASSPHRASE);
  await expect(page.getByTestId('member-count')).toHaveText(/[12] medlem/);
});

test('a file changed by someone else is never overwritten: the user saves a copy', async ({ page, tmpDir }) => {
  const app = new KansliApp(page);
  const path = await newRegister(app, tmpDir);
  await app.addMember({ firstName: 'Åke', lastName: 'Ström' });
  await app.waitSaved();

  // Someone else writes the file (another computer through a sync folder, say).
  const theirs = Buffer.concat([readFileSync(path), Buffer.from('their change')]);
  writeFileSync(path, theirs);

  await app.addMember({ firstName: 'Berit', lastName: 'Øie' });
  const problem = page.getByTestId('save-problem');
  await expect(problem).toContainText('ändrats av någon annan', { timeout: 15_000 });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'failed');
  expect(readFileSync(path).equals(theirs)).toBe(true);

  const copy = join(tmpDir, 'Min kopia.kansli');
  app.answerNextDialog(copy);
  await problem.getByRole('button', { name: 'Spara som kopia…' }).click();
  await app.waitSaved();
  expect(existsSync(copy)).toBe(true);
  expect(readFileSync(path).equals(theirs)).toBe(true);

  await app.lock();
  await expect(page.getByTestId('unlock-path')).toHaveText(copy);
  await app.unlock(PASSPHRASE);
  await expect(page.getByTestId('member-count')).toHaveText('2 medlemmar');
});

test('the register locks itself after the idle time set in settings', async ({ page, tmpDir }) => {
  await page.clock.install();
  await page.reload();
  const app = new KansliApp(page);
  await newRegister(app, tmpDir);
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await page.getByTestId('idle-minutes').fill('2');
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  await expect(page.getByText('Inställningarna sparades')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.clock.fastForward('01:30');
  await expect(page.getByTestId('association-name')).toBeVisible();
  await page.clock.fastForward('00:45');
  await expect(page.getByText('Registret låstes efter en stunds inaktivitet.')).toBeVisible();
  await app.unlock(PASSPHRASE);
  await expect(page.getByTestId('association-name')).toHaveText('Idrottsklubben Åsen');
});

test('the passphrase can be changed; the old one stops working', async ({ page, tmpDir }) => {
  const app = new KansliApp(page);
  await newRegister(app, tmpDir);
  await page.getByRole('button', { name: 'Inställningar' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nuvarande lösenfras').fill(PASSPHRASE);
  await dialog.getByTestId('passphrase').fill('grön cykel åtta fjällsjöar');
  await dialog.getByTestId('passphrase-repeat').fill('grön cykel åtta fjällsjöar');
  await dialog.getByRole('button', { name: 'Byt lösenfras' }).click();
  await expect(page.getByText('Lösenfrasen är bytt.')).toBeVisible();
  await page.keyboard.press('Escape');
  await app.lock();
  await app.unlock(PASSPHRASE);
  await expect(app.errorAlert()).toContainText('Fel lösenfras');
  await app.unlock('grön cykel åtta fjällsjöar');
  await expect(page.getByTestId('association-name')).toBeVisible();
});

test('the interface switches language at once and the register remembers it', async ({ page, tmpDir }) => {
  const app = new KansliApp(page);
  await newRegister(app, tmpDir);
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await page.getByRole('dialog').getByText('Norsk bokmål', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Lagre innstillingene' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Nytt medlem' })).toBeVisible();
  await page.getByRole('button', { name: 'Lås' }).click();
  await expect(page.getByRole('button', { name: 'Åpne', exact: true })).toBeVisible();
});
