import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Page model of the Kansli window, in the words a user sees (Swedish unless told otherwise). */
export class KansliApp {
  constructor(readonly page: Page) {}

  /** The preview's file dialogs are prompts: answer the next one with this path. */
  answerNextDialog(path: string) {
    this.page.once('dialog', (d) => void d.accept(path));
  }

  async chooseLanguage(label: 'Svenska' | 'Norsk bokmål' | 'English') {
    await this.page.getByText(label, { exact: true }).first().click();
  }

  async createRegister(o: { name: string; country?: 'Sverige' | 'Norge'; path: string; passphrase: string }) {
    const p = this.page;
    await p.getByRole('button', { name: 'Skapa ett nytt register' }).click();
    await p.getByLabel('Föreningens namn').fill(o.name);
    if (o.country) {
      await p.getByLabel('Land', { exact: true }).click();
      await p.getByRole('option', { name: o.country }).click();
    }
    await p.getByTestId('passphrase').fill(o.passphrase);
    await p.getByTestId('passphrase-repeat').fill(o.passphrase);
    this.answerNextDialog(o.path);
    await p.getByRole('button', { name: 'Välj var det ska sparas…' }).click();
    await expect(p.getByTestId('chosen-path')).toHaveText(o.path);
    await p.getByRole('button', { name: 'Skapa registret' }).click();
    await expect(p.getByTestId('recovery-key')).toBeVisible();
    return (await p.getByTestId('recovery-key').innerText()).trim();
  }

  async finishRecoveryStep() {
    await this.page.getByLabel('Jag har skrivit ut eller förvarat återställningsnyckeln säkert').check();
    await this.page.getByRole('button', { name: 'Fortsätt till registret' }).click();
    await expect(this.page.getByTestId('association-name')).toBeVisible();
  }

  form() {
    return this.page.getByTestId('member-form');
  }

  async openNewMember() {
    await this.page.getByRole('button', { name: 'Ny medlem' }).click();
    await expect(this.form()).toBeVisible();
  }

  async fillMember(fields: Partial<Record<'firstName' | 'lastName' | 'identityNumber' | 'street' | 'postcode' | 'city' | 'email' | 'mobile', string>> & { country?: string }) {
    const f = this.form();
    for (const [name, value] of Object.entries(fields)) {
      if (name === 'country') {
        await f.getByLabel('Land', { exact: true }).click();
        await this.page.getByRole('option', { name: value }).click();
      } else {
        await f.locator(`input[name="${name}"]`).fill(value!);
      }
    }
  }

  async saveMember() {
    await this.form().getByRole('button', { name: 'Spara' }).click();
  }

  async addMember(fields: Parameters<KansliApp['fillMember']>[0]) {
    await this.openNewMember();
    await this.fillMember(fields);
    await this.saveMember();
    await expect(this.form()).toBeHidden();
  }

  async search(text: string) {
    await this.page.getByTestId('member-search').fill(text);
  }

  rows() {
    return this.page.getByTestId('member-row');
  }

  /**
   * Searches and opens the member whose row shows `text` — the row with that text, not the first
   * row: right after typing, the list may not have narrowed yet.
   */
  async openFound(text: string) {
    await this.search(text);
    await this.rows().filter({ hasText: text }).first().click();
  }

  async lock() {
    await this.page.getByRole('button', { name: 'Lås' }).click();
    await expect(this.page.getByTestId('unlock-passphrase')).toBeVisible();
  }

  async unlock(passphrase: string) {
    await this.page.getByTestId('unlock-passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Öppna', exact: true }).click();
  }

  /** The translated error shown for a failed call (not the notifications). */
  errorAlert() {
    return this.page.locator('[data-error-code]');
  }

  async waitSaved() {
    await expect(this.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  }
}
