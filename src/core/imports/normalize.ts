const pad = (n: number) => String(n).padStart(2, '0');

/** Days from 1899-12-30 (Excel's epoch with its 1900 leap-year bug folded in) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** An Excel serial day number (e.g. 45322 = 2024-01-31) as an ISO date. Serials from 1 (1900) to 2958465 (9999). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return null;
  const ms = (Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** y-m-d as ISO when it is a real day (arithmetic: this runs for every date cell of a file). */
const iso = (y: number, m: number, d: number): string | null => {
  if (y > 9999 || m < 1 || m > 12 || d < 1 || d > (m === 2 && isLeap(y) ? 29 : DAYS[m - 1])) return null;
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
};

/**
 * A date as people type them: 2024-01-31, 2024-1-31, 31.01.2024, 31/1/2024, 31-01-2024,
 * 20240131, an Excel serial (45322), also with a time after it. Day before month: the Nordic order.
 * Returns null for what is not a date.
 */
export function parseDate(input: string): string | null {
  const t = input.trim();
  // Only a value longer than a date can carry a time after it.
  const s = t.length > 10 ? t.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '') : t;
  let m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  if (/^\d{2,7}([.,]\d+)?$/.test(s)) return excelSerialToIso(Number(s.replace(',', '.')));
  return null;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'sant', 'sann', 'ok']);
const NO = new Set(['nej', 'nei', 'n', 'no', '0', 'false', 'falskt', 'usann', '-']);

/** Yes/no in Swedish, Norwegian and English; undefined when unreadable, null when empty. */
export function parseYesNo(input: string): boolean | null | undefined {
  const s = input.trim().toLowerCase();
  if (s === '') return null;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return undefined;
}

/** Names: outer and doubled inner spaces gone; ALL-CAPS or all-lower names given capitals. */
export function cleanName(input: string): string {
  const t = input.trim();
  const s = /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
  if (s !== s.toUpperCase() && s !== s.toLowerCase()) return s;
  if (s.length < 2) return s;
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Country names and codes to ISO 3166 alpha-2; null when unknown. */
export function parseCountry(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (/^[a-z]{2}$/.test(s)) return s.toUpperCase();
  return COUNTRY_NAMES.get(s) ?? null;
}

const COUNTRY_NAMES = new Map(Object.entries({
  sverige: 'SE', sweden: 'SE', norge: 'NO', noreg: 'NO', norway: 'NO', danmark: 'DK', denmark: 'DK',
  finland: 'FI', suomi: 'FI', island: 'IS', iceland: 'IS', tyskland: 'DE', germany: 'DE',
}));
