import type { TFunction } from 'i18next';
import type { Allocation, BankFileFormat, BankTransactionRow } from '../../shared/contract';

/** camt files are made of entries (Ntry), each possibly several payments; the other formats of rows or records. */
export const isCamt = (format: BankFileFormat) => format === 'camt053' || format === 'camt054';

/** "Cecilia Ek" */
export const personName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();

/** Where a payment went, in words: "invoice 1023 · Cecilia Ek", "credit · Bo Berg". */
export function allocationText(t: TFunction, a: Allocation, money: (minor: number) => string): string {
  const what = a.invoiceNumber ? t('payments.onInvoice', { number: a.invoiceNumber, name: personName(a.member) }) : t('payments.asCredit', { name: personName(a.member) });
  return `${what} (${money(a.amount)})`;
}

/** What happens to a row, in words, for the preview table and the review cards. */
export function outcomeText(t: TFunction, r: BankTransactionRow, money: (minor: number) => string): string {
  if (r.blocked) return t(`payments.blocked.${r.blocked}`, { currency: r.currency });
  if (r.status === 'duplicate') return `${t('payments.outcome.duplicate')} (${t(`payments.duplicateReason.${r.duplicateReason ?? 'imported'}`)})`;
  if (r.allocations.length) return `${t(`payments.outcome.${r.status}`)}: ${r.allocations.map((a) => allocationText(t, a, money)).join(', ')}`;
  return t(`payments.outcome.${r.status}`);
}
