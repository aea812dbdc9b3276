import { join } from 'node:path';
import { KansliApp } from './app';
import { contractCaller, expect, test } from './fixtures';

const YEAR = new Date().getFullYear();
const money = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));

test('a member who paid too much: the credit is shown on the dues tab, a refund beyond it is refused, the refund within it settles the account', async ({ page, server, tmpDir }) => {
  const api = server.core.api;
  const call = contractCaller(api);
  await call('register.create', { path: join(tmpDir, 'Tillgodo.kansli'), associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const asa = await call('members.create', { country: 'SE', firstName: 'Åsa', lastName: 'Överbetald', membershipTypeId: 1, joinedOn: '2020-01-01', street: 'Storgatan 1', postcode: '90325', city: 'Umeå' });
  await call('dues.saveSettings', { associationName: 'Föreningen Ödegård', bankgiro: '5402-9681', referenceKind: 'ocr', ocrLevel: 'variable' });
  await call('dues.saveFees', { year: YEAR, fees: [{ membershipTypeId: 1, amount: 25000, dueOn: `${YEAR}-12-31` }] });
  await call('dues.run', { year: YEAR, invoiceDate: `${YEAR}-01-02` });
  const invoice = (await call('dues.invoices', { year: YEAR })).rows[0];
  await call('dues.recordPayment', { invoiceId: invoice.id, paidOn: `${YEAR}-01-10`, amount: 40000, method: 'swish' }); // 150 kr too much
  await page.reload();

  const app = new KansliApp(page);
  await app.openFound('Åsa');
  const drawer = page.getByRole('dialog');
  await drawer.getByTestId('member-title').click();
  await page.keyboard.press('Alt+7');
  await expect(drawer.getByTestId('member-balance')).toHaveText(money('Har betalat 150,00 kr för mycket (ska få tillbaka)'));

  await drawer.getByTestId('refund-open').click();
  const form = page.getByTestId('refund-form');
  await expect(form).toContainText(money('Högst 150,00 kr'));
  await form.getByLabel('Belopp').fill('200');
  await form.getByRole('button', { name: 'Registrera återbetalningen' }).click();
  await expect(form.getByText('Det är mer än medlemmen har till godo.')).toBeVisible();
  await page.screenshot({ path: join('test-results', 'dues-refund.png') });
  await form.getByLabel('Belopp').fill('150');
  await form.getByRole('button', { name: 'Registrera återbetalningen' }).click();
  await expect(page.getByText(money('Återbetalningen på 150,00 kr är registrerad.'))).toBeVisible();
  await expect(drawer.getByTestId('member-balance')).toHaveText('Har inget kvar att betala');
  expect((await call('dues.account', { memberId: asa.id })).balance).toBe(0);

  // The refund moved the 150 kr off the invoice as credit: that row is one half of a move and offers no removal.
  const moveRows = drawer.getByTestId('member-payment-row').filter({ has: page.getByTestId('credit-move-hint') });
  await expect(moveRows).toHaveCount(2);
  await expect(moveRows.getByRole('button')).toHaveCount(0);
  await drawer.getByRole('button', { name: `Öppna faktura ${invoice.number}`, exact: true }).click();
  const payments = page.getByTestId('invoice-detail').getByTestId('invoice-payments');
  const creditRow = payments.getByRole('row').filter({ hasText: 'Tillgodohavande' });
  await expect(creditRow).toContainText('Flyttat vidare som tillgodohavande');
  await expect(creditRow.getByRole('button')).toHaveCount(0);
  await expect(payments.getByRole('row').filter({ hasText: 'Swish' }).getByRole('button', { name: /^Ta bort betalningen på 400,00\skr/ })).toBeVisible();
  await page.screenshot({ path: join('test-results', 'dues-refund-invoice.png') });
});
