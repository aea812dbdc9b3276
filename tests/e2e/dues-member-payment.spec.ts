import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { KansliApp } from './app';
import { DuesPage } from './dues-page';
import { contractCaller, expect, SHOTS, test } from './fixtures';

const YEAR = new Date().getFullYear();
const TODAY = new Date().toISOString().slice(0, 10);
/** Intl writes money with no-break spaces ("1 250,50 kr"): any space matches. */
const money = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));

async function register(server: { core: { api: Parameters<typeof contractCaller>[0] } }, path: string) {
  const call = contractCaller(server.core.api);
  await call('register.create', { path, associationName: 'Föreningen Ödegård', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  await call('dues.saveSettings', { associationName: 'Föreningen Ödegård', bankgiro: '5402-9681', referenceKind: 'ocr', ocrLevel: 'variable' });
  // Next year's schedule is made already: the form lists both years.
  for (const year of [YEAR, YEAR + 1]) await call('dues.saveFees', { year, fees: [{ membershipTypeId: 1, amount: 25000, dueOn: `${year}-12-31` }] });
  return call;
}

async function shot(page: Page, name: string) {
  await page.getByTestId('member-payment-form').screenshot({ path: join(SHOTS, `${name}.png`) });
}

test('cash paid at a meeting by a member without an invoice: registered for the year in the drawer, shown on the account, money on account removed again', async ({ page, server, tmpDir }) => {
  const call = await register(server, join(tmpDir, 'Kontant.kansli'));
  const asa = await call('members.create', { country: 'SE', firstName: 'Åsa', lastName: 'Kontant', membershipTypeId: 1, joinedOn: '2020-01-01', street: 'Storgatan 1', postcode: '90325', city: 'Umeå' });
  await page.reload();

  const dues = new DuesPage(page);
  const drawer = await dues.openMemberDues(new KansliApp(page), 'Åsa');
  await expect(drawer.getByText('Inga betalningar registrerade.')).toBeVisible();

  const form = await dues.openMemberPayment();
  await expect(page.getByTestId('member-payment-owed')).toHaveCount(0);
  await expect(form.getByRole('radio', { name: /Avgiften för ett år/ })).toBeChecked();
  await expect(form.getByRole('combobox', { name: 'Avgiftsår' })).toHaveValue(String(YEAR));
  await form.getByRole('combobox', { name: 'Avgiftsår' }).click();
  await expect(page.getByRole('option')).toHaveText([String(YEAR + 1), String(YEAR)]);
  await page.keyboard.press('Escape');
  await shot(page, 'dues-member-payment-form');

  // Refusals stand at their fields: the form's own amount check, then the core's date check.
  await dues.fillMemberPayment({ amount: 'tvåhundra' });
  await form.getByRole('button', { name: 'Registrera betalningen' }).click();
  await expect(form.getByText('Skriv ett belopp, t.ex. 250 eller 250,50.')).toBeVisible();
  await dues.fillMemberPayment({ amount: '250', paidOn: `${YEAR + 1}-12-31`, method: 'Kontant' });
  await form.getByRole('button', { name: 'Registrera betalningen' }).click();
  await expect(form.getByText('Datumet ligger i framtiden.')).toBeVisible();
  await expect(form.getByLabel('Betaldag')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'dues-member-payment-errors');

  await dues.fillMemberPayment({ paidOn: TODAY });
  await form.getByLabel('Referens (frivilligt)').fill('Årsmötet');
  await form.getByRole('button', { name: 'Registrera betalningen' }).click();
  await expect(page.getByText(money('Betalningen på 250,00 kr är registrerad.'))).toBeVisible();
  await expect(form).toBeHidden();
  await expect(dues.memberPayments()).toHaveCount(1);
  await expect(dues.memberPayments().first()).toContainText(`Avgift ${YEAR}`);
  await expect(dues.memberPayments().first()).toContainText('Kontant');
  await expect(dues.memberPayments().first()).toContainText(money('250,00 kr'));
  await expect(drawer.getByTestId('member-balance')).toHaveText('Har inget kvar att betala');
  const [payment] = (await call('dues.account', { memberId: asa.id })).payments;
  expect(payment).toMatchObject({ invoiceId: null, year: YEAR, amount: 25000, method: 'cash', reference: 'Årsmötet', paidOn: TODAY });
  // The year counts as paid: the invoice run leaves her out.
  expect((await call('dues.preview', { year: YEAR, invoiceDate: TODAY })).excluded.find((e) => e.memberId === asa.id)?.reason).toBe('already-paid');

  // Money kept on account, typed the Swedish way, is the member's credit…
  await dues.openMemberPayment();
  await dues.fillMemberPayment({ amount: '1 250,50', method: 'Swish', purpose: /Till godo/ });
  await form.getByRole('button', { name: 'Registrera betalningen' }).click();
  await expect(page.getByText(money('Betalningen på 1 250,50 kr är registrerad.'))).toBeVisible();
  await expect(drawer.getByTestId('member-balance')).toHaveText(money('Har betalat 1 250,50 kr för mycket (ska få tillbaka)'));
  const onAccount = dues.memberPayments().filter({ hasText: 'Till godo' });
  await expect(onAccount).toContainText('Swish');
  await drawer.getByTestId('member-payments').screenshot({ path: join(SHOTS, 'dues-member-payment-list.png') });

  // …and removed again after a confirmation, as one recorded by mistake.
  await onAccount.getByRole('button', { name: money('Ta bort betalningen på 1 250,50 kr') }).click();
  const confirm = page.getByRole('dialog', { name: 'Ta bort' });
  await expect(confirm).toContainText(money('Ta bort betalningen på 1 250,50 kr?'));
  await confirm.getByRole('button', { name: 'Ta bort', exact: true }).click();
  await expect(page.getByText('Betalningen är borttagen.')).toBeVisible();
  await expect(dues.memberPayments()).toHaveCount(1);
  await expect(drawer.getByTestId('member-balance')).toHaveText('Har inget kvar att betala');
  expect((await call('dues.account', { memberId: asa.id })).payments.map((p) => p.id)).toEqual([payment.id]);
});

test('a member with an unpaid invoice: the payment form says so and puts the money on the invoice', async ({ page, server, tmpDir }) => {
  const call = await register(server, join(tmpDir, 'Faktura.kansli'));
  const bo = await call('members.create', { country: 'SE', firstName: 'Bo', lastName: 'Fakturerad', membershipTypeId: 1, joinedOn: '2020-01-01', street: 'Storgatan 2', postcode: '90325', city: 'Umeå' });
  await call('dues.run', { year: YEAR, invoiceDate: `${YEAR}-01-02` });
  const invoice = (await call('dues.invoices', { year: YEAR })).rows[0];
  await page.reload();

  const dues = new DuesPage(page);
  const drawer = await dues.openMemberDues(new KansliApp(page), 'Bo');
  const form = await dues.openMemberPayment();
  const owed = page.getByTestId('member-payment-owed');
  await expect(owed).toContainText(money(`Medlemmen har en obetald faktura: nr ${invoice.number} för ${YEAR}, 250,00 kr kvar att betala.`));
  await expect(form.getByRole('radio', { name: money(`Faktura ${invoice.number} (${YEAR}): 250,00 kr kvar att betala`) })).not.toBeChecked();
  await shot(page, 'dues-member-payment-owed');
  await page.screenshot({ path: join(SHOTS, 'dues-member-payment-window.png') });

  await owed.getByRole('button', { name: `Registrera på faktura ${invoice.number} i stället` }).click();
  await expect(owed).toBeHidden();
  await expect(form.getByRole('radio', { name: money(`Faktura ${invoice.number} (${YEAR})`) })).toBeChecked();
  await expect(form.getByLabel('Belopp')).toHaveValue('250,00');
  await dues.fillMemberPayment({ method: 'Swish' });
  await form.getByRole('button', { name: 'Registrera betalningen' }).click();
  await expect(page.getByText(money(`Betalningen på 250,00 kr är registrerad på faktura ${invoice.number}.`))).toBeVisible();

  await expect(drawer.getByTestId('member-invoices')).toContainText('Betald');
  await expect(drawer.getByTestId('member-balance')).toHaveText('Har inget kvar att betala');
  const row = dues.memberPayments().filter({ hasText: `Faktura ${invoice.number}` });
  await expect(row).toContainText('Swish');
  // A payment on an invoice is removed on the invoice, not here.
  await expect(row.getByRole('button')).toHaveCount(0);
  expect(await call('dues.invoice', { id: invoice.id })).toMatchObject({ status: 'paid', payments: [{ memberId: bo.id, amount: 25000, method: 'swish', year: null }] });
});
