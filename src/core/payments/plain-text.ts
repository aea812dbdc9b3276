/**
 * Typography the app's texts use (invoice lines "Medlemsavgift 2026 – Familj", names with curly
 * apostrophes) that the banks' ISO-8859-1 and SIE's code page 437 lack, spelled the way a
 * typewriter would.
 */
const PLAIN: Record<string, string> = {
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2026': '...',
  '\u20ac': 'EUR',
  '\u00a0': ' ',
  '\u202f': ' ',
};

/**
 * Each character kept if `has(ch)`, else its plain form, else without its marks (ř → r);
 * whatever is still missing is left for the encoder to replace.
 */
export function foldText(s: string, has: (ch: string) => boolean): string {
  return Array.from(s.normalize('NFC'))
    .map((ch) => (has(ch) ? ch : (PLAIN[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))))
    .join('');
}
