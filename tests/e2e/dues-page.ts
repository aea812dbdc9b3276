import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The inner tabs of the dues section (data-testid `dues-tab-<id>`), the same in every language. */
export type DuesTab = 'settings' | 'fees' | 'run' | 'reminders' | 'strikeOff' | 'invoices' | 'log';

/**
 * The dues section ("Avgifter" / "Kontingent" / "Dues"), driven by the words a user sees in
 * Swedish unless told otherwise. Shared by the dues specs: extend it with the screens you add.
 */
export class DuesPage {
  constructor(readonly page: Page) {}

  /** Opens the section from the navigation; `label` is its name in the register's language. */
  async open(label: 'Avgifter' | 'Kontingent' | 'Dues' = 'Avgifter') {
    // The navigation's list of screens: the Swedish fee tab inside the section is also "Avgifter".
    const nav = this.page.getByRole('tablist', { name: /^(Vyer|Visninger|Screens)$/ });
    await nav.getByRole('tab', { name: label, exact: true }).click();
    await expect(this.page.getByTestId('dues-tab-settings')).toBeVisible();
  }

  async tab(id: DuesTab) {
    await this.page.getByTestId(`dues-tab-${id}`).click();
    await expect(this.page.getByTestId(`dues-tab-${id}`)).toHaveAttribute('aria-selected', 'true');
  }

  // --- Settings, fees, invoices and the member's dues tab (tests/e2e/dues-setup.spec.ts) ---

  settingsForm() {
    return this.page.getByTestId('dues-settings-form');
  }

  /** Types into a settings field by its label and leaves it, so the field is checked on its own. */
  async setSetting(label: string, value: string) {
    const field = this.setting(label);
    await field.fill(value);
    await field.blur();
  }

  /** A settings field by its label; its error message is part of its accessible description. */
  setting(label: string) {
    return this.settingsForm().getByLabel(label);
  }

  /** "Välj logotyp…" (or "Välj en annan logotyp…"), answering the file prompt with `path`. */
  async chooseLogo(path: string) {
    this.page.once('dialog', (d) => void d.accept(path));
    await this.settingsForm().getByRole('button', { name: /^Välj (en annan )?logotyp…$/ }).click();
  }

  /** One membership type's card on the fee tab, by the type's stored name ("Full", "Family"…). */
  feeRow(typeName: string) {
    return this.page.getByTestId(`fee-row-${typeName}`);
  }

  /** The invoice list's row of an invoice number. */
  invoiceRow(number: string) {
    return this.page.getByTestId('invoice-row').filter({ has: this.page.getByRole('button', { name: `Öppna faktura ${number}`, exact: true }) });
  }

  async openInvoice(number: string) {
    await this.page.getByRole('button', { name: `Öppna faktura ${number}`, exact: true }).click();
    const detail = this.page.getByTestId('invoice-detail');
    await expect(detail).toBeVisible();
    return detail;
  }

  /** Fills in the open invoice's payment form and records it. */
  async recordPayment(o: { amount?: string; method?: string; paidOn?: string }) {
    const form = this.page.getByTestId('payment-form');
    if (o.paidOn) await form.getByLabel('Betaldag').fill(o.paidOn);
    if (o.amount !== undefined) await form.getByLabel('Belopp').fill(o.amount);
    if (o.method) {
      await form.getByRole('combobox', { name: 'Hur' }).click();
      await this.page.getByRole('option', { name: o.method, exact: true }).click();
    }
    await form.getByRole('button', { name: 'Registrera betalningen' }).click();
  }

  /** "Kreditera…" on the open invoice, confirmed. */
  async creditOpenInvoice(number: string, note?: string) {
    await this.page.getByTestId('invoice-detail').getByRole('button', { name: 'Kreditera…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Kreditera faktura ${number}?` });
    if (note) await dialog.getByLabel('Anteckning (frivilligt)').fill(note);
    await dialog.getByRole('button', { name: 'Kreditera fakturan' }).click();
    await expect(dialog).toBeHidden();
  }
}
