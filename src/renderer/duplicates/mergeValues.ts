import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../shared/nordic/phone';
import { formatPostcode } from '../../shared/nordic/postcode';
import type { MergeField } from '../../shared/contract';
import { useDateFormat } from '../followups/dates';
import { localeOf } from '../i18n';

const DATE_FIELDS: MergeField[] = ['birthDate', 'joinedOn'];

/** A merge field's value as people read it: dates in the UI language, yes/no, country names. */
export function useMergeValueText(registerCountry: string) {
  const { t, i18n } = useTranslation();
  const date = useDateFormat();
  const countries = new Intl.DisplayNames([localeOf(i18n.language)], { type: 'region' });
  return (field: MergeField, value: string | boolean | null): string => {
    if (value === null || value === '') return t('duplicates.empty_value');
    if (typeof value === 'boolean') return value ? t('duplicates.yes') : t('duplicates.no');
    if (DATE_FIELDS.includes(field)) return date(value);
    if (field === 'country') return countries.of(value) ?? value;
    if (field === 'mobile') return formatPhone(value, registerCountry);
    if (field === 'postcode') return formatPostcode(value, registerCountry);
    return value;
  };
}

export const sameValue = (a: string | boolean | null, b: string | boolean | null) => (a ?? '') === (b ?? '');
