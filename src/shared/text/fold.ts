/**
 * Search folding: the same function is applied to the stored text (a search column, filled at
 * save and import) and to what the user types, and matching is a plain substring test.
 *
 * - lowercase, diacritics removed: "Ødegård" → "odegard", "Åsa" → "asa", "Müller" → "muller"
 * - letters without a decomposition: ø → o, æ → ae, œ → oe, ß → ss, þ → th, ð → d, ł → l
 *   (æ → "ae" follows the usual Nordic/Danish transliteration; "aero" finds "Ærø", "aro" does not)
 * - apostrophes vanish ("O'Brien" → "obrien"); every other run of non-letters/digits becomes one
 *   space, so "Anna-Karin" → "anna karin"
 * - separators *between digits* vanish, so phone numbers, postcodes and dates match however they
 *   were typed: "070-123 45 67" → "0701234567", "114 18" → "11418"
 *
 * Fold each field on its own and join the results with "\n": the folded query never contains
 * "\n", so a match never straddles two fields (and digits of two fields never run together).
 *
 * Speed: a lazily filled per-code-unit table, no regex per character.
 */

/** Sentinel entries in the table. */
const SEP = ' ';
const DROP = '';

/** Letters that Unicode does not decompose, and chars we treat specially. */
const OVERRIDES: Record<string, string> = {
  ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss', ẞ: 'ss', þ: 'th', Þ: 'th',
  ð: 'd', Ð: 'd', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', ı: 'i', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't',
  ŋ: 'ng', Ŋ: 'ng', ĸ: 'q', ſ: 's',
  "'": DROP, '’': DROP, '‘': DROP, 'ʼ': DROP, '`': DROP, '´': DROP,
};

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]+$/u;
const MARKS = /\p{M}+/gu;

function compute(ch: string): string {
  const o = OVERRIDES[ch];
  if (o !== undefined) return o;
  if (/^\p{M}$/u.test(ch)) return DROP; // a combining mark of NFD input
  // NFKD also splits ligatures (ﬁ → fi) and compatibility forms (full-width Ａ → a).
  let out = '';
  for (const part of ch.normalize('NFKD').replace(MARKS, '')) {
    const p = OVERRIDES[part] ?? part.toLowerCase();
    out += p;
  }
  return out !== '' && LETTER_OR_DIGIT.test(out) ? out : SEP;
}

/** Per UTF-16 code unit; filled on first use. Surrogate pairs go through ASTRAL. */
const TABLE: Array<string | undefined> = new Array(0x10000);
const ASTRAL = new Map<number, string>();
for (let c = 0; c < 0x80; c++) TABLE[c] = compute(String.fromCharCode(c));

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** ASCII characters that fold to themselves (a–z, 0–9): copied in runs rather than one by one. */
const SELF = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) SELF[c] = TABLE[c] === String.fromCharCode(c) && TABLE[c] !== SEP ? 1 : 0;

export function foldForSearch(s: string): string {
  let out = '';
  let pendingSep = false;
  let lastWasDigit = false;
  /** Start of the current run of characters that fold to themselves, not yet added to `out`; -1 for none. */
  let run = -1;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && SELF[c] && !pendingSep) {
      if (run < 0) run = i;
      lastWasDigit = isDigitCode(c);
      continue;
    }
    if (run >= 0) {
      out += s.slice(run, i);
      run = -1;
    }
    let m: string | undefined;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const cp = s.codePointAt(i)!;
      m = ASTRAL.get(cp);
      if (m === undefined) ASTRAL.set(cp, (m = compute(String.fromCodePoint(cp))));
      i++;
    } else {
      m = TABLE[c];
      if (m === undefined) m = TABLE[c] = compute(String.fromCharCode(c));
    }
    if (m === SEP) {
      pendingSep = out.length > 0;
      continue;
    }
    if (m === DROP) continue;
    if (pendingSep) {
      if (!(lastWasDigit && isDigitCode(m.charCodeAt(0)))) out += ' ';
      pendingSep = false;
    }
    out += m;
    lastWasDigit = isDigitCode(m.charCodeAt(m.length - 1));
  }
  return run >= 0 ? out + s.slice(run) : out;
}
