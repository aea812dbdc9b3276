import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Page model of the groups-and-roles and the types-and-fields screens, in Swedish. */
export class GroupsSetupPage {
  constructor(readonly page: Page) {}

  async openGroups() {
    await this.page.getByRole('tab', { name: 'Grupper och roller' }).click();
  }

  async openSetup() {
    await this.page.getByRole('tab', { name: 'Medlemstyper och fält' }).click();
  }

  async createGroup(name: string) {
    await this.page.getByRole('button', { name: 'Ny grupp' }).click();
    const form = this.page.getByTestId('group-form');
    await form.getByLabel('Namn').fill(name);
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect(form).toBeHidden();
    await expect(this.page.getByTestId('group-title')).toHaveText(name);
  }

  roleForm() {
    return this.page.getByTestId('role-form');
  }

  /** Fills the "give a member a role" form; submitting is left to the caller. */
  async fillRole(o: { search: string; member: RegExp | string; role: string; from: string; to?: string }) {
    await this.page.getByRole('button', { name: 'Ge en medlem en roll' }).click();
    const form = this.roleForm();
    await form.getByTestId('member-picker').fill(o.search);
    await this.page.getByRole('option', { name: o.member }).click();
    await form.getByLabel('Roll', { exact: true }).click();
    await this.page.getByRole('option', { name: o.role, exact: true }).click();
    await form.getByLabel('Från').fill(o.from);
    await form.getByLabel('Till').fill(o.to ?? '');
  }

  async submitRole() {
    await this.roleForm().getByRole('button', { name: 'Lägg till' }).click();
  }

  async holdersAt(date: string) {
    await this.page.getByTestId('holders-at').fill(date);
  }

  holderRows() {
    return this.page.getByTestId('holder-row');
  }
}
