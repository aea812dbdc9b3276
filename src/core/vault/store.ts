import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { KansliError, isKansliError } from '../../shared/result';
import {
  changePassphrase,
  checkIntegrity,
  replaceRecoveryKey,
  resealParts,
  resetPassphrase,
  sealNew,
  unseal,
  verifySealedStream,
  wipeKeys,
  type Secret,
  type VaultKeys,
} from './format';
import type { KdfParams } from './kdf';
import { generateRecoveryKey } from './recovery-key';

/*
 * The register on disk. Saving never loses the last good file: the new bytes go to a temp file
 * beside the register, are written completely (byte counts checked), fsynced, size-checked, read
 * back and decrypted; only then is the register on disk compared with the one we last read or
 * wrote, copied into the backup folder, and replaced by a rename. Any failure leaves the old file.
 */

const EXT = '.kansli';
const TEMP_EXT = '.kansli-tmp';
const KEEP_LATEST = 10;
const KEEP_DAYS = 30;
/** A lock file that cannot be read is someone's lock being written, unless it is older than this. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

export type SaveStep = 'temp-opened' | 'temp-partial' | 'temp-written' | 'verified' | 'backed-up' | 'renamed';

/** For tests only: a hook called at each step of the save pipeline (fault injection, kill points). */
export const __testing: { hook?: (step: SaveStep, info: { path: string; temp: string }) => void | Promise<void> } = {};

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errno = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

function stemOf(path: string): string {
  const name = basename(path);
  return name.toLowerCase().endsWith(EXT) ? name.slice(0, -EXT.length) : name;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Creates `path` exclusively (mode 0600) and writes every part, looping until each byte is
 * accepted: a short write (file-size limit, full disk) surfaces as an error, never as success.
 * Then fsync (optional) and a size check. A partly written file is removed.
 */
async function writeNewFile(
  path: string,
  data: { length: number; parts: Iterable<Buffer> },
  opts: { sync: boolean; hook?: (s: SaveStep) => Promise<void> },
): Promise<void> {
  const fh = await open(path, 'wx', 0o600);
  try {
    await opts.hook?.('temp-opened');
    let pos = 0;
    let halfway = false;
    for (const part of data.parts) {
      let off = 0;
      while (off < part.length) {
        const { bytesWritten } = await fh.write(part, off, part.length - off, pos);
        if (bytesWritten <= 0) throw new Error(`Nothing could be written at byte ${pos} of ${data.length}.`);
        off += bytesWritten;
        pos += bytesWritten;
      }
      if (!halfway && pos * 2 >= data.length && pos < data.length) {
        halfway = true;
        await opts.hook?.('temp-partial');
      }
    }
    if (pos !== data.length) throw new Error(`${pos} bytes were produced, ${data.length} expected.`);
    if (opts.sync) await fh.sync();
    const { size } = await fh.stat();
    if (size !== data.length) throw new Error(`The file on disk has ${size} bytes, ${data.length} were written.`);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw e;
  }
  await fh.close();
}

const whole = (b: Buffer) => ({ length: b.length, parts: [b] });

/** SHA-256 of a file, read through one reused buffer (no 40 MB allocation). */
async function hashFile(path: string): Promise<{ size: number; ino: number; body: Buffer; trailer: Buffer }> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    const size = st.size;
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(Math.min(4 * 1024 * 1024, Math.max(size, 1)));
    const trailer = Buffer.alloc(32);
    const bodyEnd = Math.max(0, size - 32);
    let pos = 0;
    while (pos < size) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      if (pos < bodyEnd) h.update(chunk.subarray(0, Math.min(bytesRead, bodyEnd - pos)));
      if (pos + bytesRead > bodyEnd) {
        const from = Math.max(0, bodyEnd - pos);
        chunk.copy(trailer, pos + from - bodyEnd, from);
      }
      pos += bytesRead;
    }
    if (pos !== size) throw new Error(`${path} changed while being read.`);
    return { size, ino: st.ino, body: h.digest(), trailer };
  } finally {
    await fh.close();
  }
}

/** Makes a rename durable. Not possible everywhere (Windows cannot open a folder): best effort. */
async function fsyncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* best effort */
  }
}

/** Windows: an antivirus or indexer briefly holding the file makes rename fail with EPERM/EBUSY. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  const retryable = new Set(['EPERM', 'EBUSY', ...(process.platform === 'win32' ? ['EACCES'] : [])]);
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (e) {
      if (attempt >= 5 || !retryable.has(errno(e) ?? '')) throw e;
      await sleep(40 * 2 ** attempt);
    }
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
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV' || code === 'EOPNOTSUPP') {
      if (await exists(path)) throw new KansliError('file-exists', `${path} already exists.`);
      await renameWithRetry(temp, path);
    } else {
      throw e;
    }
  }
  await fsyncDir(dirname(path));
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_EXT}`);
}

/** Temp files left by a save that was killed. Only the lock holder writes them, so any found are stale. */
async function removeStaleTemps(path: string): Promise<string[]> {
  const prefix = `.${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(prefix) && n.endsWith(TEMP_EXT)).map((n) => join(dirname(path), n));
  await Promise.all(stale.map((p) => unlink(p).catch(() => undefined)));
  return stale;
}

function saveFailed(e: unknown, step: string): KansliError {
  if (isKansliError(e)) {
    if (e.code === 'file-damaged') return new KansliError('save-failed', `The written file did not verify: ${e.message}`, { step });
    return e;
  }
  return new KansliError('save-failed', (e as Error).message, { step, errno: errno(e) });
}

// ---------------------------------------------------------------- lock file

interface LockInfo {
  host: string;
  pid: number;
  since: string;
  token: string;
}

/** Locks held by RegisterFile objects in this process (a second open in the same process is refused too). */
const heldLocks = new Map<string, string>();

const lockPathOf = (path: string) => `${path}.lock`;

async function readLock(lockPath: string): Promise<{ info?: LockInfo; mtimeMs: number } | undefined> {
  try {
    const [text, st] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    try {
      const info = JSON.parse(text) as LockInfo;
      if (typeof info.host === 'string' && Number.isInteger(info.pid) && typeof info.since === 'string') return { info, mtimeMs: st.mtimeMs };
    } catch {
      /* unreadable */
    }
    return { mtimeMs: st.mtimeMs };
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined;
    throw e;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

function isStale(lockPath: string, found: { info?: LockInfo; mtimeMs: number }, hosts: string[]): boolean {
  const l = found.info;
  if (!l) return Date.now() - found.mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  if (!hosts.includes(l.host)) return false; // another computer: its pid means nothing here
  if (l.pid === process.pid) return heldLocks.get(lockPath) !== l.token;
  return !pidAlive(l.pid);
}

async function acquireLock(path: string, host: string, force: boolean): Promise<string> {
  const lockPath = lockPathOf(path);
  const info: LockInfo = { host, pid: process.pid, since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const body = Buffer.from(JSON.stringify(info), 'utf8');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeNewFile(lockPath, whole(body), { sync: false });
      heldLocks.set(lockPath, info.token);
      return info.token;
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw e;
    }
    const found = await readLock(lockPath);
    if (!found) continue; // released meanwhile
    if (!force && !isStale(lockPath, found, [hostname(), host])) {
      const l = found.info;
      throw new KansliError('locked-by-other', 'The register is open somewhere else.', {
        host: l?.host ?? null,
        pid: l?.pid ?? null,
        since: l?.since ?? null,
      });
    }
    // Take it over: write a fresh lock beside it and rename over, then check we are the holder.
    const temp = `${lockPath}.${info.token}.tmp`;
    await writeNewFile(temp, whole(body), { sync: false }); // a read-only folder fails here, as it should
    await renameWithRetry(temp, lockPath).catch(() => unlink(temp).catch(() => undefined));
    const now = await readLock(lockPath);
    if (now?.info?.token === info.token) {
      heldLocks.set(lockPath, info.token);
      return info.token;
    }
  }
  throw new KansliError('locked-by-other', 'The register is being opened somewhere else at the same time.', {
    host: null,
    pid: null,
    since: null,
  });
}

async function releaseLock(path: string, token: string): Promise<void> {
  const lockPath = lockPathOf(path);
  if (heldLocks.get(lockPath) === token) heldLocks.delete(lockPath);
  const found = await readLock(lockPath).catch(() => undefined);
  if (found?.info?.token === token) await unlink(lockPath).catch(() => undefined);
}

/**
 * Before writing: is the lock still ours? Another computer may have taken it over with force
 * ('locked-by-other'). A lock that vanished (deleted by hand or by a sync tool) or went stale
 * (e.g. we opened from read-only media) is taken again. Returns the token now held.
 */
async function ensureLock(path: string, token: string, host: string): Promise<string> {
  const lockPath = lockPathOf(path);
  const found = await readLock(lockPath).catch(() => undefined);
  if (token && found?.info?.token === token) return token;
  if (found && !isStale(lockPath, found, [hostname(), host])) {
    const l = found.info;
    throw new KansliError('locked-by-other', 'Someone else has taken over this register.', {
      host: l?.host ?? null,
      pid: l?.pid ?? null,
      since: l?.since ?? null,
    });
  }
  if (token && heldLocks.get(lockPath) === token) heldLocks.delete(lockPath);
  return acquireLock(path, host, true);
}

// ---------------------------------------------------------------- backups

export function backupDir(path: string): string {
  return join(dirname(resolve(path)), `${stemOf(path)}.kansli-backups`);
}

/** "2026-11-23T19-05-00-123Z": sorts by time, and is a valid file name everywhere. */
function stampOf(d: Date): string {
  return d.toISOString().replace(/:/g, '-').replace('.', '-');
}

const STAMP_RE = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/;

interface BackupEntry {
  path: string;
  savedAt: Date;
  size: number;
  status: 'verified' | 'damaged' | 'other' | 'unreadable';
}

/** Rotation verifies each backup once per process (keyed by size and times), not on every save. */
const verifiedCache = new Map<string, string>();
const cacheKey = (st: { size: number; mtimeMs: number; ino: number }) => `${st.size}:${st.mtimeMs}:${st.ino}`;

async function backupStatus(path: string, useCache: boolean): Promise<{ size: number; status: BackupEntry['status'] }> {
  let st;
  try {
    st = await stat(path);
  } catch {
    return { size: 0, status: 'unreadable' };
  }
  const key = cacheKey(st);
  if (useCache && verifiedCache.get(path) === key) return { size: st.size, status: 'verified' };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return { size: st.size, status: 'unreadable' };
  }
  try {
    checkIntegrity(bytes);
    verifiedCache.set(path, key);
    return { size: st.size, status: 'verified' };
  } catch (e) {
    verifiedCache.delete(path);
    // A backup from a newer Kansli is not ours to judge (or delete).
    return { size: st.size, status: isKansliError(e) && e.code === 'newer-version' ? 'other' : 'damaged' };
  }
}

async function scanBackups(path: string, useCache: boolean): Promise<BackupEntry[]> {
  const dir = backupDir(path);
  const prefix = `${stemOf(path)} `;
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.toLowerCase().endsWith(EXT)) continue;
    const m = STAMP_RE.exec(name.slice(prefix.length, -EXT.length));
    if (!m) continue;
    const savedAt = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    if (Number.isNaN(savedAt.getTime())) continue;
    const p = join(dir, name);
    entries.push({ path: p, savedAt, ...(await backupStatus(p, useCache)) });
  }
  return entries.sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime() || (a.path < b.path ? 1 : -1));
}

const localDay = (d: Date) => Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);

/**
 * Which verified backups to keep: the `latest` newest, plus the newest of each local calendar
 * day for the last `days` days (today included). Input newest first.
 */
export function backupsToKeep<T extends { savedAt: Date }>(verified: T[], now: Date, latest = KEEP_LATEST, days = KEEP_DAYS): Set<T> {
  const keep = new Set(verified.slice(0, latest));
  const today = localDay(now);
  const seen = new Set<number>();
  for (const b of verified) {
    const day = localDay(b.savedAt);
    const age = today - day;
    if (age >= 0 && age < days && !seen.has(day)) {
      seen.add(day);
      keep.add(b);
    }
  }
  return keep;
}

const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Keeps the current (known good) register as a backup, then prunes. The backup is a hard link to
 * the current file: the save replaces the register by a rename, so the old bytes stay, untouched,
 * under the backup name, with no 40 MB copy. Where hard links are not possible (FAT, exFAT, some
 * network drives) the file is copied and the copy hashed.
 */
async function backupAndRotate(path: string, current: { ino: number; digest: Buffer }, now: Date): Promise<void> {
  const dir = backupDir(path);
  // Not recursive: the register's folder exists, and recursive mkdir reports ENOSPC as ENOENT.
  await mkdir(dir, { mode: 0o700 }).catch((e) => {
    if (errno(e) !== 'EEXIST') throw e;
  });
  const savedAt = await stat(path).then(
    (s) => s.mtime,
    () => now,
  );
  let done = false;
  for (const at of [savedAt, now]) {
    const target = join(dir, `${stemOf(path)} ${stampOf(at)}${EXT}`);
    let linked = false;
    try {
      await link(path, target);
      linked = true;
    } catch (e) {
      const code = errno(e) ?? '';
      if (code === 'EEXIST') {
        // Already kept (an earlier save failed after this step)? Then nothing to do.
        const h = await hashFile(target).catch(() => undefined);
        if (!h || !h.body.equals(current.digest) || !h.trailer.equals(current.digest)) continue;
      } else if (NO_HARD_LINKS.has(code)) {
        await copyFile(path, target, fsConstants.COPYFILE_EXCL);
        const h = await hashFile(target).catch(() => undefined);
        if (!h || !h.body.equals(current.digest) || !h.trailer.equals(current.digest)) {
          await unlink(target).catch(() => undefined);
          throw new Error('The backup copy does not match the register.', { cause: e });
        }
      } else {
        throw e;
      }
    }
    const st = await stat(target);
    if (linked && st.ino !== current.ino) {
      // The register was swapped between the check and the link: not the file we checked.
      await unlink(target).catch(() => undefined);
      throw new KansliError('changed-on-disk', 'The register file was replaced by someone else during the save.', { reason: 'changed' });
    }
    verifiedCache.set(target, cacheKey(st));
    done = true;
    break;
  }
  if (!done) throw new Error('Could not find a free name for the backup copy.');

  const entries = await scanBackups(path, true);
  const keep = backupsToKeep(
    entries.filter((e) => e.status === 'verified'),
    now,
  );
  for (const e of entries) {
    if ((e.status === 'verified' && !keep.has(e)) || e.status === 'damaged') await unlink(e.path).catch(() => undefined);
  }
}

/** Newest first. `verified`: the whole-file hash checks out (no passphrase needed). */
export async function listBackups(path: string): Promise<{ path: string; savedAt: string; size: number; verified: boolean }[]> {
  const entries = await scanBackups(resolve(path), false);
  return entries.map((e) => ({ path: e.path, savedAt: e.savedAt.toISOString(), size: e.size, verified: e.status === 'verified' }));
}

// ---------------------------------------------------------------- sync-conflict copies

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

// ---------------------------------------------------------------- the register file

async function readRegister(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') throw new KansliError('not-found', `${path} does not exist.`);
    if (errno(e) === 'EISDIR') throw new KansliError('not-a-register', `${path} is a folder.`);
    throw new KansliError('io', (e as Error).message, { errno: errno(e) });
  }
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
    if (await exists(full)) throw new KansliError('file-exists', `${full} already exists.`);
    const host = opts.host ?? hostname();
    const token = await acquireLock(full, host, false).catch((e) => {
      throw saveFailed(e, 'lock');
    });
    try {
      const { bytes, keys } = await sealNew(plaintext, opts);
      const { temp } = await writeVerified(full, whole(bytes), keys, plaintext);
      try {
        await placeNew(temp, full);
      } catch (e) {
        await unlink(temp).catch(() => undefined);
        throw e;
      }
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
        const written = await writeVerified(path, resealParts(plaintext, keys), keys, plaintext);
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
      h = await hashFile(path);
    } catch (e) {
      if (errno(e) === 'ENOENT') {
        throw new KansliError('changed-on-disk', 'The register file has been moved or deleted since it was opened.', { reason: 'missing' });
      }
      throw e;
    }
    if (h.size !== this.#size || !h.trailer.equals(this.#digest) || !h.body.equals(this.#digest)) {
      throw new KansliError('changed-on-disk', 'The register file has been changed by someone else since it was opened.', {
        reason: 'changed',
      });
    }
    return { ino: h.ino, digest: this.#digest };
  }

  saveAsCopy(path: string, plaintext: Uint8Array): Promise<void> {
    return this.#serial(async () => {
      this.#assertOpen();
      const full = resolve(path);
      if (full === this.#path) throw new KansliError('file-exists', `${full} is this register.`);
      if (await exists(full)) throw new KansliError('file-exists', `${full} already exists.`);
      const token = await acquireLock(full, this.#host, false).catch((e) => {
        throw saveFailed(e, 'lock');
      });
      let written;
      try {
        written = await writeVerified(full, resealParts(plaintext, this.#keys), this.#keys, plaintext);
        try {
          await placeNew(written.temp, full);
        } catch (e) {
          await unlink(written.temp).catch(() => undefined);
          throw e;
        }
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

/**
 * Temp file beside the register → every byte written → fsync → size → read back → every check
 * of the format, each chunk decrypted and compared with `plaintext`. Returns the verified temp file.
 */
async function writeVerified(
  path: string,
  sealed: { length: number; parts: Iterable<Buffer> },
  keys: VaultKeys,
  plaintext: Uint8Array,
): Promise<{ temp: string; digest: Buffer; size: number }> {
  const temp = tempPathFor(path);
  const hook = __testing.hook;
  await writeNewFile(temp, sealed, { sync: true, hook: hook ? async (s) => hook(s, { path, temp }) : undefined });
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
