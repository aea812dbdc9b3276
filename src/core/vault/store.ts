import { readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { KansliError, isKansliError } from '../../shared/result';
import { backupAndRotate } from './backups';
import { fileTrailer } from './file-hash';
import { errno, exists, fsyncDir, renameWithRetry, whole } from './file-system';
import { checkIntegrity, resealStream, sealNew, unseal } from './format';
import type { KdfParams } from './kdf';
import { changePassphrase, replaceRecoveryKey, resetPassphrase, wipeKeys, type Secret, type VaultKeys } from './key-slots';
import { acquireLock, ensureLock, releaseLock } from './lock-file';
import { generateRecoveryKey } from './recovery-key';
import { __testing, removeStaleTemps, writeNewRegister, writeVerified } from './save-pipeline';

/*
 * The register on disk. Saving never loses the last good file: the new bytes go to a temp file
 * beside the register, are written completely (byte counts checked), fsynced, size-checked, read
 * back and decrypted; only then is the register on disk compared with the one we last read or
 * wrote, copied into the backup folder, and replaced by a rename. Any failure leaves the old file.
 * The pieces: lock-file.ts, save-pipeline.ts, backups.ts; this class puts them in order.
 */

/** Codes with which creating the lock file says the folder cannot be written to. */
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

/** Every failure while writing is 'save-failed' with the step it failed at, except our own KansliErrors. */
function saveFailed(e: unknown, step: string): KansliError {
  if (isKansliError(e)) {
    if (e.code === 'file-damaged') return new KansliError('save-failed', `The written file did not verify: ${e.message}`, { step });
    return e;
  }
  return new KansliError('save-failed', (e as Error).message, { step, errno: errno(e) });
}

async function readRegister(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') throw new KansliError('not-found', `${path} does not exist.`);
    if (errno(e) === 'EISDIR') throw new KansliError('not-a-register', `${path} is a folder.`);
    throw new KansliError('io', (e as Error).message, { errno: errno(e) });
  }
}

/** Before writing a new register at `full`: it must not exist, and we must hold its lock. Returns the token. */
async function lockNewPath(full: string, host: string): Promise<string> {
  if (await exists(full)) throw new KansliError('file-exists', `${full} already exists.`);
  return acquireLock(full, host, false).catch((e) => {
    throw saveFailed(e, 'lock');
  });
}

export class RegisterFile {
  #path: string;
  #keys: VaultKeys;
  /** Trailer (whole-file hash) and size of the file we last read or wrote at #path. */
  #digest: Buffer;
  #size: number;
  #token: string;
  #host: string;
  #closed = false;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(path: string, keys: VaultKeys, bytes: Buffer, token: string, host: string) {
    this.#path = path;
    this.#keys = keys;
    this.#digest = Buffer.from(bytes.subarray(bytes.length - 32));
    this.#size = bytes.length;
    this.#token = token;
    this.#host = host;
  }

  get path(): string {
    return this.#path;
  }

  /** How this register was unlocked; after 'recovery', resetPassphrase() sets a new passphrase. */
  get unlockedBy(): VaultKeys['unlockedBy'] {
    return this.#keys.unlockedBy;
  }

  static async create(
    path: string,
    plaintext: Uint8Array,
    opts: { passphrase: string; recoveryKey: string; kdf?: KdfParams; host?: string },
  ): Promise<RegisterFile> {
    const full = resolve(path);
    const host = opts.host ?? hostname();
    const token = await lockNewPath(full, host);
    try {
      const { bytes, keys } = await sealNew(plaintext, opts);
      await writeNewRegister(full, whole(bytes), keys, plaintext);
      return new RegisterFile(full, keys, bytes, token, host);
    } catch (e) {
      await releaseLock(full, token);
      throw saveFailed(e, 'create');
    }
  }

  static async open(path: string, secret: Secret, opts: { force?: boolean } = {}): Promise<{ file: RegisterFile; plaintext: Buffer }> {
    const full = resolve(path);
    const bytes = await readRegister(full);
    checkIntegrity(bytes); // damage is reported before the lock and before any passphrase work
    const host = hostname();
    let token = '';
    try {
      token = await acquireLock(full, host, opts.force ?? false);
    } catch (e) {
      if (isKansliError(e)) throw e;
      // A register on read-only media (a locked USB stick, a read-only share) can still be read;
      // without a lock it cannot be saved there either, and saving says so.
      if (!READ_ONLY.has(errno(e) ?? '')) throw new KansliError('io', `Cannot create the lock file: ${(e as Error).message}`);
    }
    try {
      await removeStaleTemps(full);
      const { plaintext, keys } = await unseal(bytes, secret);
      return { file: new RegisterFile(full, keys, bytes, token, host), plaintext };
    } catch (e) {
      await releaseLock(full, token);
      throw e;
    }
  }

  /** One operation at a time per register: a save must not interleave with another or with close. */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #assertOpen() {
    if (this.#closed) throw new KansliError('not-open', 'The register has been closed.');
  }

  save(plaintext: Uint8Array): Promise<void> {
    return this.#serial(async () => {
      this.#assertOpen();
      const path = this.#path;
      const keys = this.#keys;
      let temp: string | undefined;
      let step = 'lock';
      try {
        this.#token = await ensureLock(path, this.#token, this.#host);
        step = 'write';
        const written = await writeVerified(path, resealStream(plaintext, keys), keys, plaintext);
        temp = written.temp;
        step = 'compare';
        const current = await this.#unchangedOnDisk(path);
        step = 'backup';
        await backupAndRotate(path, current, new Date());
        await __testing.hook?.('backed-up', { path, temp });
        step = 'rename';
        await renameWithRetry(temp, path);
        temp = undefined;
        this.#digest = written.digest;
        this.#size = written.size;
      } catch (e) {
        if (temp) await unlink(temp).catch(() => undefined);
        throw saveFailed(e, step);
      }
      await __testing.hook?.('renamed', { path, temp: '' });
      await fsyncDir(dirname(path));
    });
  }

  /** Is the register on disk still exactly the one we last read or wrote? Else 'changed-on-disk'. */
  async #unchangedOnDisk(path: string): Promise<{ ino: number; digest: Buffer }> {
    let h;
    try {
      // The trailer, not a hash of the whole file: at 100,000 members that read costs 100 ms a save.
      h = await fileTrailer(path);
    } catch (e) {
      if (errno(e) === 'ENOENT') {
        throw new KansliError('changed-on-disk', 'The register file has been moved or deleted since it was opened.', { reason: 'missing' });
      }
      throw e;
    }
    if (h.size !== this.#size || !h.trailer.equals(this.#digest)) {
      throw new KansliError('changed-on-disk', 'The register file has been changed by someone else since it was opened.', {
        reason: 'changed',
      });
    }
    return { ino: h.ino, digest: this.#digest };
  }

  /** Writes to a new file at `path` and continues there (lock moved); the old file stays as it was. */
  saveAsCopy(path: string, plaintext: Uint8Array): Promise<void> {
    return this.#serial(async () => {
      this.#assertOpen();
      const full = resolve(path);
      if (full === this.#path) throw new KansliError('file-exists', `${full} is this register.`);
      const token = await lockNewPath(full, this.#host);
      let written;
      try {
        written = await writeNewRegister(full, resealStream(plaintext, this.#keys), this.#keys, plaintext);
      } catch (e) {
        await releaseLock(full, token);
        throw saveFailed(e, 'save-as-copy');
      }
      await releaseLock(this.#path, this.#token);
      this.#path = full;
      this.#token = token;
      this.#digest = written.digest;
      this.#size = written.size;
    });
  }

  changePassphrase(current: string, next: string): Promise<void> {
    return this.#serial(async () => {
      this.#assertOpen();
      this.#keys = await changePassphrase(this.#keys, current, next);
    });
  }

  /** Only after opening with the recovery key: sets a new passphrase without the old one. */
  resetPassphrase(next: string): Promise<void> {
    return this.#serial(async () => {
      this.#assertOpen();
      this.#keys = await resetPassphrase(this.#keys, next);
    });
  }

  renewRecoveryKey(): string {
    this.#assertOpen();
    const key = generateRecoveryKey();
    this.#keys = replaceRecoveryKey(this.#keys, key);
    return key;
  }

  close(): Promise<void> {
    return this.#serial(async () => {
      if (this.#closed) return;
      this.#closed = true;
      await releaseLock(this.#path, this.#token);
      wipeKeys(this.#keys);
    });
  }
}
