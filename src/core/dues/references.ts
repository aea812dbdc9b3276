import type { RegisterCountry } from '../../shared/contract';
import type { ReferenceKind } from '../../shared/contract/dues';
import { makeKid, validateKid } from '../../shared/nordic/kid';
import { makeOcr, validateOcr } from '../../shared/nordic/ocr';
import { makeRf, validateRf } from '../../shared/nordic/rf';
import type { StoredDuesSettings } from './settings-rules';

/**
 * The payment reference of an invoice, made from its number: unique because invoice numbers are,
 * and a payment matched back to the invoice by the reference alone. Swedish OCR follows the
 * agreed control level (length digit for 'variable', zero-padded to the agreed length for
 * 'fixed'); Norwegian KID the agreed algorithm and length; RF is ISO 11649.
 * Throws RangeError when the number does not fit the agreed length (the run reports it first).
 */
export function makeReference(s: StoredDuesSettings, country: RegisterCountry, invoiceNumber: number): { reference: string; kind: ReferenceKind } {
  const base = String(invoiceNumber);
  if (s.referenceKind === 'rf') return { reference: makeRf(base), kind: 'rf' };
  if (country === 'NO') return { reference: makeKid(base, s.kidMode, { length: s.kidLength ?? undefined }), kind: 'kid' };
  const options = { lengthDigit: s.ocrLevel === 'variable', fixedLength: s.ocrLevel === 'fixed' ? (s.ocrLength ?? undefined) : undefined };
  return { reference: makeOcr(base, options), kind: 'ocr' };
}

/** Whether a reference passes the check the payer's bank will make under these settings. */
export function referenceValid(s: StoredDuesSettings, reference: string, kind: ReferenceKind): boolean {
  if (kind === 'rf') return validateRf(reference).ok;
  if (kind === 'kid') return validateKid(reference, s.kidMode).ok;
  return validateOcr(reference, s.ocrLevel, { lengths: s.ocrLength ? [s.ocrLength] : [] }).ok;
}

/** The setting to blame when invoice numbers up to `highest` no longer fit the agreed length. */
export function referenceTooLong(s: StoredDuesSettings, country: RegisterCountry, highest: number): string | null {
  try {
    makeReference(s, country, highest);
    return null;
  } catch {
    return s.referenceKind === 'rf' ? 'nextInvoiceNumber' : country === 'NO' ? 'kidLength' : 'ocrLength';
  }
}
