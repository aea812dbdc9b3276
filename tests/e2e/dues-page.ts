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
}
