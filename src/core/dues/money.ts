import type { Language } from '../../shared/contract';

const LOCALE: Record<Language, string> = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

// One formatter per language and currency: making an Intl.NumberFormat costs far more than using
// one, and a bank file books thousands of payments (each writing its amount into the history).
const formatters = new Map<string, Intl.NumberFormat>();

/** "1 250,00 kr" — for texts the core writes (history values); the UI formats its own. */
export function formatMoney(minor: number, language: Language, currency: 'SEK' | 'NOK'): string {
  const key = `${language}:${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency, minimumFractionDigits: 2 });
    formatters.set(key, f);
  }
  return f.format(minor / 100);
}

/** Minor units as a plain decimal: 25050 → "250.50" (for the Swish payload, which formats it itself). */
export function minorToDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const a = Math.abs(minor);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
