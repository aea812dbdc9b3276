import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n';

/** Today as YYYY-MM-DD in UTC, the way the core dates follow-ups. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** ISO calendar dates in the UI language (read as UTC so no time zone shifts the day). */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'medium', timeZone: 'UTC' });
  return (iso: string | null | undefined) => (iso ? fmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '');
}
