/**
 * Sort keys that order names the way Swedes, Norwegians and English speakers expect, using
 * nothing but binary comparison (SQLite's default BINARY collation, or JS `<` on strings).
 *
 * Key = primary + "\u0001" + the original text (NFC, trimmed).
 * The primary part is ASCII only, so UTF-8 byte order and UTF-16 order agree:
 *   - letters lowercased; a–z, then the language's extra letters mapped to "{", "|", "}"
 *     (the three code points after "z"):
 *       sv: å ä ö after z; æ sorts as ä, ø as ö, ü as y, é as e (SAOL practice)
 *       nb: æ ø å after z; ä sorts as æ, ö as ø, ü as y
 *       en: diacritics ignored; æ → ae, ø → o, ß → ss
 *   - runs of digits sort by value ("Storgatan 9" before "Storgatan 10"): the run is written as
 *     one length character ("0"+length, all below "a") followed by the digits without leading zeros
 *   - every run of other characters is one space, which sorts before letters and digits, so
 *     "Berg, Anna" < "Bergman" and "Anna Berg" < "Annabel"
 * The suffix breaks ties (case, accents) deterministically; "\u0001" is below every primary
 * character, so a shorter primary still sorts first.
 *
 * Not special-cased: Norwegian "Aa" in names (traditionally sorted as Å) sorts as a + a here;
 * Swedish v/w are distinct letters (SAOL since 2006).
 */

export type SortLanguage = 'sv' | 'nb' | 'en';

const SEP = ' ';
const MARK = '\u0000'; // a combining mark: the input is not NFC
const DIGIT = '0';

const EXTRA_SV: Record<string, string> = {
  å: '{', ä: '|', ö: '}', æ: '|', ø: '}', ü: 'y', ű: 'y', ő: '}', ǟ: '|',
};
const EXTRA_NB: Record<string, string> = {
  æ: '{', ø: '|', å: '}', ä: '{', ö: '|', ü: 'y', ű: 'y', ő: '|', ǿ: '|', ǽ: '{',
};
/** Letters without a Unicode decomposition (all languages, after the language's own table). */
const COMMON: Record<string, string> = {
  æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', ẞ: 'ss', þ: 'th', ð: 'd', đ: 'd', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'ng', ĸ: 'q', ſ: 's',
  "'": '', '’': '', '‘': '', 'ʼ': '', '`': '', '´': '',
};

const ALLOWED = /^[a-z{|}]+$/;

function compute(ch: string, extra: Record<string, string>): string {
  if (ch >= '0' && ch <= '9') return DIGIT;
  if (/^\p{M}$/u.test(ch)) return MARK;
  const lower = ch.toLowerCase();
  const direct = extra[lower] ?? COMMON[lower];
  if (direct !== undefined) return direct;
  let out = '';
  for (const part of lower.normalize('NFKD').replace(/\p{M}+/gu, '')) out += extra[part] ?? COMMON[part] ?? part;
  if (out !== '' && ALLOWED.test(out)) return out;
  // Other scripts (Greek, Cyrillic, …): keep them, after all Latin letters, in code point order.
  return /^[\p{L}\p{N}]+$/u.test(out) ? '~' + out : SEP;
}

interface Table {
  bmp: Array<string | undefined>;
  astral: Map<number, string>;
  extra: Record<string, string>;
}

const tables: Record<SortLanguage, Table> = {
  sv: { bmp: new Array(0x10000), astral: new Map(), extra: EXTRA_SV },
  nb: { bmp: new Array(0x10000), astral: new Map(), extra: EXTRA_NB },
  en: { bmp: new Array(0x10000), astral: new Map(), extra: {} },
};

/** A digit run s[from, to): a length character, then the digits without leading zeros. */
function digitRun(s: string, from: number, to: number): string {
  while (from < to - 1 && s.charCodeAt(from) === 48) from++;
  return String.fromCharCode(0x30 + Math.min(to - from, 40)) + s.slice(from, to);
}

function primary(s: string, t: Table, ignoreMarks: boolean): string | null {
  let out = '';
  let pendingSep = false;
  let digitsFrom = -1; // start of the current run of ASCII digits, or -1
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let m: string | undefined;
    let next = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && next < n) {
      const cp = s.codePointAt(i)!;
      m = t.astral.get(cp);
      if (m === undefined) t.astral.set(cp, (m = compute(String.fromCodePoint(cp), t.extra)));
      next++;
    } else {
      m = t.bmp[c];
      if (m === undefined) m = t.bmp[c] = compute(String.fromCharCode(c), t.extra);
    }
    if (m === DIGIT) {
      if (digitsFrom < 0) {
        if (pendingSep && out.length > 0) out += ' ';
        pendingSep = false;
        digitsFrom = i;
      }
      continue;
    }
    if (digitsFrom >= 0) {
      out += digitRun(s, digitsFrom, i);
      digitsFrom = -1;
    }
    i = next - 1;
    if (m === MARK) {
      if (!ignoreMarks) return null; // caller retries with NFC
      continue; // a mark with no precomposed form: ignore it
    }
    if (m === SEP) {
      pendingSep = true;
      continue;
    }
    if (m === '') continue;
    if (pendingSep && out.length > 0) out += ' ';
    pendingSep = false;
    out += m;
  }
  if (digitsFrom >= 0) out += digitRun(s, digitsFrom, n);
  return out;
}

/** A key for ORDER BY with binary comparison. See the module comment for the rules. */
export function sortKey(s: string, lang: SortLanguage): string {
  const t = tables[lang] ?? tables.en;
  const text = (s ?? '').trim();
  let p = primary(text, t, false);
  let original = text;
  if (p === null) {
    original = text.normalize('NFC');
    p = primary(original, t, true)!;
  }
  return p + '\u0001' + original;
}

/** Compare two strings as their sort keys would (for sorting in memory). */
export function compareForSort(a: string, b: string, lang: SortLanguage): number {
  const ka = sortKey(a, lang);
  const kb = sortKey(b, lang);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
