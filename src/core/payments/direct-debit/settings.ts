import { z } from 'zod';
import { directDebitSettingsInputSchema, type DirectDebitSettingsEntity, type DirectDebitSettingsInput } from '../../../shared/contract/direct-debit';
import { KID_MAX_LENGTH } from '../../../shared/nordic/kid';
import { validationError, type FieldIssue } from '../../../shared/result';
import { isoTime, type RegisterContext } from '../../register/context';
import { readDuesSettings } from '../../dues/settings';
import { readSection, writeSection } from '../treasury-settings';

export type StoredDirectDebitSettings = z.output<typeof directDebitSettingsInputSchema>;

/** The KID's length when the dues settings agree none: member (7) + invoice (7) + check digit. */
export const DEFAULT_KID_LENGTH = 15;

const DIGITS: Record<'bgcCustomerNumber' | 'netsDataSender' | 'avtaleGiroAgreementId', number> = {
  bgcCustomerNumber: 6,
  netsDataSender: 8,
  avtaleGiroAgreementId: 9,
};

export function readDirectDebitSettings(ctx: RegisterContext): StoredDirectDebitSettings {
  const parsed = directDebitSettingsInputSchema.safeParse(readSection(ctx.db, 'directDebit'));
  return parsed.success ? parsed.data : directDebitSettingsInputSchema.parse({});
}

/** What an export still needs in this country (field → code), in the order the form shows them. */
function missing(ctx: RegisterContext, s: StoredDirectDebitSettings, payee: { bankgiro: string | null; bankAccount: string | null }, kidLength: number): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (ctx.country === 'SE') {
    if (!payee.bankgiro) out.push({ field: 'bankgiro', code: 'bankgiro-required' });
    if (!s.bgcCustomerNumber) out.push({ field: 'bgcCustomerNumber', code: 'required' });
  } else {
    if (!payee.bankAccount) out.push({ field: 'bankAccount', code: 'bank-account-required' });
    if (!s.netsDataSender) out.push({ field: 'netsDataSender', code: 'required' });
    if (!s.avtaleGiroAgreementId) out.push({ field: 'avtaleGiroAgreementId', code: 'required' });
    // Member digits + at least one invoice digit + the check digit must fit the agreed KID.
    if (s.kidCustomerDigits + 2 > kidLength) out.push({ field: 'kidCustomerDigits', code: 'length-out-of-range' });
  }
  return out;
}

export function directDebitSettings(ctx: RegisterContext): DirectDebitSettingsEntity {
  const s = readDirectDebitSettings(ctx);
  const dues = readDuesSettings(ctx);
  const kidLength = Math.min(dues.kidLength ?? DEFAULT_KID_LENGTH, KID_MAX_LENGTH);
  const payee = { bankgiro: dues.bankgiro, bankAccount: dues.bankAccount };
  return {
    country: ctx.country === 'NO' ? 'NO' : 'SE',
    ...payee,
    ...s,
    kidLength,
    missing: missing(ctx, s, payee, kidLength),
  };
}

/** Checks digit counts and stores the section. Call inside ctx.write. */
export function saveDirectDebitSettings(ctx: RegisterContext, input: DirectDebitSettingsInput): DirectDebitSettingsEntity {
  const s = directDebitSettingsInputSchema.parse(input);
  const issues: FieldIssue[] = [];
  for (const [name, length] of Object.entries(DIGITS) as [keyof typeof DIGITS, number][]) {
    const v = s[name];
    if (v !== null && !new RegExp(`^\\d{${length}}$`).test(v)) issues.push({ field: name, code: 'digits-length' });
  }
  if (issues.length) throw validationError(issues);
  writeSection(ctx.db, 'directDebit', s, isoTime(ctx.now()));
  return directDebitSettings(ctx);
}
