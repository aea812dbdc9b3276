import { randomBytes } from 'node:crypto';
import { link, open, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KansliError } from '../../shared/result';
import { errno, exists, fsyncDir, NO_HARD_LINKS, renameWithRetry, writeNewFile, type Parts } from './file-system';
import { verifySealedStream } from './format';
import { HASH_BYTES } from './header';
import type { VaultKeys } from './key-slots';

/*
 * Writing a register never trusts the write: the bytes go to a temp file beside the target, are
 * written completely, fsynced, size-checked, read back and decrypted chunk by chunk against what
 * was meant to be saved. Only a temp file that passed all that is ever renamed or linked into place.
 */

const TEMP_EXT = '.kansli-tmp';

export type SaveStep = 'temp-opened' | 'temp-partial' | 'temp-written' | 'verified' | 'backed-up' | 'renamed';

/** For tests only: a hook called at each step of the save pipeline (fault injection, kill points). */
export const __testing: {
  hook?: (step: SaveStep, info: { path: string; temp: string }) => void | Promise<void>;
  /** Changes the bytes on their way to the disk: a write that silently goes wrong. */
  corruptWrite?: (position: number, part: Buffer) => Buffer;
} = {};

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
 * Temp file beside the register → every byte written → size → read back → every check of the
 * format, each chunk decrypted and compared with `plaintext` → the verified temp file.
 *
 * The read-back follows the writer: each chunk is read and checked as soon as the write that
 * holds it has returned, while later chunks are still being sealed and written, and the check of
 * the last ones overlaps the fsync. Both must succeed before the temp file is used.
 */
export async function writeVerified(path: string, sealed: Parts, keys: VaultKeys, plaintext: Uint8Array): Promise<Verified & { temp: string }> {
  const temp = tempPathFor(path);
  const hook = __testing.hook;
  const tail = trailerOf(__testing.corruptWrite ? corrupted(sealed, __testing.corruptWrite) : sealed);
  const written = new WrittenSoFar();
  let verifying: Promise<Buffer> | undefined;
  try {
    await writeNewFile(temp, tail.parts, {
      sync: true,
      onProgress: hook ? async (s) => hook(s, { path, temp }) : undefined,
      onWritten: (bytes) => {
        written.advance(bytes);
        if (!verifying) {
          verifying = readBackAndVerify(temp, sealed.length, keys, plaintext, tail.trailer, written);
          verifying.catch(() => undefined); // awaited below
        }
      },
      whileSyncing: async () => {
        await hook?.('temp-written', { path, temp });
        await verifying;
      },
    });
  } catch (e) {
    written.fail(e);
    await verifying?.catch(() => undefined); // its read handle is closed before we answer
    throw e;
  }
  try {
    await hook?.('verified', { path, temp });
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  return { temp, digest: await verifying!, size: sealed.length };
}

/** How far the writer has got; the read-back waits here for the bytes it wants to read. */
class WrittenSoFar {
  #bytes = 0;
  #failure: unknown;
  #waiting: { upTo: number; resolve: () => void; reject: (e: unknown) => void }[] = [];

  advance(bytes: number): void {
    this.#bytes = Math.max(this.#bytes, bytes);
    this.#waiting = this.#waiting.filter((w) => (w.upTo <= this.#bytes ? (w.resolve(), false) : true));
  }

  fail(e: unknown): void {
    this.#failure = e ?? new Error('The write failed.');
    for (const w of this.#waiting) w.reject(this.#failure);
    this.#waiting = [];
  }

  reached(upTo: number): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (upTo <= this.#bytes) return Promise.resolve();
    return new Promise((resolve, reject) => this.#waiting.push({ upTo, resolve, reject }));
  }
}

/** For fault-injection tests: the bytes handed to the disk differ from what was sealed (a bad write). */
function corrupted(sealed: Parts, corrupt: (position: number, part: Buffer) => Buffer): Parts {
  async function* parts(): AsyncGenerator<Buffer, void, void> {
    let position = 0;
    for await (const part of sealed.parts) {
      yield corrupt(position, part);
      position += part.length;
    }
  }
  return { length: sealed.length, parts: parts() };
}

/** The same parts, remembering the last HASH_BYTES bytes handed to the writer: the whole-file hash as written. */
function trailerOf(sealed: Parts): { parts: Parts; trailer: () => Buffer } {
  let tail: Buffer = Buffer.alloc(0);
  async function* parts(): AsyncGenerator<Buffer, void, void> {
    for await (const part of sealed.parts) {
      tail = part.length >= HASH_BYTES ? part.subarray(part.length - HASH_BYTES) : Buffer.concat([tail, part]).subarray(-HASH_BYTES);
      yield part;
    }
  }
  return { parts: { length: sealed.length, parts: parts() }, trailer: () => Buffer.from(tail) };
}

/** Reads the written file back through its own handle and verifies it (format.ts). */
async function readBackAndVerify(
  temp: string,
  length: number,
  keys: VaultKeys,
  plaintext: Uint8Array,
  writtenDigest: () => Buffer,
  written: WrittenSoFar,
): Promise<Buffer> {
  const fh = await open(temp, 'r');
  try {
    return await verifySealedStream(
      length,
      async (position, target) => {
        await written.reached(position + target.length);
        let got = 0;
        while (got < target.length) {
          const { bytesRead } = await fh.read(target, got, target.length - got, position + got);
          if (bytesRead === 0) throw new Error(`The written file ends early, at byte ${position + got}.`);
          got += bytesRead;
        }
      },
      keys,
      plaintext,
      writtenDigest,
    );
  } finally {
    await fh.close();
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
