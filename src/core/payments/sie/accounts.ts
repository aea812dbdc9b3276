import type { RegisterCountry } from '../../../shared/contract';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../shared/contract/dues';
import { BOOK_ACCOUNT_KEYS, bookkeepingSettingsInputSchema, type BookAccount, type BookAccountKey, type BookkeepingSettingsEntity, type BookkeepingSettingsInput } from '../../../shared/contract/reports';
import { validationError, type FieldIssue } from '../../../shared/result';
import { isoTime, type RegisterContext } from '../../register/context';
import { readSection, writeSection } from '../treasury-settings';

/**
 * Default accounts, chosen from the charts a small association's bookkeeping program starts
 * with (the treasurer changes them in the settings to match their own chart):
 *
 * Sweden (BAS):
 * - 1510 Kundfordringar: what members owe on invoices
 * - 3890 Medlemsavgifter: BAS has no account of its own for membership dues; 3890 ("övriga
 *   ersättningar och intäkter") is what associations commonly use, outside the VAT-liable
 *   sales accounts 30xx–37xx (membership dues are not VAT-liable)
 * - reminder fees: the same 3890 (kept apart only if the treasurer picks another account)
 * - 6351 Konstaterade förluster på kundfordringar: dues written off
 * - 2420 Förskott från kunder: money paid on a member with no invoice (credit on account)
 * - payments: 1930 Företagskonto (bankgiro, Swish, bank transfer, Autogiro all land in the
 *   bank account), 1920 Plusgiro, 1910 Kassa (cash)
 *
 * Norway (NS 4102): 1500 Kundefordringer, 3900 Medlemskontingent (annen driftsrelatert
 * inntekt), 7830 Tap på fordringer, 2900 Forskudd fra kunder, 1920 Bankinnskudd, 1900 Kontanter.
 */
const SE = {
  accounts: {
    receivable: ['1510', 'Kundfordringar'],
    income: ['3890', 'Medlemsavgifter'],
    reminderFees: ['3890', 'Medlemsavgifter'],
    writeOff: ['6351', 'Konstaterade förluster på kundfordringar'],
    prepaid: ['2420', 'Förskott från kunder'],
  },
  bank: ['1930', 'Företagskonto'],
  plusgiro: ['1920', 'Plusgiro'],
  cash: ['1910', 'Kassa'],
} as const;

const NO = {
  accounts: {
    receivable: ['1500', 'Kundefordringer'],
    income: ['3900', 'Medlemskontingent'],
    reminderFees: ['3900', 'Medlemskontingent'],
    writeOff: ['7830', 'Tap på fordringer'],
    prepaid: ['2900', 'Forskudd fra kunder'],
  },
  bank: ['1920', 'Bankinnskudd'],
  plusgiro: ['1920', 'Bankinnskudd'],
  cash: ['1900', 'Kontanter'],
} as const;

const acc = ([number, name]: readonly [string, string]): BookAccount => ({ number, name });

export function defaultBookkeeping(country: RegisterCountry): BookkeepingSettingsEntity {
  const d = country === 'NO' ? NO : SE;
  const methodAccount = (m: PaymentMethod) => acc(m === 'cash' ? d.cash : m === 'plusgiro' ? d.plusgiro : d.bank);
  return {
    accounts: Object.fromEntries(BOOK_ACCOUNT_KEYS.map((k) => [k, acc(d.accounts[k])])) as Record<BookAccountKey, BookAccount>,
    methodAccounts: Object.fromEntries(PAYMENT_METHODS.map((m) => [m, methodAccount(m)])) as Record<PaymentMethod, BookAccount>,
    series: 'M',
    grouping: 'each',
  };
}

export function readBookkeeping(ctx: RegisterContext): BookkeepingSettingsEntity {
  const defaults = defaultBookkeeping(ctx.country);
  const stored = readSection(ctx.db, 'bookkeeping') as Partial<BookkeepingSettingsEntity>;
  const merged = {
    ...defaults,
    ...stored,
    accounts: { ...defaults.accounts, ...stored.accounts },
    methodAccounts: { ...defaults.methodAccounts, ...stored.methodAccounts },
  };
  const parsed = bookkeepingSettingsInputSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaults;
}

/** Four-digit accounts (BAS and NS 4102 both number them so), each with a name; a series of letters or digits. */
export function saveBookkeeping(ctx: RegisterContext, input: BookkeepingSettingsInput): BookkeepingSettingsEntity {
  const s = bookkeepingSettingsInputSchema.parse(input);
  const issues: FieldIssue[] = [];
  const check = (field: string, a: BookAccount) => {
    if (!/^\d{4}$/.test(a.number)) issues.push({ field: `${field}.number`, code: 'account-format' });
    if (!a.name) issues.push({ field: `${field}.name`, code: 'required' });
  };
  for (const k of BOOK_ACCOUNT_KEYS) check(`accounts.${k}`, s.accounts[k]);
  for (const m of PAYMENT_METHODS) check(`methodAccounts.${m}`, s.methodAccounts[m]);
  if (!/^[A-Za-z0-9]{1,4}$/.test(s.series)) issues.push({ field: 'series', code: 'series-format' });
  if (issues.length) throw validationError(issues);
  writeSection(ctx.db, 'bookkeeping', s, isoTime(ctx.now()));
  return readBookkeeping(ctx);
}
