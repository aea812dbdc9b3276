import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { CommunicationPage } from './communication-page';
import { expect, test } from './fixtures';

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
    ['+46707654321', 'Bo Ek', 'Hej Bo! Styrelsemöte på tisdag kl 18 på kaféet. Ta med glassen från Glacon'],
    ['+46701234567', 'Åsa Öberg', 'Hej Åsa! Styrelsemöte på tisdag kl 18 på kaféet. Ta med glassen från Glacon'],
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
