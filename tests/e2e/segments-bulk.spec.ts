import { join } from 'node:path';
import { KansliApp } from './app';
import { expect, test } from './fixtures';

const CITIES = ['Umeå', 'Luleå', 'Stockholm'];

test('a segment is built, saved, reloaded, and a bulk action on it is previewed, applied and undone', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Urval.kansli'), associationName: 'Urvalsföreningen', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const types = await api['members.types']({});
  let expected = 0;
  for (let i = 0; i < 30; i++) {
    const city = CITIES[i % 3];
    const consentSms = i % 2 === 0;
    if (city === 'Umeå' && consentSms) expected++;
    await api['members.create']({
      firstName: ['Åsa', 'Örjan', 'Kari', 'Per', 'Lina'][i % 5],
      lastName: `Medlem${String(i).padStart(2, '0')}`,
      city, country: 'SE', consentSms, consentEmail: i % 4 === 0, consentPost: true, status: 'active',
      membershipTypeId: types[i % types.length].id, joinedOn: '2020-01-01',
    });
  }
  const group = await api['groups.create']({ name: 'Styrelsen', kind: 'board' });
  await page.reload();
  const app = new KansliApp(page);
  await expect(page.getByTestId('member-count')).toHaveText('30 medlemmar');

  // Build "SMS consent AND city Umeå": the list and the panel show the count as it is built.
  await page.getByTestId('filter-toggle').click();
  const panel = page.getByTestId('filter-panel');
  await panel.getByRole('button', { name: 'Lägg till villkor' }).click();
  await panel.getByTestId('segment-field').nth(0).click();
  await page.getByRole('option', { name: 'Samtycke' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('15 medlemmar');
  await panel.getByRole('button', { name: 'Lägg till villkor' }).click();
  await panel.getByTestId('segment-field').nth(1).click();
  await page.getByRole('option', { name: 'Ort', exact: true }).click();
  await panel.getByLabel('Orter (tryck Enter efter varje)').fill('Umeå');
  await panel.getByLabel('Orter (tryck Enter efter varje)').press('Enter');
  await expect(panel.getByTestId('segment-count')).toHaveText(`${expected} medlemmar matchar`);
  await expect(page.getByTestId('member-count')).toHaveText(`${expected} medlemmar`);
  await expect(app.rows()).toHaveCount(expected);

  await panel.getByLabel('Urvalets namn').fill('SMS-samtycke i Umeå');
  await panel.getByRole('button', { name: 'Spara urvalet' }).click();
  await expect(page.getByTestId('filter-toggle')).toHaveText('Urval: SMS-samtycke i Umeå');
  await page.screenshot({ path: join('test-results', 'segments-filter-panel.png') });

  // After a reload the saved segment is there to load again.
  await page.reload();
  await expect(page.getByTestId('member-count')).toHaveText('30 medlemmar');
  await page.getByTestId('filter-toggle').click();
  await page.getByTestId('segment-saved').click();
  await page.getByRole('option', { name: 'SMS-samtycke i Umeå' }).click();
  await expect(page.getByTestId('member-count')).toHaveText(`${expected} medlemmar`);

  // A condition nobody meets: count 0 and a friendly word, not an error.
  await panel.getByRole('button', { name: 'Lägg till villkor' }).click();
  await panel.getByTestId('segment-field').nth(2).click();
  await page.getByRole('option', { name: 'Postnummer' }).click();
  await panel.getByLabel('Postnumret börjar med').fill('999');
  await expect(panel.getByTestId('segment-nobody')).toBeVisible();
  await expect(page.getByTestId('members-empty')).toBeVisible();
  await expect(page.locator('[role=alert]')).toHaveCount(0);
  await expect(app.errorAlert()).toHaveCount(0);
  await panel.getByRole('button', { name: 'Ta bort', exact: true }).nth(2).click();
  await expect(page.getByTestId('member-count')).toHaveText(`${expected} medlemmar`);

  // Switch a column on and off.
  await page.getByTestId('column-chooser').click();
  await page.getByLabel('SMS-samtycke').check();
  await expect(page.getByTestId('column-head-consentSms')).toBeVisible();
  await expect(app.rows().first()).toContainText('Ja');
  await page.getByLabel('SMS-samtycke').uncheck();
  await expect(page.getByTestId('column-head-consentSms')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Select the segment's members and add them to the board, previewed first.
  await page.getByTestId('select-all').check();
  await expect(page.getByTestId('selected-count')).toHaveText(`${expected} valda`);
  await page.screenshot({ path: join('test-results', 'segments-list.png') });
  await page.getByTestId('bulk-menu').click();
  await page.getByRole('menuitem', { name: 'Lägg till i grupp' }).click();
  await page.getByTestId('bulk-group').click();
  await page.getByRole('option', { name: 'Styrelsen' }).click();
  await page.getByRole('button', { name: 'Visa vad som ändras' }).click();
  await expect(page.getByTestId('bulk-change-row')).toHaveCount(expected);
  await expect(page.getByTestId('bulk-change-count')).toHaveText(`${expected} medlemmar ändras`);
  await page.screenshot({ path: join('test-results', 'segments-bulk-preview.png') });
  await page.getByTestId('bulk-apply').click();
  await expect(page.getByTestId('bulk-done')).toBeVisible();
  expect(await api['groups.holders']({ groupId: group.id })).toHaveLength(expected);

  // One step back: the roles are gone again.
  await page.getByTestId('bulk-undo').click();
  await expect(page.getByText('Lägg till i grupp ångrad.')).toBeVisible();
  expect(await api['groups.holders']({ groupId: group.id })).toHaveLength(0);
  await page.getByTestId('bulk-recent').click();
  await expect(page.getByTestId('bulk-operation').first()).toContainText('Ångrad');
});
