/** The register on disk: create, open, lock, save, save-as-copy, backups, conflict copies. Real files. */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KansliError } from '../../shared/result';
import { backupDir, checkIntegrity, conflictCopies, generateRecoveryKey, listBackups, RegisterFile, sealNew, unseal } from './index';
import { backupsToKeep } from './backups';
import { __testing } from './save-pipeline';

const KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
const PASS = 'hemligt lösenord';

let dir: string;
let open: RegisterFile[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kansli-store-'));
});
afterEach(async () => {
  __testing.hook = undefined;
  __testing.corruptWrite = undefined;
  for (const f of open) await f.close().catch(() => undefined);
  open = [];
  await rm(dir, { recursive: true, force: true });
});

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (e) => e,
  );
  if (e instanceof KansliError) return e.code;
  throw e ?? new Error('expected a KansliError, nothing was thrown');
}
async function create(name = 'Föreningen.kansli', plaintext: Uint8Array = Buffer.from('version 1')) {
  const recoveryKey = generateRecoveryKey();
  const path = join(dir, name);
  const file = await RegisterFile.create(path, plaintext, { passphrase: PASS, recoveryKey, kdf: KDF });
  open.push(file);
  return { file, path, recoveryKey };
}
async function reopen(path: string) {
  const r = await RegisterFile.open(path, { passphrase: PASS });
  open.push(r.file);
  return r;
}
const readText = async (path: string) => (await unseal(await readFile(path), { passphrase: PASS })).plaintext.toString();
/** A pid that certainly belonged to a process on this host and is now gone. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('create and open', () => {
  it('creates the file with mode 0600 and a lock {host, pid, since}; opens it again after close', async () => {
    const { file, path } = await create();
    expect(file.path).toBe(path);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    const lock = JSON.parse(await readFile(`${path}.lock`, 'utf8'));
    expect(lock).toMatchObject({ host: hostname(), pid: process.pid });
    expect(Date.parse(lock.since)).toBeGreaterThan(Date.now() - 60_000);
    await file.close();
    await expect(stat(`${path}.lock`)).rejects.toThrow();
    const { plaintext } = await reopen(path);
    expect(plaintext.toString()).toBe('version 1');
  });

  it('refuses to create over an existing file (file-exists), leaving it alone', async () => {
    const path = join(dir, 'Föreningen.kansli');
    await writeFile(path, 'something precious');
    expect(await code(RegisterFile.create(path, Buffer.from('x'), { passphrase: PASS, recoveryKey: generateRecoveryKey(), kdf: KDF }))).toBe(
      'file-exists',
    );
    expect(await readFile(path, 'utf8')).toBe('something precious');
    expect(await readdir(dir)).toEqual(['Föreningen.kansli']);
  });

  it('a missing file is not-found; a damaged one is reported before taking the lock', async () => {
    expect(await code(RegisterFile.open(join(dir, 'nope.kansli'), { passphrase: PASS }))).toBe('not-found');
    const { file, path } = await create();
    await file.close();
    const b = await readFile(path);
    b[b.length - 100] ^= 1;
    await writeFile(path, b);
    expect(await code(RegisterFile.open(path, { passphrase: PASS }))).toBe('file-damaged');
    expect(await readdir(dir)).toEqual(['Föreningen.kansli']);
  });

  it('opens with the recovery key, and can then set a new passphrase', async () => {
    const { file, path, recoveryKey } = await create();
    await file.close();
    const r = await RegisterFile.open(path, { recoveryKey });
    open.push(r.file);
    expect(r.plaintext.toString()).toBe('version 1');
    expect(r.file.unlockedBy).toBe('recovery');
    await r.file.resetPassphrase('nytt lösenord');
    await r.file.save(r.plaintext);
    await r.file.close();
    expect(await code(RegisterFile.open(path, { passphrase: PASS }))).toBe('wrong-passphrase');
    expect(await code(RegisterFile.open(path, { recoveryKey: generateRecoveryKey() }))).toBe('wrong-recovery-key');
    const again = await RegisterFile.open(path, { passphrase: 'nytt lösenord' });
    open.push(again.file);
  });

  it('a failed open (wrong passphrase) releases the lock it took', async () => {
    const { file, path } = await create();
    await file.close();
    expect(await code(RegisterFile.open(path, { passphrase: 'fel' }))).toBe('wrong-passphrase');
    await expect(stat(`${path}.lock`)).rejects.toThrow();
  });
});

describe('the lock file', () => {
  it('a second open while the register is open → locked-by-other with {host, pid, since}', async () => {
    const { path } = await create();
    const err = await RegisterFile.open(path, { passphrase: PASS }).catch((e) => e);
    expect(err.code).toBe('locked-by-other');
    expect(err.details).toMatchObject({ host: hostname(), pid: process.pid });
    expect(typeof err.details.since).toBe('string');
  });

  it('a lock held on another computer is respected; force takes it over', async () => {
    const { file, path } = await create();
    await file.close();
    const theirs = { host: 'kassorens-laptop', pid: 4242, since: '2026-11-20T10:00:00.000Z' };
    await writeFile(`${path}.lock`, JSON.stringify(theirs));
    const err = await RegisterFile.open(path, { passphrase: PASS }).catch((e) => e);
    expect(err.code).toBe('locked-by-other');
    expect(err.details).toEqual(theirs);
    const r = await RegisterFile.open(path, { passphrase: PASS }, { force: true });
    open.push(r.file);
    expect(JSON.parse(await readFile(`${path}.lock`, 'utf8'))).toMatchObject({ host: hostname(), pid: process.pid });
  });

  it('a stale lock of this computer whose process is gone is taken over', async () => {
    const { file, path } = await create();
    await file.close();
    const pid = deadPid();
    await writeFile(`${path}.lock`, JSON.stringify({ host: hostname(), pid, since: new Date().toISOString() }));
    const r = await reopen(path);
    expect(r.plaintext.toString()).toBe('version 1');
    expect(JSON.parse(await readFile(`${path}.lock`, 'utf8')).pid).toBe(process.pid);
  });

  it('a live process of this computer keeps its lock', async () => {
    const { file, path } = await create();
    await file.close();
    await writeFile(`${path}.lock`, JSON.stringify({ host: hostname(), pid: process.ppid, since: new Date().toISOString() }));
    expect(await code(RegisterFile.open(path, { passphrase: PASS }))).toBe('locked-by-other');
  });

  it('a register whose lock was taken over elsewhere refuses to save (locked-by-other), file untouched', async () => {
    const { file, path } = await create();
    await writeFile(`${path}.lock`, JSON.stringify({ host: 'annan-dator', pid: 1, since: new Date().toISOString(), token: 'x' }));
    const before = await readFile(path);
    expect(await code(file.save(Buffer.from('version 2')))).toBe('locked-by-other');
    expect((await readFile(path)).equals(before)).toBe(true);
  });

  it('close releases only our own lock; save after close → not-open', async () => {
    const { file, path } = await create();
    await file.close();
    expect(await code(file.save(Buffer.from('x')))).toBe('not-open');
    await file.close(); // twice is fine
    await expect(stat(`${path}.lock`)).rejects.toThrow();
  });
});

describe('save', () => {
  it('replaces the register, keeps the previous version as a verified backup, leaves no temp file', async () => {
    const { file, path } = await create();
    await file.save(Buffer.from('version 2'));
    expect(await readText(path)).toBe('version 2');
    const names = await readdir(dir);
    expect(names.sort()).toEqual(['Föreningen.kansli', 'Föreningen.kansli-backups', 'Föreningen.kansli.lock']);
    const backups = await listBackups(path);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ verified: true });
    expect(basename(backups[0].path)).toMatch(/^Föreningen \d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.kansli$/);
    expect(backups[0].path.startsWith(backupDir(path))).toBe(true);
    expect(await readText(backups[0].path)).toBe('version 1');
    expect(backups[0].size).toBe((await stat(backups[0].path)).size);
    // The backup is a snapshot: later saves do not change it.
    await file.save(Buffer.from('version 3'));
    expect(await readText(backups[0].path)).toBe('version 1');
    const all = await listBackups(path);
    expect(all.map((b) => b.verified)).toEqual([true, true]);
    expect(await readText(all[0].path)).toBe('version 2'); // newest first
  });

  it('verifies what it wrote: a temp file that reads back wrong → save-failed, old file intact, temp removed', async () => {
    const { file, path } = await create();
    const before = await readFile(path);
    // A write that silently goes wrong: one bit differs between what was sealed and the disk.
    const size = (await readFile(path)).length;
    __testing.corruptWrite = (position, part) => {
      const i = (size >> 1) - position;
      if (i < 0 || i >= part.length) return part;
      const copy = Buffer.from(part);
      copy[i] ^= 1;
      return copy;
    };
    const err = await file.save(Buffer.from('version 2')).catch((e) => e);
    expect(err.code).toBe('save-failed');
    expect(err.message).toMatch(/damaged|checksum|contents/);
    expect((await readFile(path)).equals(before)).toBe(true);
    expect((await readdir(dir)).filter((n) => n.endsWith('.kansli-tmp'))).toEqual([]);
    __testing.corruptWrite = undefined;
    await file.save(Buffer.from('version 2')); // and the state is kept: the next save works
    expect(await readText(path)).toBe('version 2');
  });

  it('a register of many chunks (more than are sealed ahead) saves, reopens byte for byte, and a flipped byte in a late chunk fails the save', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024 + 12345);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) & 0xff;
    const { file, path } = await create('Stor.kansli', Buffer.from('small'));
    await file.save(big);
    const { plaintext } = await unseal(await readFile(path), { passphrase: PASS });
    expect(plaintext.equals(big)).toBe(true);
    const next = Buffer.concat([big, Buffer.from('more')]);
    // A bad write inside the seventh chunk, read back only after the first ones were checked.
    __testing.corruptWrite = (position, part) => {
      const at = next.length - 200_000 - position;
      if (at < 0 || at >= part.length) return part;
      const copy = Buffer.from(part);
      copy[at] ^= 1;
      return copy;
    };
    expect(await code(file.save(next))).toBe('save-failed');
    expect((await unseal(await readFile(path), { passphrase: PASS })).plaintext.equals(big)).toBe(true);
    expect((await readdir(dir)).filter((n) => n.endsWith('.kansli-tmp'))).toEqual([]);
  });

  it('a register edited in place without a new trailer is damaged: the save keeps it among the backups', async () => {
    const { file, path } = await create();
    const bytes = await readFile(path);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01; // same size, same stored hash: only its bytes differ
    await writeFile(path, bytes);
    await file.save(Buffer.from('version 2'));
    expect(await readText(path)).toBe('version 2');
    const kept = await Promise.all((await readdir(backupDir(path))).map((n) => readFile(join(backupDir(path), n))));
    expect(kept.some((b) => b.equals(bytes))).toBe(true);
  });

  it('18. a file changed by someone else since opening → changed-on-disk, never overwritten; save-as-copy works', async () => {
    const { file, path } = await create();
    // Someone else (another computer through a sync folder) saves their own register there.
    const theirs = await sealNew(Buffer.from('their version'), { passphrase: PASS, recoveryKey: generateRecoveryKey(), kdf: KDF });
    await writeFile(path, theirs.bytes);
    const err = await file.save(Buffer.from('my version')).catch((e) => e);
    expect(err.code).toBe('changed-on-disk');
    expect((await readFile(path)).equals(theirs.bytes)).toBe(true);
    expect((await readdir(dir)).filter((n) => n.endsWith('.kansli-tmp'))).toEqual([]);
    expect(await code(file.save(Buffer.from('my version')))).toBe('changed-on-disk'); // still refused

    const copy = join(dir, 'Föreningen (min kopia).kansli');
    await file.saveAsCopy(copy, Buffer.from('my version'));
    expect(file.path).toBe(copy);
    expect(await readText(copy)).toBe('my version');
    expect((await readFile(path)).equals(theirs.bytes)).toBe(true);
    // The lock moved with the register.
    await expect(stat(`${path}.lock`)).rejects.toThrow();
    expect(JSON.parse(await readFile(`${copy}.lock`, 'utf8')).pid).toBe(process.pid);
    await file.save(Buffer.from('my version 2'));
    expect(await readText(copy)).toBe('my version 2');
  });

  it('18b. a register deleted or moved away since opening → changed-on-disk (reason missing), nothing recreated', async () => {
    const { file, path } = await create();
    await rm(path);
    const err = await file.save(Buffer.from('v2')).catch((e) => e);
    expect(err.code).toBe('changed-on-disk');
    expect(err.details.reason).toBe('missing');
    await expect(stat(path)).rejects.toThrow();
  });

  it('a touched but unchanged file (same bytes, new mtime) is not a change', async () => {
    const { file, path } = await create();
    const past = new Date(Date.now() - 86_400_000);
    await utimes(path, past, past);
    await file.save(Buffer.from('v2'));
    expect(await readText(path)).toBe('v2');
  });

  it('saveAsCopy refuses to overwrite an existing file, and the register stays where it was', async () => {
    const { file, path } = await create();
    const other = join(dir, 'Annan.kansli');
    await writeFile(other, 'keep me');
    expect(await code(file.saveAsCopy(other, Buffer.from('x')))).toBe('file-exists');
    expect(await readFile(other, 'utf8')).toBe('keep me');
    expect(file.path).toBe(path);
    await file.save(Buffer.from('v2'));
    expect(await readText(path)).toBe('v2');
  });

  it('changePassphrase then save: old passphrase refused, new one and the recovery key open', async () => {
    const { file, path, recoveryKey } = await create();
    expect(await code(file.changePassphrase('fel', 'nytt'))).toBe('wrong-passphrase');
    await file.changePassphrase(PASS, 'nytt lösenord');
    await file.save(Buffer.from('v2'));
    const bytes = await readFile(path);
    expect(await code(unseal(bytes, { passphrase: PASS }))).toBe('wrong-passphrase');
    expect((await unseal(bytes, { passphrase: 'nytt lösenord' })).plaintext.toString()).toBe('v2');
    expect((await unseal(bytes, { recoveryKey })).plaintext.toString()).toBe('v2');
  });

  it('renewRecoveryKey then save: the new key opens, the old one no longer does', async () => {
    const { file, path, recoveryKey } = await create();
    const fresh = file.renewRecoveryKey();
    expect(fresh).not.toBe(recoveryKey);
    await file.save(Buffer.from('v2'));
    const bytes = await readFile(path);
    expect(await code(unseal(bytes, { recoveryKey }))).toBe('wrong-recovery-key');
    expect((await unseal(bytes, { recoveryKey: fresh })).plaintext.toString()).toBe('v2');
  });

  it('concurrent saves are serialised; the last one wins and every file on disk is whole', async () => {
    const { file, path } = await create();
    await Promise.all(Array.from({ length: 5 }, (_, i) => file.save(Buffer.from(`v${i + 2}`))));
    expect(await readText(path)).toBe('v6');
    for (const b of await listBackups(path)) expect(b.verified).toBe(true);
  });

  it('14. a read-only folder → save-failed with the OS message, old file intact, a later save works', async () => {
    // Real OS faults: as root a read-only mount (chmod does not stop root); otherwise chmod 0555.
    const ro = join(dir, 'ro');
    await mkdir(ro);
    const asRoot = process.getuid?.() === 0;
    let mode: 'mount' | 'chmod' | 'unavailable' = 'unavailable';
    if (asRoot) {
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', ro]).status === 0) mode = 'mount';
    } else if (process.platform !== 'win32') mode = 'chmod';
    if (mode === 'unavailable') {
      console.warn('14: neither a read-only mount nor chmod can make a folder read-only here; skipped');
      return;
    }
    try {
      const path = join(ro, 'Föreningen.kansli');
      const file = await RegisterFile.create(path, Buffer.from('v1'), { passphrase: PASS, recoveryKey: generateRecoveryKey(), kdf: KDF });
      open.push(file);
      const before = await readFile(path);
      if (mode === 'mount') expect(spawnSync('mount', ['-o', 'remount,ro', ro]).status).toBe(0);
      else spawnSync('chmod', ['0555', ro]);
      const err = await file.save(Buffer.from('v2')).catch((e) => e);
      expect(err.code).toBe('save-failed');
      expect(err.message).toMatch(mode === 'mount' ? /EROFS|read-only/i : /EACCES|permission/i);
      expect((await readFile(path)).equals(before)).toBe(true);
      // Read-only media can still be opened and read (without a lock), but not saved to.
      await file.close();
      const again = await RegisterFile.open(path, { passphrase: PASS });
      open.push(again.file);
      expect(again.plaintext.toString()).toBe('v1');
      expect(await code(again.file.save(Buffer.from('v2')))).toBe('save-failed');
      if (mode === 'mount') expect(spawnSync('mount', ['-o', 'remount,rw', ro]).status).toBe(0);
      else spawnSync('chmod', ['0755', ro]);
      // Writable again: the unsaved state is saved, and the lock is taken properly.
      await again.file.save(Buffer.from('v2'));
      expect(await readText(path)).toBe('v2');
      expect(JSON.parse(await readFile(`${path}.lock`, 'utf8')).pid).toBe(process.pid);
      await again.file.close();
      await expect(stat(`${path}.lock`)).rejects.toThrow();
    } finally {
      if (mode === 'mount') spawnSync('umount', ['-l', ro]);
      else spawnSync('chmod', ['0755', ro]);
    }
  });
});

describe('backups', () => {
  const stamp = (d: Date) => d.toISOString().replace(/:/g, '-').replace('.', '-');
  const localNoon = (daysAgo: number, now: Date, minutes = 0) =>
    new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, 12, minutes, 0, 0);

  it('backupsToKeep: the 10 newest plus the newest of each of the last 30 days', () => {
    const now = new Date(2026, 10, 23, 19, 5, 0);
    const b = (daysAgo: number, minutes = 0) => ({ savedAt: localNoon(daysAgo, now, minutes), id: `${daysAgo}/${minutes}` });
    const all = [
      ...Array.from({ length: 15 }, (_, i) => b(0, 45 - i)), // 15 today, 12:45 .. 12:31
      ...Array.from({ length: 3 }, (_, i) => b(1, 10 - i)), // 3 yesterday
      ...Array.from({ length: 38 }, (_, i) => b(i + 2)), // one a day, 2..39 days ago
    ];
    const kept = [...backupsToKeep(all, now)].map((x) => x.id).sort();
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => `0/${45 - i}`),
      '1/10',
      ...Array.from({ length: 28 }, (_, i) => `${i + 2}/0`), // days 2..29
    ].sort();
    expect(kept).toEqual(expected);
  });

  it('28. rotation on save keeps exactly the intended verified copies; damaged copies neither count nor stay', async () => {
    const { file, path } = await create();
    const good = await readFile(path);
    const bdir = backupDir(path);
    await mkdir(bdir, { recursive: true });
    const now = new Date();
    const put = async (d: Date, bytes: Buffer) => {
      const p = join(bdir, `Föreningen ${stamp(d)}.kansli`);
      await writeFile(p, bytes);
      return basename(p);
    };
    // 12 verified copies from yesterday morning, one a day for days 2..40 ago, and two damaged copies
    // that would otherwise be among the newest.
    const yesterday = await Promise.all(Array.from({ length: 12 }, (_, i) => put(new Date(localNoon(1, now).getTime() - (60 - i) * 60_000), good)));
    const daily = await Promise.all(Array.from({ length: 39 }, (_, i) => put(localNoon(i + 2, now), good)));
    const broken = Buffer.from(good);
    broken[broken.length - 40] ^= 1;
    const damagedNames = await Promise.all([put(new Date(localNoon(1, now).getTime() + 3_600_000), broken), put(localNoon(3, now, 30), broken)]);
    // Not ours: left alone whatever they are.
    await writeFile(join(bdir, 'anteckningar.txt'), 'hej');
    await writeFile(join(bdir, 'Föreningen kopia.kansli'), broken);

    await file.save(Buffer.from('version 2'));

    const names = (await readdir(bdir)).sort();
    const fresh = names.filter((n) => ![...yesterday, ...daily, ...damagedNames, 'anteckningar.txt', 'Föreningen kopia.kansli'].includes(n));
    expect(fresh).toHaveLength(1); // the copy of the register as it was before this save
    const expected = [
      ...fresh,
      ...yesterday.slice(-9), // the 10 newest: the fresh one and yesterday's 9 latest
      ...daily.slice(0, 28), // one a day: days 2..29 (today and yesterday are already in)
      'anteckningar.txt',
      'Föreningen kopia.kansli',
    ].sort();
    expect(names).toEqual(expected);
    const listed = await listBackups(path);
    expect(listed).toHaveLength(10 + 28);
    expect(listed.every((b) => b.verified)).toBe(true);
    expect(basename(listed[0].path)).toBe(fresh[0]);
    for (let i = 1; i < listed.length; i++) expect(listed[i - 1].savedAt >= listed[i].savedAt).toBe(true);
  });

  it('listBackups reports a damaged backup as unverified, newest first, without a passphrase', async () => {
    const { file, path } = await create();
    await file.save(Buffer.from('v2'));
    await file.save(Buffer.from('v3'));
    const [newest, older] = await listBackups(path);
    const b = await readFile(older.path);
    b[100] ^= 1;
    await writeFile(older.path, b);
    const listed = await listBackups(path);
    expect(listed.map((x) => [x.path, x.verified])).toEqual([
      [newest.path, true],
      [older.path, false],
    ]);
    expect(() => checkIntegrity(b)).toThrow();
    expect(await listBackups(join(dir, 'Annan.kansli'))).toEqual([]);
  });
});

describe('19. sync-conflict copies', () => {
  it('finds Dropbox, OneDrive, Syncthing, Google Drive, iCloud and Nextcloud copies of this register only', async () => {
    const { path } = await create();
    const conflicts = [
      "Föreningen (Anna Svenssons conflicted copy 2026-11-20).kansli",
      'Föreningen (konfliktkopia 2026-11-20).kansli',
      'Föreningen-DESKTOP-4HJ2K.kansli',
      'Föreningen.sync-conflict-20261120-101010-ABCDEFG.kansli',
      'Föreningen (1).kansli',
      'Föreningen 2.kansli',
      'Föreningen (conflicted copy 2026-11-20 101010).kansli',
      'Föreningen_conflict-20261120-101010.kansli',
    ];
    const unrelated = ['Föreningen.kansli.lock', 'Föreningen.txt', 'Föreningen (1).txt', 'Föreningen-årsmöte.pdf', 'Annan förening.kansli', 'Föreningens.kansli'];
    for (const n of [...conflicts, ...unrelated]) await writeFile(join(dir, n), 'x');
    // A copy whose name came back decomposed (macOS).
    await writeFile(join(dir, 'Föreningen (2).kansli'.normalize('NFD')), 'x');
    const found = (await conflictCopies(path)).map((p) => basename(p).normalize('NFC'));
    expect(found.sort()).toEqual([...conflicts, 'Föreningen (2).kansli'].sort());
  });

  it('finds nothing when there are none', async () => {
    const { file, path } = await create();
    await file.save(Buffer.from('v2')); // backups and the lock are not conflict copies
    expect(await conflictCopies(path)).toEqual([]);
  });
});
