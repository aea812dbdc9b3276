import { randomBytes } from 'node:crypto';
import { link, open, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KansliError } from '../../shared/result';
import { errno, exists, fsyncDir, NO_HARD_LINKS, renameWithRetry, writeNewFile, type Parts } from './file-system';
import { verifySealedStream } from './format';
import type { VaultKeys } from './key-slots';

/*
 * Writing a register never trusts the write: the bytes go to a temp file beside the target, are
 * written completely, fsynced, size-checked, read back and decrypted chunk by chunk against what
 * was meant to be saved. Only a temp file that passed all that is ever renamed or linked into place.
 */

const TEMP_EXT = '.kansli-tmp';

export type SaveStep = 'temp-opened' | 'temp-partial' | 'temp-written' | 'verified' | 'backed-up' | 'renamed';

/** For tests only: a hook called at each step of the save pipeline (fault injection, kill points). */
export const __testing: { hook?: (step: SaveStep, info: { path: string; temp: string }) => void | Promise<void> } = {};

/** Hidden, random, and named after the register so removeStaleTemps finds it after a crash. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_EXT}`);
}

/** Temp files left by a save that was killed. Only the lock holder writes them, so any found are stale. */
export async function removeStaleTemps(path: string): Promise<string[]> {
  const prefix = `.${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(prefix) && n.endsWith(TEMP_EXT)).map((n) => join(dirname(path), n));
  await Promise.all(stale.map((p) => unlink(p).catch(() => undefined)));
  return stale;
}

export interface Verified {
  /** Whole-file hash and size of what was written (and checked). */
  digest: Buffer;
  size: number;
}

/**
 * Temp file beside the register → every byte written → fsync → size → read back → every check
 * of the format, each chunk decrypted and compared with `plaintext`. Returns the verified temp file.
 */
export async function writeVerified(path: string, sealed: Parts, keys: VaultKeys, plaintext: Uint8Array): Promise<Verified & { temp: string }> {
  const temp = tempPathFor(path);
  const hook = __testing.hook;
  await writeNewFile(temp, sealed, { sync: true, onProgress: hook ? async (s) => hook(s, { path, temp }) : undefined });
  try {
    await hook?.('temp-written', { path, temp });
    const fh = await open(temp, 'r');
    let digest: Buffer;
    try {
      const { size } = await fh.stat();
      if (size !== sealed.length) throw new Error(`Read back ${size} bytes, ${sealed.length} were written.`);
      let buf = Buffer.allocUnsafe(0);
      // One reused buffer: reading back 40 MB into fresh memory costs more than decrypting it.
      digest = await verifySealedStream(
        size,
        async (position, length) => {
          if (buf.length < length) buf = Buffer.allocUnsafe(length);
          let got = 0;
          while (got < length) {
            const { bytesRead } = await fh.read(buf, got, length - got, position + got);
            if (bytesRead === 0) throw new Error(`The written file ends early, at byte ${position + got}.`);
            got += bytesRead;
          }
          return buf.subarray(0, length);
        },
        keys,
        plaintext,
      );
    } finally {
      await fh.close();
    }
    await hook?.('verified', { path, temp });
    return { temp, digest, size: sealed.length };
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

/** Puts a finished temp file at `path` without ever replacing an existing file. */
async function placeNew(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path); // atomic "create if absent"
    await unlink(temp).catch(() => undefined);
  } catch (e) {
    const code = errno(e);
    if (code === 'EEXIST') throw new KansliError('file-exists', `${path} already exists.`);
    // File systems without hard links (FAT, exFAT, some sync folders): check, then rename.
    if (NO_HARD_LINKS.has(code ?? '')) {
      if (await exists(path)) throw new KansliError('file-exists', `${path} already exists.`);
      await renameWithRetry(temp, path);
    } else {
      throw e;
    }
  }
  await fsyncDir(dirname(path));
}

/** A new register file at `path` (which must not exist), written and verified as above. */
export async function writeNewRegister(path: string, sealed: Parts, keys: VaultKeys, plaintext: Uint8Array): Promise<Verified> {
  const { temp, ...verified } = await writeVerified(path, sealed, keys, plaintext);
  try {
    await placeNew(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  return verified;
}
