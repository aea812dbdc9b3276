/**
 * Postcodes. Stored canonical form: digits only for SE ("11418") and NO ("0150"); other
 * countries keep what was typed, trimmed, with inner whitespace collapsed. Display adds the
 * Swedish space ("114 18") and, for letters sent abroad, the "SE-" / "NO-" prefix.
 * See nordic-formats.md §10.
 */

export type PostcodeErrorCode = 'postcode-empty' | 'postcode-format' | 'postcode-leading-zero';

export type PostcodeResult = { ok: true; postcode: string } | { ok: false; code: PostcodeErrorCode };

// Prefixes people copy from envelopes: "SE-114 18", "S-114 18", "NO-0150", "N-0150", "SE 11418".
const SE_PREFIX = /^(?:SE|S)(?:-|\s)*(?=\d)/i;
const NO_PREFIX = /^(?:NO|N)(?:-|\s)*(?=\d)/i;

export function parsePostcode(input: string, country: string): PostcodeResult {
  const trimmed = (input ?? '').trim();
  if (trimmed === '') return { ok: false, code: 'postcode-empty' };
  switch ((country ?? '').toUpperCase()) {
    case 'SE': {
      const digits = trimmed.replace(SE_PREFIX, '').replace(/\s+/g, '');
      if (!/^\d{5}$/.test(digits)) return { ok: false, code: 'postcode-format' };
      if (digits[0] === '0') return { ok: false, code: 'postcode-leading-zero' };
      return { ok: true, postcode: digits };
    }
    case 'NO': {
      const digits = trimmed.replace(NO_PREFIX, '').replace(/\s+/g, '');
      if (!/^\d{4}$/.test(digits)) return { ok: false, code: 'postcode-format' };
      return { ok: true, postcode: digits };
    }
    default:
      return { ok: true, postcode: trimmed.replace(/\s+/g, ' ') };
  }
}

/**
 * "11418" → "114 18" (SE); NO and other countries as stored. With `international`, the
 * postal prefix for letters from abroad is added ("SE-114 18", "NO-0150").
 * A value that is not canonical is returned unchanged.
 */
export function formatPostcode(canonical: string, country: string, options: { international?: boolean } = {}): string {
  const c = (country ?? '').toUpperCase();
  const s = canonical ?? '';
  if (c === 'SE' && /^\d{5}$/.test(s)) return (options.international ? 'SE-' : '') + s.slice(0, 3) + ' ' + s.slice(3);
  if (c === 'NO' && /^\d{4}$/.test(s)) return (options.international ? 'NO-' : '') + s;
  return s;
}
