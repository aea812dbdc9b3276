import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { KansliApp } from './app';
import { expect, test } from './fixtures';

// Other engineers' runs clear test-results; SHOTS_DIR keeps these screenshots apart when needed.
const SHOTS = process.env.SHOTS_DIR ?? 'test-results';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the member page: roles, contacts, change history, status life cycle, journey — partly by keyboard', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Förening.kansli'), associationName: 'IK Åsen', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  // The group admin screen is another engineer's: the group is seeded through the core.
  await api['groups.create']({ name: 'Styrelsen', kind: 'board' });
  await api['customFields.create']({ name: 'Antal barn', kind: 'number', options: [] });
  const types = await api['members.types']({});
  await api['members.create']({
    firstName: 'Åsa', lastName: 'Öberg', country: 'SE', consentSms: false, consentEmail: false, consentPost: true,
    status: 'active', membershipTypeId: types[0].id, joinedOn: day(-60), city: 'Umeå',
  });
  await api['members.create']({
    firstName: 'Per', lastName: 'Öberg', country: 'SE', consentSms: false, consentEmail: false, consentPost: true,
    status: 'active', membershipTypeId: types[0].id, city: 'Umeå',
  });
  await page.reload();
  const app = new KansliApp(page);

  // Ctrl+N from the list opens the simple form for a new member (details only, no tabs).
  await expect(app.rows()).toHaveCount(2);
  await page.keyboard.press('Control+n');
  await expect(app.form()).toBeVisible();
  await expect(page.getByRole('dialog').getByTestId('tab-details')).toHaveCount(0);
  await page.waitForTimeout(400); // let the drawer finish sliding in
  await page.screenshot({ path: `${SHOTS}/member-page-new.png` });
  await page.keyboard.press('Escape');
  await expect(app.form()).toBeHidden();

  await app.search('Åsa');
  await expect(app.rows()).toHaveCount(1);
  await app.rows().first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('member-title')).toHaveText('Åsa Öberg');

  // The journey badge says "new" and explains why.
  const badge = drawer.getByTestId('journey-badge');
  await expect(badge).toHaveAttribute('data-stage', 'new');
  await badge.click();
  await expect(page.getByTestId('journey-explanation')).toContainText('Gick med eller återinträdde');
  await page.screenshot({ path: `${SHOTS}/member-page-journey.png` });
  await badge.click();
  await expect(page.getByTestId('journey-explanation')).toBeHidden();

  // A household formed from the header with the other Öberg.
  await drawer.getByTestId('household-button').click();
  await page.getByRole('combobox', { name: 'Bilda hushåll med…' }).fill('Per');
  await page.getByRole('option', { name: /Per Öberg/ }).click();
  await expect(drawer.getByTestId('household-button')).toContainText('Per');
  await page.screenshot({ path: `${SHOTS}/member-page-household.png` });
  await drawer.getByTestId('household-button').click();

  // Details by keyboard: a new last name and a custom value of the wrong type; Ctrl+S refuses both.
  const form = app.form();
  await form.locator('input[name="lastName"]').fill('Berg');
  await form.getByLabel('Antal barn').fill('tre');
  await page.keyboard.press('Control+s');
  await expect(form.getByText('Skriv ett tal, till exempel 12 eller 3,5.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/member-page-details-error.png` });
  await form.getByLabel('Antal barn').fill('3');
  await page.keyboard.press('Control+s');
  await expect(drawer.getByTestId('member-title')).toHaveText('Åsa Berg');
  await page.screenshot({ path: `${SHOTS}/member-page-details.png` });

  // Groups (Alt+2): a reversed range is refused at the field, in Swedish; then the role is added.
  await page.keyboard.press('Alt+2');
  const roleForm = drawer.getByTestId('role-form');
  await choose(page, roleForm, 'Grupp', 'Styrelsen');
  await choose(page, roleForm, 'Roll', 'Kassör');
  await roleForm.locator('input[name="roleFrom"]').fill(day(-30));
  await roleForm.locator('input[name="roleTo"]').fill(day(-40));
  await roleForm.getByRole('button', { name: 'Lägg till roll' }).click();
  await expect(roleForm.getByText('Slutdatumet är före startdatumet.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/member-page-groups-error.png` });
  await roleForm.locator('input[name="roleTo"]').fill('');
  await roleForm.locator('input[name="roleTo"]').press('Enter');
  await expect(drawer.getByTestId('role-row')).toHaveCount(1);
  await expect(drawer.getByTestId('role-row')).toContainText('Kassör');
  await expect(drawer.getByTestId('role-row')).toContainText('pågår');
  await page.screenshot({ path: `${SHOTS}/member-page-groups.png` });

  // Contact log with a follow-up, saved with Enter from the keyboard.
  await drawer.getByTestId('tab-contacts').click();
  const contactForm = drawer.getByTestId('contact-form');
  await contactForm.getByLabel('Gjord av').fill('Karin Sekreterare');
  await choose(page, contactForm, 'Resultat', 'Ring tillbaka');
  await contactForm.getByLabel('Anteckningar').fill('Vill veta mer om höstens möten.');
  await contactForm.locator('input[name="contactFollowUp"]').fill(day(7));
  await contactForm.locator('input[name="contactFollowUp"]').press('Enter');
  const entry = drawer.getByTestId('contact-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Ring tillbaka');
  await expect(entry.getByTestId('follow-up')).toContainText('Följ upp');
  await page.screenshot({ path: `${SHOTS}/member-page-contacts.png` });

  // Status: leaves (moved), then re-joins; both stay in the history.
  await drawer.getByTestId('tab-status').click();
  const statusForm = drawer.getByTestId('status-form');
  await choose(page, statusForm, 'Orsak', 'Flyttat');
  await statusForm.getByRole('button', { name: 'Ändra status' }).click();
  await expect(drawer.getByTestId('current-status')).toHaveText('Utträdd');
  await expect(drawer.getByTestId('journey-badge')).toHaveAttribute('data-stage', 'lapsed');
  await drawer.getByTestId('status-form').getByRole('button', { name: 'Ändra status' }).click();
  await expect(drawer.getByTestId('current-status')).toHaveText('Aktiv');
  const events = drawer.getByTestId('status-event');
  await expect(events).toHaveCount(3);
  await expect(events.nth(0)).toContainText('Återinträde');
  await expect(events.nth(1)).toContainText('Utträde');
  await expect(events.nth(1)).toContainText('Flyttat');
  await expect(events.nth(2)).toContainText('Inträde');
  await page.screenshot({ path: `${SHOTS}/member-page-status.png` });

  // Type tab shows the period.
  await drawer.getByTestId('tab-type').click();
  await expect(drawer.getByTestId('type-periods')).toContainText('pågår');
  await page.screenshot({ path: `${SHOTS}/member-page-type.png` });

  // The change history: the last name with old and new value, the custom field, the status changes.
  await drawer.getByTestId('tab-history').click();
  const lastName = drawer.locator('[data-testid="history-row"][data-field="lastName"]');
  await expect(lastName.getByTestId('history-old')).toHaveText('Öberg');
  await expect(lastName.getByTestId('history-new')).toHaveText('Berg');
  await expect(drawer.locator('[data-testid="history-row"][data-field^="custom:"]')).toContainText('Antal barn');
  await expect(drawer.locator('[data-testid="history-row"][data-field="status"]')).toHaveCount(2);
  // Added by hand: the first entry says so, with nothing ("(tomt)") before or after.
  const created = drawer.getByTestId('history-row').last();
  await expect(created).toHaveAttribute('data-field', 'created');
  await expect(created).toContainText('Tillagd i registret');
  await expect(created).toContainText('Ändrad');
  await expect(created.getByTestId('history-old')).toHaveText('');
  await expect(created.getByTestId('history-new')).toHaveText('');
  await page.screenshot({ path: `${SHOTS}/member-page-history.png` });

  // The refused save wrote nothing: exactly one last-name change.
  await expect(lastName).toHaveCount(1);
});
