import { localeOf } from '../i18n';

/** Today as `YYYY-MM-DD` in the computer's own time zone (not UTC: late evening is still today). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An ISO date in the UI language ("31 dec. 2024"); read as UTC so no time zone shifts the day. */
export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
