import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { RegisterToolsPage, seedRegister } from './followups-households-duplicates-page';

// Outside test-results: other specs running at the same time empty that folder when they start.
const shot = (name: string) => ({ path: join(tmpdir(), 'kansli-screens', `${name}.png`), fullPage: true });

test('follow-ups due, a suggested household, and a duplicate merged with both histories', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  const { anna, anne } = await seedRegister(api, tmpDir);
  await page.reload();
  const ui = new RegisterToolsPage(page);

  // Follow-ups: the one from yesterday is overdue, today's is due; mark the overdue one done.
  await ui.openTab('Uppföljningar');
  await expect(ui.followUpRows()).toHaveCount(2);
  const overdue = ui.followUpRows().first();
  await expect(overdue).toHaveAttribute('data-overdue', 'true');
  await expect(overdue).toContainText('Försenad 1 dag');
  await expect(overdue).toContainText('Lars Lind');
  await expect(overdue).toContainText('Ring tillbaka');
  await expect(overdue).toContainText('Lovade att höra av sig om styrelseuppdraget.');
  await expect(ui.followUpRows().nth(1)).toContainText('I dag');
  await page.screenshot(shot('followups'));
  await overdue.getByRole('button', { name: 'Markera uppföljningen för Lars Lind som klar' }).click();
  await expect(ui.followUpRows()).toHaveCount(1);
  await expect(ui.followUpRows().first()).toContainText('Anne Berg');

  // Opening a member from the list shows the member page.
  await ui.followUpRows().first().getByRole('button', { name: /Öppna Anne Berg/ }).click();
  await expect(page.getByTestId('member-form')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('member-form')).toBeHidden();

  // Households: Lars and Eva Lind share an address (typed differently) and are suggested together.
  await ui.openTab('Hushåll');
  await expect(ui.suggestions()).toHaveCount(1);
  await expect(ui.suggestions().first()).toContainText('Lars Lind');
  await expect(ui.suggestions().first()).toContainText('Eva Lind');
  await page.screenshot(shot('households-suggested'));
  await ui.suggestions().first().getByRole('button', { name: 'Skapa hushåll' }).click();
  await expect(ui.suggestions()).toHaveCount(0);
  await expect(ui.households()).toHaveCount(1);
  await expect(ui.households().first()).toContainText('Hushåll Lind');
  await ui.households().first().getByLabel('Hushållets namn').fill('Familjen Lind');
  await ui.households().first().getByLabel('Hushållets namn').press('Enter');
  await expect(ui.households().first().getByTestId('household-title')).toHaveText('Familjen Lind');
  await page.screenshot(shot('households-existing'));

  // Duplicates: Anna and Anne Berg share an e-mail (and a birth date).
  await ui.openTab('Dubbletter');
  await expect(ui.duplicateRows()).toHaveCount(1);
  await expect(ui.duplicateRows().first()).toContainText('Samma e-post');
  await page.screenshot(shot('duplicates'));

  // A member cannot be merged with itself: refused in Swedish, nothing changes.
  const manual = page.getByTestId('manual-merge');
  await manual.getByLabel('Medlemsnummer att behålla').fill(String(anna.memberNumber));
  await manual.getByLabel('Medlemsnummer att slå ihop med det').fill(String(anna.memberNumber));
  await manual.getByRole('button', { name: 'Jämför' }).click();
  await expect(page.getByTestId('manual-merge-error')).toHaveText('En medlem kan inte slås ihop med sig själv. Välj två olika medlemmar.');
  await expect(ui.mergeModal()).toBeHidden();

  // Merge: keep the older member (its number), take the newer member's mobile and e-mail.
  await ui.duplicateRows().first().getByRole('button', { name: /Jämför och slå ihop/ }).click();
  const modal = ui.mergeModal();
  await expect(modal.getByRole('radio', { name: `Nr ${anna.memberNumber} Anna Berg` })).toBeChecked();
  await expect(modal.getByTestId('merge-field-email')).toContainText('Lika i båda');
  await modal.getByRole('radio', { name: 'Mobil: använd 073-555 66 77' }).check();
  await expect(modal.getByTestId('merge-field-mobile').getByTestId('merge-result')).toHaveText('073-555 66 77');
  await expect(modal.getByTestId('merge-field-firstName').getByTestId('merge-result')).toHaveText('Anna');
  await expect(modal.getByTestId('merge-moves')).toHaveText('Flyttas till den behållna medlemmen: 1 kontakt.');
  await page.screenshot(shot('duplicates-merge'));
  await modal.getByRole('button', { name: `Slå ihop med nr ${anna.memberNumber}` }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('duplicates-empty')).toBeVisible();

  // The kept member holds both members' contacts; the other is archived as merged into it.
  const kept = await api['members.get']({ id: anna.id });
  expect(kept.memberNumber).toBe(anna.memberNumber);
  expect(kept.mobile).toBe('+46735556677');
  expect(kept.email).toBe('anna.berg@exempel.se');
  const contacts = await api['contactLog.list']({ memberId: anna.id, limit: 200 });
  expect(contacts.map((c) => c.notes).sort()).toEqual(['Frågade om familjeavgift.', 'Träffades på årsmötet.']);
  const other = await api['members.get']({ id: anne.id });
  expect(other.mergedInto).toBe(anna.id);
  expect(other.archivedAt).not.toBeNull();

  // In the window: the newer member's follow-up now belongs to the kept member.
  await ui.openTab('Uppföljningar');
  await expect(ui.followUpRows()).toHaveCount(1);
  await expect(ui.followUpRows().first()).toContainText(`Anna Berg (${anna.memberNumber})`);
  await expect(ui.followUpRows().first()).toContainText('Frågade om familjeavgift.');
  await page.screenshot(shot('followups-after-merge'));

  // The member page of the kept member: its contact log holds both members' entries.
  await ui.followUpRows().first().getByRole('button', { name: /Öppna Anna Berg/ }).click();
  await page.getByTestId('tab-contacts').click();
  const entries = page.getByTestId('contact-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.filter({ hasText: 'Träffades på årsmötet.' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'Frågade om familjeavgift.' })).toHaveCount(1);
  await page.screenshot(shot('merged-member-contacts'));
});

test('a household suggestion can be dismissed and brought back; removing a member dissolves a household of two', async ({ page, server, tmpDir }) => {
  await seedRegister(server.core.api, tmpDir);
  await page.reload();
  const ui = new RegisterToolsPage(page);

  await ui.openTab('Hushåll');
  await expect(ui.suggestions()).toHaveCount(1);
  await ui.suggestions().first().getByRole('button', { name: 'Inte ett hushåll' }).click();
  await expect(ui.suggestions()).toHaveCount(0);
  await expect(page.getByText('Inga förslag: inga medlemmar delar adress utanför ett hushåll.')).toBeVisible();
  await page.getByRole('button', { name: 'Visa 1 dolt förslag' }).click();
  await expect(ui.suggestions()).toHaveCount(1);

  await ui.suggestions().first().getByRole('button', { name: 'Skapa hushåll' }).click();
  await expect(ui.households()).toHaveCount(1);

  // Removing asks first, says the household will dissolve; cancelling changes nothing.
  await ui.households().first().getByRole('button', { name: 'Ta bort Eva Lind från hushållet' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Bara en medlem blir kvar, så hushållet upplöses.');
  await page.screenshot({ path: join(tmpdir(), 'kansli-screens', 'households-remove-confirm.png') });
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(ui.households()).toHaveCount(1);

  await ui.households().first().getByRole('button', { name: 'Ta bort Eva Lind från hushållet' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ta bort', exact: true }).click();
  await expect(ui.households()).toHaveCount(0);
  await expect(page.getByText('Inga hushåll ännu.')).toBeVisible();
  // The two still share an address, so they are suggested again.
  await expect(ui.suggestions()).toHaveCount(1);
});
