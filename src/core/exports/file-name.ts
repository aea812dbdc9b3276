import { basename, dirname, isAbsolute, join } from 'node:path';
import { validationError } from '../../shared/result';

/** Longest file name we write, in characters (NTFS and ext4 allow 255 bytes / UTF-16 units; room for " (2)" and an extension). */
export const MAX_NAME_CHARS = 120;

const DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A file name (no extension) safe on Windows, macOS and Linux, from text that may come from a
 * member or association name: no path separators or `? < > \ : * | "`, no control characters,
 * no leading/trailing dots or spaces (so no "..", no hidden files), not a Windows device name
 * (CON, PRN, AUX, NUL, COM1–9, LPT1–9 — with or without extension), at most MAX_NAME_CHARS
 * characters (cut on a character, never inside a surrogate pair). Never empty.
 */
export function sanitizeFileName(name: string, fallback = 'export'): string {
  let s = (name ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[/?<>\\:*|"]/g, ' ')
    .replace(/\s+/g, ' ');
  s = trimEnds(s);
  const chars = Array.from(s);
  if (chars.length > MAX_NAME_CHARS) s = trimEnds(chars.slice(0, MAX_NAME_CHARS).join(''));
  // "CON", "con.txt", "Lpt1 .csv": Windows treats the part before the first dot (spaces trimmed) as the device.
  if (DEVICE_NAMES.test(s.split('.')[0].trim())) s = `_${s}`;
  return s || fallback;
}

function trimEnds(s: string): string {
  return s.replace(/^[\s.]+|[\s.]+$/g, '');
}

/**
 * The file to write for a path the user picked: the folder as picked (it must be absolute — the
 * dialog gives one), the name sanitised and ending in `.ext` (added when missing).
 */
export function targetPath(path: string, ext: string): string {
  if (!isAbsolute(path)) throw validationError([{ field: 'path', code: 'path-not-absolute' }]);
  const dir = dirname(path);
  let name = basename(path);
  if (name.toLowerCase().endsWith(`.${ext}`)) name = name.slice(0, -(ext.length + 1));
  return join(dir, `${sanitizeFileName(name)}.${ext}`);
}
