import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The Export screen, driven in Swedish. */
export class ExportsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Export', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Exportera och skriv ut' })).toBeVisible();
  }

  async choose(kind: string) {
    await this.page.getByRole('radio', { name: kind }).check();
  }

  async who(segmentName: string) {
    await this.page.getByRole('combobox', { name: 'Vilka' }).click();
    await this.page.getByRole('option', { name: segmentName }).click();
  }

  /**
   * Clicks "Exportera…", answers the save dialog (the preview's prompt) with `path`, waits for
   * the result; returns the default name the dialog offered.
   */
  async exportTo(path: string): Promise<string> {
    const offered = new Promise<string>((resolve) => {
      this.page.once('dialog', (d) => {
        resolve(d.defaultValue());
        void d.accept(path);
      });
    });
    await this.page.getByRole('button', { name: 'Exportera…' }).click();
    const name = await offered;
    await expect(this.page.getByTestId('export-done')).toBeVisible();
    return name;
  }
}
