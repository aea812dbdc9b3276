import { join } from 'node:path';
import { KansliApp } from './app';
import { expect, test } from './fixtures';

test('a register of 20,000 members scrolls without building a row per member', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  await api['register.create']({ path: join(tmpDir, 'Stor.kansli'), associationName: 'Stora föreningen', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const types = await api['members.types']({});
  for (let i = 0; i < 20_000; i++) {
    await api['members.create']({
      firstName: ['Åsa', 'Örjan', 'Kari', 'Per'][i % 4],
      lastName: `Medlem${String(i).padStart(5, '0')}`,
      country: 'SE', consentSms: false, consentEmail: false, consentPost: true, status: 'active',
      membershipTypeId: types[0].id,
    });
  }
  await page.reload();
  const app = new KansliApp(page);
  await expect(page.getByTestId('member-count')).toHaveText(/^20\s000 medlemmar$/);
  const rendered = await app.rows().count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);

  // Scroll to the end: the last member appears, and the DOM stays small.
  await page.getByTestId('member-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByText('Medlem19999')).toBeVisible();
  expect(await app.rows().count()).toBeLessThan(100);

  // Sorting by a column reverses the list.
  await page.getByTestId('sort-lastName').click();
  await page.getByTestId('member-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(app.rows().first()).toContainText('Medlem19999');

  // Search as you type narrows it at once.
  await app.search('medlem1234');
  await expect(page.getByTestId('member-count')).toHaveText('10 medlemmar');
  await page.screenshot({ path: join('test-results', 'members-large.png') });
});
