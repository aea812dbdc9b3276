import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The dues year these screens work on (a calendar year). */
export function YearField({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('duesRuns.year')}
      value={year}
      onChange={(v) => onYear(typeof v === 'number' ? v : Number(v))}
      min={2000}
      max={2100}
      allowDecimal={false}
      thousandSeparator={false}
      w={140}
      required
    />
  );
}
