import { randomBytes } from 'node:crypto';
import { readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { KansliError } from '../../shared/result';
import { errno, renameWithRetry, whole, writeNewFile } from './file-system';

/*
 * "<register>.lock": one open register at a time, across processes and computers (a register in
 * a shared or synced folder). Created exclusively; a lock whose owner is gone is taken over.
 */

/** A lock file that cannot be read is someone's lock being written, unless it is older than this. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

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

/** The details tell the user who holds the register (null where the lock does not say). */
function lockedByOther(message: string, holder?: LockInfo): KansliError {
  return new KansliError('locked-by-other', message, {
    host: holder?.host ?? null,
    pid: holder?.pid ?? null,
    since: holder?.since ?? null,
  });
}

/** Takes the lock for `path` (or, with `force`, takes it over from whoever holds it). Returns our token. */
export async function acquireLock(path: string, host: string, force: boolean): Promise<string> {
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
      throw lockedByOther('The register is open somewhere else.', found.info);
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
  throw lockedByOther('The register is being opened somewhere else at the same time.');
}

/** Removes the lock file only if it is still ours: a lock taken over by someone else stays. */
export async function releaseLock(path: string, token: string): Promise<void> {
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
export async function ensureLock(path: string, token: string, host: string): Promise<string> {
  const lockPath = lockPathOf(path);
  const found = await readLock(lockPath).catch(() => undefined);
  if (token && found?.info?.token === token) return token;
  if (found && !isStale(lockPath, found, [hostname(), host])) {
    throw lockedByOther('Someone else has taken over this register.', found.info);
  }
  if (token && heldLocks.get(lockPath) === token) heldLocks.delete(lockPath);
  return acquireLock(path, host, true);
}
