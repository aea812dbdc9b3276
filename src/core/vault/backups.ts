import { constants as fsConstants } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { KansliError, isKansliError } from '../../shared/result';
import { fileHasDigest } from './file-hash';
import { errno, NO_HARD_LINKS } from './file-system';
import { checkIntegrity } from './format';
import { EXT, stemOf } from './register-name';

/*
 * "<stem>.kansli-backups/<stem> <time>.kansli" beside the register: each save first keeps the file
 * it replaces. Kept: the newest 10, plus the newest of each day for 30 days; damaged ones go.
 */

const KEEP_LATEST = 10;
const KEEP_DAYS = 30;

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

/** Newest first; files in the folder that are not named like a backup of this register are ignored. */
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

/**
 * Keeps the current (known good) register as a backup, then prunes. The backup is a hard link to
 * the current file: the save replaces the register by a rename, so the old bytes stay, untouched,
 * under the backup name, with no 40 MB copy. Where hard links are not possible (FAT, exFAT, some
 * network drives) the file is copied and the copy hashed.
 */
export async function backupAndRotate(path: string, current: { ino: number; digest: Buffer }, now: Date): Promise<void> {
  await keepAsBackup(path, current, now);
  await rotate(path, now);
}

async function keepAsBackup(path: string, current: { ino: number; digest: Buffer }, now: Date): Promise<void> {
  const dir = backupDir(path);
  // Not recursive: the register's folder exists, and recursive mkdir reports ENOSPC as ENOENT.
  await mkdir(dir, { mode: 0o700 }).catch((e) => {
    if (errno(e) !== 'EEXIST') throw e;
  });
  const savedAt = await stat(path).then(
    (s) => s.mtime,
    () => now,
  );
  // Named after when the register was last written; if that name is taken by another file, after now.
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
        if (!(await fileHasDigest(target, current.digest))) continue;
      } else if (NO_HARD_LINKS.has(code) || code === 'EMLINK') {
        // EMLINK: the register already has as many links as the file system allows; copy instead.
        await copyFile(path, target, fsConstants.COPYFILE_EXCL);
        if (!(await fileHasDigest(target, current.digest))) {
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
    return;
  }
  throw new Error('Could not find a free name for the backup copy.');
}

/** Deletes damaged backups and verified ones backupsToKeep does not keep; others' files stay. */
async function rotate(path: string, now: Date): Promise<void> {
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
