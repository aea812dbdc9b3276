import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InvoiceRow } from '../../../shared/contract/dues';
import { ADDRESS, duesTest, SE_PAYMENT, type DuesTest } from '../../dues/test-fixtures';

/** Test support: a register with dues settings, a fee, members and one invoice run made by the app. */
export interface PaymentsTest extends DuesTest {
  invoices: InvoiceRow[];
  members: number[];
  /** Writes bytes to a file in the test's folder and returns its absolute path. */
  put(name: string, bytes: Uint8Array | string): Promise<string>;
}

export const SE_BANKGIRO = '54029681';
export const NO_ACCOUNT = '12345678903';
export const NO_IBAN = 'NO7112345678903';

const PEOPLE = [
  ['Åsa', 'Ödegård'], ['Bo', 'Berg'], ['Cecilia', 'Ek'], ['Dan', 'Fors'], ['Erik', 'Gran'],
  ['Frida', 'Holm'], ['Gustav', 'Ivarsson'], ['Hanna', 'Jonsson'],
] as const;

export async function paymentsTest(country: 'SE' | 'NO' = 'SE', people: number = PEOPLE.length): Promise<PaymentsTest> {
  const d = await duesTest(country, '2026-03-15');
  if (country === 'SE') await d.call('dues.saveSettings', { ...SE_PAYMENT, associationName: 'Föreningen Ödegård' });
  else await d.call('dues.saveSettings', { associationName: 'Laget', referenceKind: 'kid', kidMode: 'MOD10', bankAccount: NO_ACCOUNT, iban: NO_IBAN });
  await d.call('dues.saveFees', { year: 2026, fees: [{ membershipTypeId: 1, amount: 25000, dueOn: '2026-03-31' }] });
  const members: number[] = [];
  for (let i = 0; i < people; i++) {
    const [firstName, lastName] = PEOPLE[i % PEOPLE.length];
    members.push(await d.member({ firstName, lastName: i < PEOPLE.length ? lastName : `${lastName}${i}`, ...ADDRESS[country] }));
  }
  await d.call('dues.run', { year: 2026, invoiceDate: '2026-02-01' });
  const { rows } = await d.call('dues.invoices', { year: 2026, limit: 10_000 });
  // By member, in the order they were created.
  const invoices = members.map((id) => rows.find((r) => r.member.memberId === id)!);
  const put = async (name: string, bytes: Uint8Array | string) => {
    const path = join(d.t.dir, name);
    await writeFile(path, bytes);
    return path;
  };
  return { ...d, invoices, members, put };
}
