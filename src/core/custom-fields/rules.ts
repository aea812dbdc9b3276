import { isRealIsoDate, type CustomFieldKind, type CustomValue } from '../../shared/contract';

export interface FieldDef {
  id: number;
  kind: CustomFieldKind;
  options: string[];
}

/** What is stored in custom_values.value: TEXT for text/date/choice, REAL for number, 0/1 for boolean. */
export type StoredValue = string | number;

/**
 * Checks a value against its field's kind. Returns the stored form, or an error code (an i18n
 * key) — a value of the wrong type is refused, never converted by guessing.
 */
export function checkCustomValue(field: FieldDef, value: Exclude<CustomValue, null>): { ok: true; stored: StoredValue } | { ok: false; code: string } {
  switch (field.kind) {
    case 'text':
      return typeof value === 'string' ? { ok: true, stored: value.trim() } : { ok: false, code: 'custom-value-not-text' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, stored: value } : { ok: false, code: 'custom-value-not-number' };
    case 'date':
      return typeof value === 'string' && isRealIsoDate(value) ? { ok: true, stored: value } : { ok: false, code: 'custom-value-not-date' };
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, stored: value ? 1 : 0 } : { ok: false, code: 'custom-value-not-boolean' };
    case 'choice':
      return typeof value === 'string' && field.options.includes(value) ? { ok: true, stored: value } : { ok: false, code: 'custom-value-not-an-option' };
  }
}

/** The stored form back to what the contract speaks. */
export function fromStored(kind: CustomFieldKind, v: StoredValue | null): CustomValue {
  if (v === null) return null;
  if (kind === 'boolean') return v === 1;
  if (kind === 'number') return Number(v);
  return String(v);
}

/** Option lists: trimmed, no duplicates; only 'choice' has them, and needs at least one. */
export function checkOptions(kind: CustomFieldKind, options: string[]): { ok: true; options: string[] } | { ok: false; code: string } {
  const clean = options.map((o) => o.trim());
  if (kind !== 'choice') return clean.length ? { ok: false, code: 'options-only-for-choice' } : { ok: true, options: [] };
  if (!clean.length) return { ok: false, code: 'options-required' };
  if (new Set(clean).size !== clean.length) return { ok: false, code: 'options-duplicate' };
  return { ok: true, options: clean };
}
