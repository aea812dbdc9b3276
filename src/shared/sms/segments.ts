/**
 * SMS encoding and segment counting (3GPP TS 23.038; nordic-formats.md §8).
 *
 * - GSM-7 when every character is in the basic table (1 septet) or the extension table
 *   (escape + char = 2 septets); otherwise the whole message is UCS-2.
 * - GSM-7: 160 septets in one SMS, 153 per part of a longer one; an escape pair is never split
 *   across parts.
 * - UCS-2: 70 UTF-16 units in one SMS, 67 per part; a surrogate pair (emoji) is never split.
 * Text is counted in NFC (a "å" pasted from macOS may arrive as a + ring, which is not GSM-7):
 * whoever sends the message must send the NFC form too.
 */

// prettier-ignore
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const SEPTETS = new Map<string, 1 | 2>();
for (const c of GSM7_BASIC) SEPTETS.set(c, 1);
for (const c of GSM7_EXTENSION) SEPTETS.set(c, 2);

/** 1 for the GSM-7 basic table, 2 for the extension table, null if the character forces UCS-2. */
export function gsmSeptets(char: string): 1 | 2 | null {
  return SEPTETS.get(char) ?? null;
}

/**
 * Suggested GSM-7 stand-ins for characters that would force UCS-2. '' means "drop it"
 * (invisible characters). Characters without a sensible stand-in (emoji, other scripts) are absent.
 * Note: Ç is in GSM-7, ç is not; é/É, ü/Ü, à, è, ì, ò, ù, ñ and the Nordic letters are.
 */
const REPLACEMENTS: Record<string, string> = {
  á: 'a', â: 'a', ã: 'a', ā: 'a', ą: 'a', Á: 'A', Â: 'A', Ã: 'A', À: 'A', Ā: 'A', Ą: 'A',
  ç: 'c', ć: 'c', č: 'c', Ć: 'C', Č: 'C',
  ď: 'd', ð: 'd', đ: 'd', Ď: 'D', Ð: 'D', Đ: 'D',
  ê: 'e', ë: 'e', ē: 'e', ę: 'e', ě: 'e', Ê: 'E', Ë: 'E', È: 'E', Ē: 'E', Ę: 'E', Ě: 'E',
  í: 'i', î: 'i', ï: 'i', ī: 'i', ı: 'i', Í: 'I', Î: 'I', Ï: 'I', Ì: 'I', Ī: 'I', İ: 'I',
  ł: 'l', Ł: 'L', ń: 'n', ň: 'n', ŋ: 'n', Ń: 'N', Ň: 'N', Ŋ: 'N',
  ó: 'o', ô: 'o', õ: 'o', ō: 'o', ő: 'ö', Ó: 'O', Ô: 'O', Õ: 'O', Ò: 'O', Ō: 'O', Ő: 'Ö',
  œ: 'oe', Œ: 'OE', ř: 'r', Ř: 'R', ś: 's', š: 's', ş: 's', Ś: 'S', Š: 'S', Ş: 'S',
  ť: 't', ŧ: 't', Ť: 'T', Ŧ: 'T', þ: 'th', Þ: 'Th',
  ú: 'u', û: 'u', ū: 'u', ů: 'u', ű: 'ü', Ú: 'U', Û: 'U', Ù: 'U', Ū: 'U', Ů: 'U', Ű: 'Ü',
  ý: 'y', ÿ: 'y', Ý: 'Y', Ÿ: 'Y', ź: 'z', ż: 'z', ž: 'z', Ź: 'Z', Ż: 'Z', Ž: 'Z',
  '‘': "'", '’': "'", '‚': "'", '′': "'", '´': "'", '`': "'",
  '“': '"', '”': '"', '„': '"', '″': '"', '«': '"', '»': '"',
  '–': '-', '—': '-', '−': '-', '‐': '-', '‑': '-',
  '…': '...', '•': '-', '·': '.', '×': 'x', '÷': '/',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ', '\t': ' ',
  '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '', '\u00ad': '',
  '¢': 'c', '©': '(c)', '®': '(R)', '™': 'TM',
};

/** A GSM-7 stand-in for a character that forces UCS-2, or null if there is none. */
export function gsm7Replacement(char: string): string | null {
  return REPLACEMENTS[char] ?? null;
}

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsAnalysis {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Capacity of one part at the current length: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number;
  /** Units still free in the last part. */
  remaining: number;
  /** The distinct characters that force UCS-2, in order of appearance, with a suggestion. */
  ucs2Chars: Array<{ char: string; replacement: string | null }>;
}

/** Count parts, never splitting an item (escape pair or surrogate pair) across two. */
function countParts(widths: number[], total: number, single: number, multi: number): { segments: number; remaining: number } {
  if (total === 0) return { segments: 0, remaining: single };
  if (total <= single) return { segments: 1, remaining: single - total };
  let segments = 1;
  let used = 0;
  for (const w of widths) {
    if (used + w > multi) {
      segments++;
      used = 0;
    }
    used += w;
  }
  return { segments, remaining: multi - used };
}

export function analyzeSms(text: string): SmsAnalysis {
  const s = (text ?? '').normalize('NFC');
  const chars = Array.from(s); // code points
  const ucs2: SmsAnalysis['ucs2Chars'] = [];
  const seen = new Set<string>();
  const septetWidths: number[] = [];
  let septets = 0;
  for (const c of chars) {
    const w = SEPTETS.get(c);
    if (w === undefined) {
      if (!seen.has(c)) {
        seen.add(c);
        ucs2.push({ char: c, replacement: gsm7Replacement(c) });
      }
      continue;
    }
    septetWidths.push(w);
    septets += w;
  }

  if (ucs2.length === 0) {
    const { segments, remaining } = countParts(septetWidths, septets, 160, 153);
    return { encoding: 'GSM-7', units: septets, segments, perSegment: segments > 1 ? 153 : 160, remaining, ucs2Chars: [] };
  }
  const widths = chars.map((c) => c.length); // 2 for a surrogate pair
  const units = s.length;
  const { segments, remaining } = countParts(widths, units, 70, 67);
  return { encoding: 'UCS-2', units, segments, perSegment: segments > 1 ? 67 : 70, remaining, ucs2Chars: ucs2 };
}

/** Apply every available GSM-7 stand-in; characters without one are kept (the message stays UCS-2). */
export function toGsm7(text: string): string {
  let out = '';
  for (const c of (text ?? '').normalize('NFC')) {
    if (SEPTETS.has(c)) out += c;
    else out += REPLACEMENTS[c] ?? c;
  }
  return out;
}
