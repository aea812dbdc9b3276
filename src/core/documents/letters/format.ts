import type { Language } from '../../../shared/contract';
import { formatNorwegianAccount } from '../../../shared/nordic/kid';
import { formatRf } from '../../../shared/nordic/rf';
import { longDate } from '../../exports/texts';
import type { ReferenceKind } from './types';

/** No-break space: "1 250,00 kr" never wraps between the digits or before "kr". */
const NBSP = '\u00a0';
/** The minus sign (U+2212), as Swedish and Norwegian typography (and Intl for sv/nb) print it. */
const MINUS = '\u2212';

/**
 * Money in minor units, the Nordic way: "1 250,00 kr", "−250,00 kr" (space-grouped thousands,
 * decimal comma, "kr" after) for sv and nb; English letters print "SEK 1,250.00" as English
 * readers expect. Written by hand rather than with Intl so the output does not depend on the ICU
 * data of the Node or Electron that runs it.
 */
export function formatMoney(minor: number, currency: 'SEK' | 'NOK', language: Language): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`Amount is not an integer number of minor units: ${minor}`);
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const group = (sep: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  if (language === 'en') return `${negative ? '-' : ''}${currency}${NBSP}${group(',')}.${cents}`;
  return `${negative ? MINUS : ''}${group(NBSP)},${cents}${NBSP}kr`;
}

/** Dates as each country writes them on an invoice: sv 2026-03-31, nb 31.03.2026, en 31 March 2026. */
export function formatDate(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  if (language === 'sv') return iso;
  if (language === 'nb') return `${m[3]}.${m[2]}.${m[1]}`;
  return longDate(iso, 'en');
}

/** A Norwegian account number as printed: 1234.56.78903 (dots and spaces in the input ignored). */
export function formatAccount(account: string): string {
  return formatNorwegianAccount(account.replace(/[\s.]/g, ''));
}

/** IBAN in groups of four, the way ISO 13616 prints it on paper. */
export function groupsOfFour(value: string): string {
  return value.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** The payment reference as printed: OCR and KID as digits (copied exactly), RF in groups of four. */
export function formatReference(reference: string, kind: ReferenceKind): string {
  return kind === 'rf' ? formatRf(reference) : reference.replace(/\s+/g, '');
}

/** A Swedish Swish number as printed: 123 456 78 90. */
export function formatSwishNumber(value: string): string {
  const d = value.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}` : value;
}
