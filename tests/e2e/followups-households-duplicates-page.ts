import type { Page } from '@playwright/test';
import { join } from 'node:path';
import type { PreviewServer } from '../../src/preview/server';

/** ISO date `days` from today (UTC, as the core dates things). */
export const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Api = PreviewServer['core']['api'];

/** Seeds a register through the core: a household-to-be, a duplicate pair, contacts with follow-ups. */
export async function seedRegister(api: Api, tmpDir: string) {
  await api['register.create']({ path: join(tmpDir, 'Idrottsklubben.kansli'), associationName: 'Idrottsklubben Norrby', country: 'SE', language: 'sv', passphrase: 'blå spårvagn sju sjöar' });
  const base = { country: 'SE', consentSms: false, consentEmail: true, consentPost: true, status: 'active' as const };
  const anna = await api['members.create']({ ...base, firstName: 'Anna', lastName: 'Berg', birthDate: '1960-05-01', email: 'anna.berg@exempel.se', mobile: '070-123 45 67', street: 'Ekvägen 3', postcode: '123 45', city: 'Norrby' });
  const lars = await api['members.create']({ ...base, firstName: 'Lars', lastName: 'Lind', street: 'Storgatan 1', postcode: '222 22', city: 'Lund', mobile: '070-765 43 21' });
  const eva = await api['members.create']({ ...base, firstName: 'Eva', lastName: 'Lind', street: 'storgatan 1', postcode: '22222', city: 'Lund' });
  const anne = await api['members.create']({ ...base, firstName: 'Anne', lastName: 'Berg', birthDate: '1960-05-01', email: 'anna.berg@exempel.se', mobile: '073-555 66 77', city: 'Norrby' });
  const contact = { madeBy: 'Karin', outcome: null, notes: '', followUpOn: null };
  await api['contactLog.add']({ ...contact, memberId: lars.id, kind: 'call', on: isoDay(-3), outcome: 'call-back', notes: 'Lovade att höra av sig om styrelseuppdraget.', followUpOn: isoDay(-1) });
  await api['contactLog.add']({ ...contact, memberId: anna.id, kind: 'meeting', on: isoDay(-10), notes: 'Träffades på årsmötet.' });
  await api['contactLog.add']({ ...contact, memberId: anne.id, kind: 'email', on: isoDay(0), outcome: 'reached', notes: 'Frågade om familjeavgift.', followUpOn: isoDay(0) });
  return { anna, lars, eva, anne };
}

/** The screens of this part, in the words a Swedish user sees. */
export class RegisterToolsPage {
  constructor(readonly page: Page) {}

  async openTab(name: 'Medlemmar' | 'Uppföljningar' | 'Hushåll' | 'Dubbletter') {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  followUpRows() {
    return this.page.getByTestId('followup-row');
  }

  suggestions() {
    return this.page.getByTestId('household-suggestion');
  }

  households() {
    return this.page.getByTestId('household-card');
  }

  duplicateRows() {
    return this.page.getByTestId('duplicate-row');
  }

  mergeModal() {
    return this.page.getByTestId('merge-modal');
  }
}
