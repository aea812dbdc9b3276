import type { Locator, Page } from '@playwright/test';
import type { KansliApp } from './app';
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

  // --- Invoice run, reminders, strike-off, letters (tests/e2e/dues-year.spec.ts) ---

  /** The invoice run tab: year and invoice date, then "Visa förhandsvisning". */
  async previewRun(o: { year: number; invoiceDate: string }) {
    await this.tab('run');
    const p = this.page;
    await p.getByRole('textbox', { name: 'Avgiftsår' }).fill(String(o.year));
    await p.getByLabel('Fakturadatum').fill(o.invoiceDate);
    await p.getByRole('button', { name: /^(Visa förhandsvisning|Uppdatera förhandsvisningen)$/ }).click();
    await expect(p.getByTestId('run-preview')).toBeVisible();
  }

  /** The left-out group of one reason (opened), e.g. "Betalar med autogiro". */
  async excludedGroup(reasonLabel: string) {
    const group = this.page.getByTestId('run-excluded').getByRole('button', { name: new RegExp(reasonLabel) });
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    return group;
  }

  /** "Skapa fakturorna…", then the confirmation; returns the confirmation's text. */
  async createInvoices(count: number): Promise<string> {
    const p = this.page;
    await p.getByRole('button', { name: 'Skapa fakturorna…' }).click();
    const dialog = p.getByRole('dialog', { name: 'Skapa fakturorna?' });
    const text = await dialog.innerText();
    await dialog.getByRole('button', { name: `Skapa ${count} ${count === 1 ? 'faktura' : 'fakturor'}` }).click();
    await expect(p.getByTestId('run-created')).toBeVisible();
    return text;
  }

  /**
   * Opens the letters dialog with `opener` ("Gör breven…" somewhere), chooses how and in which
   * order, answers the file or folder prompt with `path`, and waits for the finished card.
   */
  async makeLetters(opener: Locator, o: { mode: 'combined' | 'separate'; sort?: 'Efter postnummer' | 'Efter namn'; path: string }) {
    const p = this.page;
    await opener.click();
    const dialog = p.getByTestId('letters-dialog');
    await expect(dialog.getByTestId('letters-preview')).toBeVisible();
    await dialog.getByRole('radio', { name: o.mode === 'combined' ? 'En PDF för utskrift' : 'En PDF per medlem, för e-post' }).check();
    if (o.sort) {
      await dialog.getByRole('combobox', { name: 'Ordning' }).click();
      await p.getByRole('option', { name: o.sort }).click();
    }
    const before = await p.getByTestId('letters-done').count();
    p.once('dialog', (d) => void d.accept(o.path));
    await dialog.getByRole('button', { name: 'Välj var, och gör breven' }).click();
    await expect(dialog).toBeHidden();
    // The newest job's card comes first; earlier results stay on the screen below it.
    await expect(p.getByTestId('letters-done')).toHaveCount(before + 1, { timeout: 30_000 });
    return p.getByTestId('letters-done').first();
  }

  /** One reminder round's card on the reminders tab ("Påminnelse 1"). */
  round(n: number) {
    return this.page.locator(`[data-testid="reminder-round"][data-round="${n}"]`);
  }

  async previewRound(n: number) {
    await this.round(n).getByRole('button', { name: 'Vilka som fortfarande är skyldiga' }).click();
    await expect(this.round(n).getByTestId('round-preview')).toBeVisible();
    return this.round(n).getByTestId('round-preview');
  }

  async runRound(n: number, count: number) {
    await this.round(n).getByRole('button', { name: `Kör påminnelse ${n}…` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Kör påminnelse ${n}?` });
    await dialog.getByRole('button', { name: `Påminn om ${count} ${count === 1 ? 'faktura' : 'fakturor'}` }).click();
    await expect(dialog).toBeHidden();
    await expect(this.round(n).getByTestId('round-status')).toContainText('Körd');
  }

  /** Strike-off tab: the board's decision for the members chosen, confirmed. */
  async strikeOff(o: { on: string; count: number }) {
    const p = this.page;
    await p.getByLabel('Utskriven den').fill(o.on);
    await p.getByRole('button', { name: `Avför ${o.count} ${o.count === 1 ? 'medlem' : 'medlemmar'}…` }).click();
    const dialog = p.getByRole('dialog', { name: 'Avföra?' });
    await dialog.getByRole('button', { name: `Avför ${o.count} ${o.count === 1 ? 'medlem' : 'medlemmar'}` }).click();
    await expect(dialog).toBeHidden();
  }

  async undoStrikeOff(entry: Locator) {
    await entry.getByRole('button', { name: 'Ångra…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Ångra avförandet?' });
    await dialog.getByRole('button', { name: 'Ångra', exact: true }).click();
    await expect(dialog).toBeHidden();
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

  /** "Skriv av…" on the open invoice, confirmed. */
  async writeOffOpenInvoice(number: string) {
    await this.page.getByTestId('invoice-detail').getByRole('button', { name: 'Skriv av…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Skriva av faktura ${number}?` });
    await dialog.getByRole('button', { name: 'Skriv av', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  // --- The member's dues tab (tests/e2e/dues-refund.spec.ts, dues-member-payment.spec.ts) ---

  /** Opens the member found by `name` and the drawer's dues tab (Alt+7); returns the drawer. */
  async openMemberDues(app: KansliApp, name: string) {
    await app.openFound(name);
    const drawer = this.page.getByRole('dialog');
    await drawer.getByTestId('member-title').click();
    await this.page.keyboard.press('Alt+7');
    await expect(drawer.getByTestId('member-dues')).toBeVisible();
    return drawer;
  }

  /** "Registrera betalning" on the dues tab; returns the form in its dialog. */
  async openMemberPayment() {
    await this.page.getByTestId('member-payment-open').click();
    const form = this.page.getByTestId('member-payment-form');
    await expect(form).toBeVisible();
    return form;
  }

  /** Fills in the member payment form; `purpose` is the radio's label ("Avgiften för ett år", "Till godo…", "Faktura 1 …"). */
  async fillMemberPayment(o: { amount?: string; paidOn?: string; method?: string; purpose?: string | RegExp; year?: number }) {
    const form = this.page.getByTestId('member-payment-form');
    if (o.paidOn) await form.getByLabel('Betaldag').fill(o.paidOn);
    if (o.amount !== undefined) await form.getByLabel('Belopp').fill(o.amount);
    if (o.method) {
      await form.getByRole('combobox', { name: 'Hur' }).click();
      await this.page.getByRole('option', { name: o.method, exact: true }).click();
    }
    if (o.purpose) await form.getByRole('radio', { name: o.purpose }).check();
    if (o.year) {
      await form.getByRole('combobox', { name: 'Avgiftsår' }).click();
      await this.page.getByRole('option', { name: String(o.year), exact: true }).click();
    }
  }

  /** The dues tab's payment rows. */
  memberPayments() {
    return this.page.getByTestId('member-payment-row');
  }
}
