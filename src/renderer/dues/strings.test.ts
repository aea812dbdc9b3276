import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, LOGO_MAX_PIXELS } from '../../shared/contract';
import { en } from '../i18n/en';
import dues from '../i18n/features/dues';
import { nb } from '../i18n/nb';
import { sv } from '../i18n/sv';

/** Every code the dues contract's handlers document (src/shared/contract/dues.ts), field codes and conflict reasons. */
const CONTRACT_CODES = [
  'orgnr-format', 'orgnr-check-digit', 'giro-format', 'giro-length', 'giro-check-digit', 'swish-number-format', 'account-format',
  'account-check-digit', 'iban-format', 'iban-check-digits', 'bic-format', 'reference-kind-country', 'ocr-length-required',
  'length-out-of-range', 'merge-field-unknown', 'merge-field-unclosed', 'bankgiro-or-plusgiro-required', 'required',
  'logo-format', 'logo-too-large', 'file-not-found', 'io', 'amount-not-positive', 'intro-period-reversed', 'type-duplicate',
  'type-not-found', 'direct-debit-country', 'fee-missing', 'due-before-invoice-date', 'no-fees-for-year', 'nothing-to-invoice',
  'date-in-future', 'invoice-or-member-required', 'member-not-on-invoice', 'invoice-is-credit-note', 'invoice-not-creditable',
  'invoice-not-open', 'round-already-run', 'due-before-reminder', 'previous-round-not-run', 'nothing-to-remind',
  'no-reminder-round-run', 'member-not-in-proposal', 'date-before-last-event', 'strike-off-already-undone',
  'strike-off-changed-since', 'path-not-absolute', 'nothing-to-print', 'cancelled', 'not-found',
];

const shared = { en, sv, nb };

describe('dues strings', () => {
  it('translate every code of the dues contract in every language (own words or the shared ones)', () => {
    for (const lang of ['en', 'sv', 'nb'] as const) {
      const own = (dues[lang] as { errors: Record<string, string> }).errors;
      const missing = CONTRACT_CODES.filter((c) => !own[c] && !(shared[lang].errors as Record<string, string>)[c]);
      expect(missing, lang).toEqual([]);
    }
  });

  it('state the logo limits the core enforces', () => {
    for (const lang of ['en', 'sv', 'nb'] as const) {
      const text = (dues[lang] as { errors: Record<string, string> }).errors['logo-too-large'];
      expect(text).toContain(`${LOGO_MAX_BYTES / 1024} kB`);
      expect(text).toContain(`${LOGO_MAX_PIXELS} × ${LOGO_MAX_PIXELS}`);
    }
  });

  it('never put a literal “{{” in a text, which i18next would read as a placeholder', () => {
    const texts = JSON.stringify([dues.en, dues.sv, dues.nb]).match(/\{\{[^}]*\}\}/g) ?? [];
    expect(texts.filter((p) => !/^\{\{[a-zA-Z]+(, number)?\}\}$/.test(p))).toEqual([]);
  });
});
