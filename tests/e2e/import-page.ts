import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The import wizard, in the words a Swedish user sees. */
export class ImportPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Import', exact: true }).click();
  }

  /** The preview's file dialog is a prompt: answered with `path`. */
  async pickFile(path: string) {
    this.page.once('dialog', (d) => void d.accept(path));
    await this.page.getByRole('button', { name: 'Välj fil…' }).click();
    await expect(this.page.getByTestId('import-file-line')).toBeVisible();
  }

  async next() {
    await this.page.getByRole('button', { name: 'Nästa' }).click();
  }

  summary() {
    return this.page.getByTestId('import-summary');
  }

  row(n: number) {
    return this.page.getByTestId(`import-row-${n}`);
  }

  /** Corrects a flagged cell in the check step (Enter commits, and the rows are checked again). */
  async fixCell(row: number, column: string, value: string) {
    const input = this.page.getByLabel(`Rad ${row}, ${column}`);
    await input.fill(value);
    await input.press('Enter');
  }
}
