import { isoDate, type RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';
import { readDuesSettings } from '../../dues/settings';
import type { PayeeSettings } from '../bank-files/types';

/** The register's own payment details (dues settings), which a bank file must be for. */
export function payeeOf(ctx: RegisterContext): PayeeSettings {
  const s = readDuesSettings(ctx);
  return { country: ctx.country, currency: currencyOf(ctx.country), bankgiro: s.bankgiro, bankAccount: s.bankAccount, iban: s.iban, today: isoDate(ctx.now()) };
}
