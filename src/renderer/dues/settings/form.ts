import type { DuesKidMode, DuesOcrLevel, DuesSettingsEntity, DuesSettingsInput, ReferenceKind, RegisterCountry } from '../../../shared/contract';
import { DUES_MERGE_FIELDS } from '../../../shared/contract/dues';
import { parseSwedishOrgNumber, formatNorwegianOrgNumber, formatSwedishOrgNumber } from '../../../shared/nordic/identity';
import { formatNorwegianAccount, parseNorwegianAccount } from '../../../shared/nordic/kid';
import { formatBankgiro, formatPlusgiro, parseBankgiro, parsePlusgiro } from '../../../shared/nordic/ocr';
import { checkTemplate } from '../../../shared/text/merge-fields';

/** The settings form as typed: every value a string the user edits, numbers included. */
export interface SettingsForm {
  associationName: string;
  /** One printed line per row (street, "postcode city"). */
  address: string;
  orgNumber: string;
  contact: string;
  bankgiro: string;
  plusgiro: string;
  swishNumber: string;
  bankAccount: string;
  iban: string;
  bic: string;
  referenceKind: ReferenceKind;
  ocrLevel: DuesOcrLevel;
  ocrLength: string;
  kidMode: DuesKidMode;
  kidLength: string;
  nextInvoiceNumber: string;
  letterText: string;
  activitiesText: string;
}

export const MAX_ADDRESS_LINES = 4;

/** "1234567890" → "123456-7890", and the giro and account numbers as people write them. */
export function formFromSettings(s: DuesSettingsEntity): SettingsForm {
  return {
    associationName: s.associationName,
    address: s.addressLines.join('\n'),
    orgNumber: s.orgNumber ? (s.country === 'SE' ? formatSwedishOrgNumber(s.orgNumber) : formatNorwegianOrgNumber(s.orgNumber)) : '',
    contact: s.contact ?? '',
    bankgiro: s.bankgiro ? formatBankgiro(s.bankgiro) : '',
    plusgiro: s.plusgiro ? formatPlusgiro(s.plusgiro) : '',
    swishNumber: s.swishNumber ? formatSwish(s.swishNumber) : '',
    bankAccount: s.bankAccount ? formatNorwegianAccount(s.bankAccount) : '',
    iban: s.iban ? s.iban.replace(/(.{4})(?=.)/g, '$1 ') : '',
    bic: s.bic ?? '',
    referenceKind: s.referenceKind,
    ocrLevel: s.ocrLevel,
    ocrLength: s.ocrLength === null ? '' : String(s.ocrLength),
    kidMode: s.kidMode,
    kidLength: s.kidLength === null ? '' : String(s.kidLength),
    nextInvoiceNumber: String(s.nextInvoiceNumber),
    letterText: s.letterText,
    activitiesText: s.activitiesText,
  };
}

/** "1231234567" → "123 123 45 67", the way Swish numbers are printed. */
function formatSwish(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 8)} ${digits.slice(8)}` : digits;
}

/** A whole number typed in a field; NaN (refused by the core's schema) when it is not one. */
function wholeNumber(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * What `dues.saveSettings` gets. Details of the other country are sent empty, so a register's
 * settings never carry a Norwegian account in Sweden because someone once typed it.
 */
export function inputFromForm(f: SettingsForm, country: RegisterCountry): DuesSettingsInput {
  const se = country === 'SE';
  return {
    associationName: f.associationName,
    addressLines: f.address.split('\n').map((l) => l.trim()).filter((l) => l !== ''),
    orgNumber: f.orgNumber,
    contact: f.contact,
    bankgiro: se ? f.bankgiro : '',
    plusgiro: se ? f.plusgiro : '',
    swishNumber: se ? f.swishNumber : '',
    bankAccount: se ? '' : f.bankAccount,
    iban: f.iban,
    bic: f.bic,
    referenceKind: f.referenceKind,
    ocrLevel: f.ocrLevel,
    ocrLength: se && f.ocrLevel === 'fixed' ? wholeNumber(f.ocrLength) : null,
    kidMode: f.kidMode,
    kidLength: se ? null : wholeNumber(f.kidLength),
    nextInvoiceNumber: wholeNumber(f.nextInvoiceNumber) ?? 1,
    letterText: f.letterText,
    activitiesText: f.activitiesText,
  };
}

/**
 * The checks the form can make on its own as soon as a field is left (the core checks all of
 * them again on save): an error code, or null. Fields the form cannot check alone answer null.
 */
export function checkField(field: keyof SettingsForm, f: SettingsForm, country: RegisterCountry): string | null {
  const v = f[field].trim();
  switch (field) {
    case 'associationName':
      return v === '' ? 'required' : null;
    case 'address':
      return f.address.split('\n').filter((l) => l.trim() !== '').length > MAX_ADDRESS_LINES ? 'address-too-many-lines' : null;
    case 'orgNumber': {
      if (v === '' || country !== 'SE') return null;
      const r = parseSwedishOrgNumber(v);
      return r.ok ? null : r.code;
    }
    case 'bankgiro':
    case 'plusgiro': {
      if (v === '') return null;
      const r = field === 'bankgiro' ? parseBankgiro(v) : parsePlusgiro(v);
      return r.ok ? null : r.code;
    }
    case 'bankAccount': {
      if (v === '') return null;
      const r = parseNorwegianAccount(v);
      return r.ok ? null : r.code;
    }
    case 'swishNumber':
      return v === '' || /^123\d{7}$/.test(v.replace(/[\s-]+/g, '')) ? null : 'swish-number-format';
    case 'ocrLength':
    case 'kidLength': {
      const n = wholeNumber(v);
      if (n === null) return field === 'ocrLength' && f.ocrLevel === 'fixed' ? 'ocr-length-required' : null;
      return Number.isNaN(n) || n < 5 || n > 25 ? 'length-out-of-range' : null;
    }
    case 'nextInvoiceNumber': {
      const n = wholeNumber(v);
      return n === null || Number.isNaN(n) || n < 1 || n > 99_999_999 ? 'invoice-number-range' : null;
    }
    case 'letterText':
      return checkTemplate(f.letterText, DUES_MERGE_FIELDS)?.code ?? null;
    default:
      return null;
  }
}
