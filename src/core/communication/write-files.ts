import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KansliError } from '../../shared/result';

/**
 * Writes every file or none: each goes to a temporary name beside its target first (private to
 * the user: the files hold personal data), and only when all are written are they renamed into
 * place. A failure removes what was written, so a gateway never finds half a recipient list, or
 * letters without their labels.
 */
export async function writeAll(files: { path: string; data: string | Buffer }[]): Promise<void> {
  const temps = files.map((f) => join(dirname(f.path), `.${basename(f.path)}.${randomBytes(4).toString('hex')}.tmp`));
  const placed: string[] = [];
  try {
    for (let i = 0; i < files.length; i++) await writeFile(temps[i], files[i].data, { mode: 0o600, flag: 'wx' });
    for (let i = 0; i < files.length; i++) {
      await rename(temps[i], files[i].path);
      placed.push(files[i].path);
    }
  } catch (e) {
    await Promise.all([...temps, ...placed].map((p) => rm(p, { force: true }).catch(() => undefined)));
    throw new KansliError('io', (e as Error).message);
  }
}
