import { basename } from 'node:path';

/** A register is "<stem>.kansli"; its backups and sync-conflict copies are named after the stem. */
export const EXT = '.kansli';

/** "Förening.kansli" → "Förening". The extension is matched case-insensitively (".KANSLI" on FAT). */
export function stemOf(path: string): string {
  const name = basename(path);
  return name.toLowerCase().endsWith(EXT) ? name.slice(0, -EXT.length) : name;
}
