import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The survey section ("Enkät"), driven in Swedish, the way a secretary works through it. */
export class SurveysPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Enkät', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Fråga medlemmarna' })).toBeVisible();
  }

  /** The survey's own tabs (Frågor, Telefon, Importera svar …). */
  async tab(name: string) {
    await this.page.getByRole('tablist', { name: 'Enkätens flikar' }).getByRole('tab', { name, exact: true }).click();
  }

  async fromTemplate() {
    await this.page.getByRole('button', { name: 'Ny enkät från mallen' }).click();
    await expect(this.page.getByTestId('survey-builder')).toBeVisible();
  }

  async save() {
    await this.page.getByTestId('save-survey').click();
  }

  /** A question of the phone script or the entry form, by its text. */
  question(text: string): Locator {
    return this.page.getByTestId('answer-form').locator('[data-question]').filter({ hasText: text });
  }

  /** The preview's file dialogs are prompts: answer the next one with this path. */
  answerNextDialog(path: string) {
    this.page.once('dialog', (d) => void d.accept(path));
  }

  callCard(): Locator {
    return this.page.getByTestId('call-card');
  }

  callRow(name: string): Locator {
    return this.page.getByTestId('call-row').filter({ hasText: name });
  }

  /** The results' chart row of an option: its count. */
  chartCount(question: string, option: string): Locator {
    return this.page.getByTestId('question-result').filter({ hasText: question }).getByTestId('chart').getByRole('row').filter({ hasText: option }).getByTestId('count');
  }
}
