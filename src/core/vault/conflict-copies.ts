import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { EXT, stemOf } from './register-name';

/*
 * A register in a synced folder (Dropbox, OneDrive, Syncthing, …) edited on two computers at once
 * gets a sibling copy under a name the sync tool invents. Found here so the user can be told.
 */

/** What each tool puts between the stem and ".kansli". */
const CONFLICT_SUFFIXES = [
  /^ ?\(.*(conflict|konflikt|conflit|conflitto|conflicto).*\)$/i, // Dropbox, Nextcloud/ownCloud
  /^\.sync-conflict-/i, // Syncthing
  /^_conflict-/i, // ownCloud (old)
  /^ ?\(\d{1,3}\)$/, // Google Drive, browsers
  /^ \d{1,3}$/, // iCloud Drive
  /^-[A-Za-z][A-Za-z0-9-]{0,62}$/, // OneDrive: "-HOSTNAME"
  /conflict|konflikt/i, // anything else that says so
];

export async function conflictCopies(path: string): Promise<string[]> {
  const full = resolve(path);
  const dir = dirname(full);
  const own = basename(full).normalize('NFC');
  const stem = stemOf(full).normalize('NFC');
  const names = await readdir(dir);
  return names
    .filter((raw) => {
      const name = raw.normalize('NFC'); // macOS folders may hand back NFD names
      if (name === own || !name.toLowerCase().endsWith(EXT) || !name.startsWith(stem)) return false;
      const suffix = name.slice(stem.length, -EXT.length);
      return suffix.length > 0 && CONFLICT_SUFFIXES.some((re) => re.test(suffix));
    })
    .map((n) => join(dir, n))
    .sort();
}
