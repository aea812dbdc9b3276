import { join } from 'node:path';
import { GroupsSetupPage } from './groups-setup-page';
import { expect, test } from './fixtures';

const shot = (name: string) => ({ path: join('test-results', `groups-setup-${name}.png`), fullPage: true });

test('the board of any year; custom fields and membership types', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Förening.kansli'), associationName: 'Nykterhetsföreningen Ödegården', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const types = await api['members.types']({});
  const member = { country: 'SE', consentSms: false, consentEmail: false, consentPost: true, status: 'active' as const, membershipTypeId: types[0].id, joinedOn: '2020-01-01' };
  await api['members.create']({ ...member, firstName: 'Åsa', lastName: 'Öberg' });
  await api['members.create']({ ...member, firstName: 'Per', lastName: 'Lindqvist' });
  await page.reload();
  await page.setViewportSize({ width: 1280, height: 800 });
  const ui = new GroupsSetupPage(page);

  await ui.openGroups();
  await expect(page.getByTestId('groups-empty')).toBeVisible();
  await ui.createGroup('Styrelsen');
  await expect(page.getByTestId('holders-empty')).toBeVisible();

  // An end before the start is refused at the field, in Swedish.
  await ui.fillRole({ search: 'öberg', member: /Öberg, Åsa/, role: 'Ordförande', from: '2023-01-01', to: '2022-12-31' });
  await ui.submitRole();
  await expect(ui.roleForm().getByText('Slutdatumet ligger före startdatumet.')).toBeVisible();
  await page.screenshot(shot('role-refused'));
  await ui.roleForm().getByLabel('Till').fill('2024-12-31');
  await ui.submitRole();
  await expect(ui.roleForm()).toBeHidden();

  await ui.fillRole({ search: 'lindq', member: /Lindqvist, Per/, role: 'Ordförande', from: '2025-01-01' });
  await ui.submitRole();
  await expect(ui.roleForm()).toBeHidden();

  // The same role twice in overlapping periods is refused.
  await ui.fillRole({ search: 'öberg', member: /Öberg, Åsa/, role: 'Ordförande', from: '2024-06-01' });
  await ui.submitRole();
  await expect(ui.roleForm().getByText('Medlemmen har redan den här rollen i gruppen under en del av perioden.')).toBeVisible();
  await ui.roleForm().getByRole('button', { name: 'Avbryt' }).click();
  await expect(ui.roleForm()).toBeHidden();

  // Today: the second chair. Mid-2024: the first.
  await expect(ui.holderRows()).toHaveCount(1);
  await expect(ui.holderRows().first()).toContainText('Ordförande');
  await expect(ui.holderRows().first()).toContainText('Lindqvist, Per');
  await page.screenshot(shot('board-today'));
  await ui.holdersAt('2024-06-30');
  await expect(page.getByTestId('holders-caption')).toContainText('30 juni 2024');
  await expect(ui.holderRows()).toHaveCount(1);
  await expect(ui.holderRows().first()).toContainText('Öberg, Åsa');
  await expect(ui.holderRows().first()).toContainText('31 dec. 2024');
  await page.screenshot(shot('board-2024'));
  await page.getByRole('button', { name: 'I dag', exact: true }).click();
  await expect(ui.holderRows().first()).toContainText('Lindqvist, Per');

  // The board of a whole year.
  await page.getByText('Under ett år', { exact: true }).click();
  await page.getByTestId('holders-year').fill('2024');
  await expect(page.getByTestId('holders-caption')).toHaveText('Styrelsen under 2024');
  await expect(ui.holderRows()).toHaveCount(1);
  await expect(ui.holderRows().first()).toContainText('Öberg, Åsa');
  await page.getByTestId('holders-year').fill('2022');
  await expect(page.getByTestId('holders-empty')).toHaveText('Ingen hade någon roll i Styrelsen under 2022.');
  await page.screenshot(shot('board-year'));
  await page.getByText('Ett datum', { exact: true }).click();

  // Ending a role: the end date is the last day held.
  await ui.holderRows().first().getByRole('button', { name: 'Avsluta' }).click();
  const endForm = page.getByTestId('role-dates-form');
  await endForm.getByLabel('Sista dag i rollen').fill('2024-12-01');
  await endForm.getByRole('button', { name: 'Avsluta' }).click();
  await expect(endForm.getByText('Slutdatumet ligger före startdatumet.')).toBeVisible();
  await endForm.getByLabel('Sista dag i rollen').fill('2025-12-31');
  await endForm.getByRole('button', { name: 'Avsluta' }).click();
  await expect(endForm).toBeHidden();
  await expect(page.getByTestId('holders-empty')).toBeVisible();
  await ui.holdersAt('2025-06-01');
  await expect(ui.holderRows().first()).toContainText('Lindqvist, Per');

  // Renaming keeps the roles.
  await page.getByRole('button', { name: 'Byt namn' }).click();
  await page.getByTestId('group-form').getByLabel('Namn').fill('Föreningsstyrelsen');
  await page.getByTestId('group-form').getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByTestId('group-title')).toHaveText('Föreningsstyrelsen');
  await expect(ui.holderRows().first()).toContainText('Lindqvist, Per');

  // Archiving is undone with one click; an archived group takes no new roles.
  await page.getByRole('button', { name: 'Arkivera' }).click();
  await page.getByLabel('Visa arkiverade').check();
  await expect(page.getByTestId('group-item')).toContainText('Arkiverad');
  await expect(page.getByRole('button', { name: 'Ge en medlem en roll' })).toBeDisabled();
  await page.getByRole('button', { name: 'Återställ från arkivet' }).click();
  await expect(page.getByRole('button', { name: 'Ge en medlem en roll' })).toBeEnabled();

  // A list field needs its options.
  await ui.openSetup();
  await expect(page.getByTestId('type-row').filter({ hasText: 'Stödmedlem' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Nytt fält' }).click();
  const fieldForm = page.getByTestId('field-form');
  await fieldForm.getByLabel('Namn').fill('Tröjstorlek');
  await fieldForm.getByLabel('Slag', { exact: true }).click();
  await page.getByRole('option', { name: 'Ett val ur en lista' }).click();
  await fieldForm.getByRole('button', { name: 'Spara' }).click();
  await expect(fieldForm.getByText('Ett listfält behöver minst ett alternativ.')).toBeVisible();
  await page.screenshot(shot('field-refused'));
  await fieldForm.getByLabel('Alternativ').fill('S\nM\nL');
  await fieldForm.getByRole('button', { name: 'Spara' }).click();
  await expect(fieldForm).toBeHidden();
  const fieldRow = page.getByTestId('field-row').filter({ hasText: 'Tröjstorlek' });
  await expect(fieldRow).toContainText('Ett val ur en lista');
  await expect(fieldRow).toContainText('3 alternativ: S, M, L');

  // A second field, moved above the first.
  await page.getByRole('button', { name: 'Nytt fält' }).click();
  await fieldForm.getByLabel('Namn').fill('Allergier');
  await fieldForm.getByRole('button', { name: 'Spara' }).click();
  await expect(fieldForm).toBeHidden();
  await expect(page.getByTestId('field-row')).toHaveText([/Tröjstorlek/, /Allergier/]);
  await page.getByRole('button', { name: 'Flytta ”Allergier” uppåt' }).click();
  await expect(page.getByTestId('field-row')).toHaveText([/Allergier/, /Tröjstorlek/]);

  // A type that pays dues but may not vote.
  await page.getByRole('button', { name: 'Ny medlemstyp' }).click();
  const typeForm = page.getByTestId('type-form');
  await typeForm.getByLabel('Namn').fill('Stödmedlem utan rösträtt');
  await expect(typeForm.getByLabel('Betalar avgift')).toBeChecked();
  await typeForm.getByLabel('Har rösträtt').uncheck();
  await typeForm.getByRole('button', { name: 'Spara' }).click();
  await expect(typeForm).toBeHidden();
  const typeRow = page.getByTestId('type-row').filter({ hasText: 'Stödmedlem utan rösträtt' });
  await expect(typeRow.getByTestId('type-pays')).toHaveText('Ja');
  await expect(typeRow.getByTestId('type-votes')).toHaveText('Nej');
  await page.screenshot(shot('setup'));

  // A type in use cannot be deleted: the user is told to archive it instead.
  await page.getByTestId('type-row').filter({ hasText: 'Fullvärdig' }).getByRole('button', { name: 'Ta bort' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('”Fullvärdig” har eller har haft medlemmar och kan inte tas bort. Arkivera den i stället')).toBeVisible();
  await expect(page.getByTestId('type-row').filter({ hasText: 'Fullvärdig' })).toBeVisible();

  // The core agrees.
  const saved = (await api['membershipTypes.list']({ includeArchived: false })).find((x) => x.name === 'Stödmedlem utan rösträtt');
  expect(saved).toMatchObject({ paysDues: true, mayVote: false });
  const fields = await api['customFields.list']({ includeArchived: false });
  expect(fields.find((f) => f.name === 'Tröjstorlek')).toMatchObject({ kind: 'choice', options: ['S', 'M', 'L'] });
});

test('in Norwegian: the screens and the built-in types speak bokmål', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Lag.kansli'), associationName: 'Idrettslaget Ørn', country: 'NO', language: 'nb', passphrase: 'blå trikk sju fjorder' });
  const board = await api['groups.create']({ name: 'Styret', kind: 'board' });
  const types = await api['members.types']({});
  const m = await api['members.create']({
    firstName: 'Kari', lastName: 'Ødegård', country: 'NO', consentSms: false, consentEmail: false, consentPost: true,
    status: 'active', membershipTypeId: types[0].id, joinedOn: '2020-01-01',
  });
  await api['groups.addRole']({ memberId: m.id, groupId: board.id, role: 'treasurer', from: '2021-03-01' });
  await page.reload();
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('tab', { name: 'Grupper og roller' }).click();
  await expect(page.getByTestId('holder-row')).toContainText('Kasserer');
  await expect(page.getByTestId('holder-row')).toContainText('1. mars 2021');
  await page.screenshot(shot('nb-groups'));
  await page.getByRole('tab', { name: 'Medlemstyper og felt' }).click();
  await expect(page.getByTestId('type-row').filter({ hasText: 'Æresmedlem' })).toBeVisible();
  await page.screenshot(shot('nb-setup'));
});
