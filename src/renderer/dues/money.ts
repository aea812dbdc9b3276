import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n';

/** Minor units (öre / øre) as the user's language writes money: "1 250,00 kr", "kr 1 250,00", "SEK 1,250.00". */
export function formatMoney(minor: number, currency: 'SEK' | 'NOK', language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency }).format(minor / 100);
}

/** The amount as typed into a field: "1250,00" in Swedish and Norwegian, "1250.00" in English; no currency, no grouping. */
export function amountInputText(minor: number, language: string): string {
  const s = (Math.abs(minor) / 100).toFixed(2);
  return (minor < 0 ? '-' : '') + (language === 'en' ? s : s.replace('.', ','));
}

/**
 * What the treasurer typed, in minor units, or null when it is not an amount. Accepts "1250",
 * "1 250,50", "1250.5", "1.250,50", "1,250.50" and a trailing or leading "kr"/"SEK"/"NOK". A lone
 * separator followed by three digits groups thousands ("1.250" = 1 250 kr); by one or two it is the
 * decimal comma or point. Never goes through floating point, so 0,29 stays 29 öre.
 */
export function parseAmount(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f]+/g, '').replace(/^(kr|sek|nok)\.?|(kr|sek|nok|:-|,-)\.?$/gi, '');
  const negative = s.startsWith('-') || s.startsWith('−');
  if (negative) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let whole = s;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the later one is the decimal separator, the other groups thousands.
    const dec = Math.max(lastDot, lastComma);
    const group = dec === lastDot ? ',' : '.';
    whole = s.slice(0, dec);
    fraction = s.slice(dec + 1);
    if (whole.includes(s[dec]) || !validGrouping(whole, group)) return null;
    whole = whole.split(group).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const pieces = s.split(sep);
    if (pieces.length === 2 && pieces[1].length <= 2) {
      [whole, fraction] = pieces;
      if (fraction === '') return null;
    } else if (validGrouping(s, sep)) {
      whole = pieces.join('');
    } else return null;
  }
  if (!/^\d*$/.test(whole) || !/^\d{0,2}$/.test(fraction) || (whole === '' && fraction === '')) return null;
  const minor = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > 100_000_000) return null;
  return negative ? -minor : minor;
}

/** "1.250.000" groups thousands properly: 1–3 leading digits, then groups of exactly three. */
function validGrouping(s: string, sep: string): boolean {
  const pieces = s.split(sep);
  return /^\d{1,3}$/.test(pieces[0]) && pieces.slice(1).every((p) => /^\d{3}$/.test(p));
}

/** `formatMoney` in the current UI language for the register's currency. */
export function useMoney(currency: 'SEK' | 'NOK') {
  const { i18n } = useTranslation();
  return (minor: number) => formatMoney(minor, currency, i18n.language);
}
