import { LOGO_MAX_BYTES, LOGO_MAX_PIXELS } from '../../shared/contract/dues';

export interface CheckedLogo {
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

export type LogoCheck = { ok: true; logo: CheckedLogo } | { ok: false; code: 'logo-format' | 'logo-too-large' };

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: the IHDR chunk must come first; width and height are its first two big-endian words. */
function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24 || !PNG_MAGIC.every((v, i) => b[i] === v)) return null;
  if (String.fromCharCode(b[12], b[13], b[14], b[15]) !== 'IHDR') return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

/** JPEG: walk the marker segments to the first start-of-frame (SOF0–SOF15 except DHT/JPG/DAC). */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const len = (b[i + 2] << 8) | b[i + 3];
    if (len < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan data before any frame
    i += 2 + len;
  }
  return null;
}

/**
 * The logo is what it claims by its bytes (a renamed .gif is refused), not too heavy for every
 * letter's PDF, and of sane pixel dimensions (a 20,000 px image would make every page slow).
 */
export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, code: 'logo-too-large' };
  const png = pngSize(bytes);
  const jpeg = png ? null : jpegSize(bytes);
  const size = png ?? jpeg;
  if (!size || size.width < 1 || size.height < 1) return { ok: false, code: 'logo-format' };
  if (size.width > LOGO_MAX_PIXELS || size.height > LOGO_MAX_PIXELS) return { ok: false, code: 'logo-too-large' };
  return { ok: true, logo: { mime: png ? 'image/png' : 'image/jpeg', ...size } };
}
