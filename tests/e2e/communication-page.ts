import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Page model of the Send-outs screen ("Utskick"), in Swedish. */
export class CommunicationPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Utskick', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Utskick', exact: true })).toBeVisible();
  }

  async newSendOut() {
    await this.page.getByTestId('new-send-out').click();
    await expect(this.page.getByTestId('send-out-title')).toHaveText('Nytt utskick');
  }

  async fillDetails(o: { subject: string; status?: string; group?: string; limit?: number }) {
    const p = this.page;
    await p.getByLabel('Ämne').fill(o.subject);
    if (o.status) {
      await p.getByRole('combobox', { name: 'Status' }).click();
      await p.getByRole('option', { name: o.status, exact: true }).click();
    }
    if (o.group) {
      await p.getByTestId('audience-kind').click();
      await p.getByRole('option', { name: 'En grupp (t.ex. styrelsen)' }).click();
      await expect(p.getByTestId('audience-group')).toHaveValue(o.group);
    }
    if (o.limit !== undefined) await p.getByLabel('Högst antal utskick på 30 dagar').fill(String(o.limit));
  }

  /** The details' "Viktigt utskick" checkbox. */
  important() {
    return this.page.getByRole('checkbox', { name: 'Viktigt utskick' });
  }

  /** The plan as a list instead of the month calendar. */
  async planAsList() {
    await this.page.getByRole('radiogroup', { name: 'Visa planen som' }).getByText('Lista', { exact: true }).click();
    await expect(this.page.getByTestId('plan-list')).toBeVisible();
  }

  smsText() {
    return this.page.getByTestId('sms-text');
  }

  encoding() {
    return this.page.getByTestId('sms-encoding');
  }

  async save() {
    await this.page.getByTestId('save-send-out').click();
    await expect(this.page.getByTestId('send-out-status')).toBeVisible();
  }

  status() {
    return this.page.getByTestId('send-out-status');
  }

  leftOutRows() {
    return this.page.getByTestId('left-out-row');
  }

  /** Clicks the file's "Spara…", answers the save prompt with `path`, waits for the result. */
  async exportFile(kind: 'smsCsv' | 'smsNumbers' | 'letters', path: string) {
    this.page.once('dialog', (d) => void d.accept(path));
    await this.page.getByTestId(`export-${kind}`).click();
    await expect(this.page.getByTestId('export-done')).toBeVisible();
  }

  async markSent() {
    await this.page.getByTestId('mark-sent').click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Markera som skickat' }).click();
    await expect(this.status()).toHaveText('Skickad');
  }

  async backToPlan() {
    await this.page.getByTestId('back-to-plan').click();
    await expect(this.page.getByTestId('plan-calendar')).toBeVisible();
  }
}
