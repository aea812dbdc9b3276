import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n';

/** Today as YYYY-MM-DD, the way the core dates things. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Dates and times in the UI language; ISO dates are calendar days, so read them as UTC. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    date: (iso: string | null | undefined) => (iso ? day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''),
    time: (iso: string) => moment.format(new Date(iso)),
  };
}
