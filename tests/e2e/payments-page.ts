import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The payments section ("Betalningar" / "Innbetalinger" / "Payments"), in Swedish unless told otherwise. */
export class PaymentsPage {
  constructor(readonly page: Page) {}

  async open(label: 'Betalningar' | 'Innbetalinger' | 'Payments' = 'Betalningar') {
    const nav = this.page.getByRole('tablist', { name: /^(Vyer|Visninger|Screens)$/ });
    await nav.getByRole('tab', { name: label }).click();
    await expect(this.page.getByTestId('payments-tab-import')).toBeVisible();
  }

  async tab(id: 'import' | 'review' | 'imports') {
    await this.page.getByTestId(`payments-tab-${id}`).click();
    await expect(this.page.getByTestId(`payments-tab-${id}`)).toHaveAttribute('aria-selected', 'true');
  }

  /** "Välj bankfil…": the preview's file dialog is a prompt, answered with the path. */
  async pick(path: string) {
    this.page.once('dialog', (d) => void d.accept(path));
    await this.page.getByRole('button', { name: /^(Välj bankfil…|Välj en annan fil)$/ }).click();
  }

  preview(): Locator {
    return this.page.getByTestId('payments-preview');
  }

  async importFile() {
    await this.page.getByTestId('payments-import').click();
    await expect(this.page.getByTestId('payments-imported')).toBeVisible();
  }

  reviewItems(): Locator {
    return this.page.getByTestId('payments-review-item');
  }

  importRows(): Locator {
    return this.page.getByTestId('payments-import-row');
  }

  /** "Ångra inläsningen…" on the newest import, then the confirmation. */
  async undoNewest() {
    const row = this.importRows().first();
    await row.getByRole('button', { name: 'Ångra inläsningen…' }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toContainText('Alla');
    // A click while the modal is still animating in can be lost: click again while it stays open.
    await expect(async () => {
      if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Ångra inläsningen' }).click({ timeout: 2_000 });
      await expect(this.page.getByTestId('payments-undone')).toBeVisible({ timeout: 2_000 });
    }).toPass();
  }
}
