import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export type TreasuryTab = 'autogiro' | 'avtalegiro' | 'reports' | 'sie';

/** The treasurer's section ("Bokföring"), in the Swedish words a user sees. */
export class TreasuryPage {
  constructor(readonly page: Page) {}

  async open() {
    const nav = this.page.getByRole('tablist', { name: /^(Vyer|Visninger|Screens)$/ });
    await nav.getByRole('tab', { name: 'Bokföring', exact: true }).click();
    await expect(this.page.getByTestId('treasury-tab-autogiro')).toBeVisible();
  }

  async tab(id: TreasuryTab) {
    await this.page.getByTestId(`treasury-tab-${id}`).click();
    await expect(this.page.getByTestId(`treasury-tab-${id}`)).toHaveAttribute('aria-selected', 'true');
  }

  /** The next file prompt (the preview's stand-in for the save and open dialogs) gets `path`. */
  answer(path: string) {
    this.page.once('dialog', (d) => void d.accept(path));
  }

  async saveCustomerNumber(n: string) {
    const form = this.page.getByRole('form', { name: 'Uppgifter från banken' });
    await form.getByLabel('Bankgirots kundnummer för Autogiro').fill(n);
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect(this.page.getByText('Sparat.')).toBeVisible();
  }

  /** "Begär medgivande": the member found by typing, the paper mandate's details. */
  async requestMandate(o: { search: string; option: string; clearing: string; account: string; idNumber: string }) {
    const p = this.page;
    await p.getByRole('button', { name: 'Begär medgivande', exact: true }).first().click();
    const dialog = p.getByRole('dialog', { name: 'Begär autogiromedgivande' });
    await dialog.getByTestId('member-picker').fill(o.search);
    await p.getByRole('option', { name: o.option }).click();
    await dialog.getByLabel('Clearingnummer').fill(o.clearing);
    await dialog.getByLabel('Kontonummer').fill(o.account);
    await dialog.getByLabel('Person- eller organisationsnummer').fill(o.idNumber);
    await dialog.getByRole('button', { name: 'Lägg till i nästa fil' }).click();
    await expect(dialog).toBeHidden();
  }

  mandateRow(memberNumber: number) {
    return this.page.getByTestId('mandates').locator(`tr[data-member="${memberNumber}"]`);
  }
}
