/**
 * Dates and periods, shared by type periods, role periods and the journey rules.
 * Dates are ISO `YYYY-MM-DD` strings, which order correctly as text. A period is inclusive at
 * both ends; `to` null means still open.
 */
export interface Period {
  from: string;
  to: string | null;
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** Same day `months` later (or earlier); the 31st becomes the month's last day, Feb 29 → Feb 28. */
export function addMonths(iso: string, months: number): string {
  const [y, m, day] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return toIso(new Date(Date.UTC(ny, nm, Math.min(day, last))));
}

export function heldAt(p: Period, at: string): boolean {
  return p.from <= at && (p.to === null || p.to >= at);
}

export function overlaps(a: Period, b: Period): boolean {
  return a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
}

export function isReversed(p: Period): boolean {
  return p.to !== null && p.to < p.from;
}

/** Whole years of age on `at` for someone born on `birth`. */
export function ageAt(birth: string, at: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ay, am, ad] = at.split('-').map(Number);
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

/**
 * Born on or before this date = at least `years` old on `at`. (Born on Feb 29: counted from
 * Feb 28 in non-leap years, matching `ageAt`'s day comparison closely enough for age bands.)
 */
export function bornOnOrBefore(at: string, years: number): string {
  return addMonths(at, -12 * years);
}
