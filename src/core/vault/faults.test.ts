/**
 * security.md cases 11–13 with real OS faults where this machine allows them:
 * 11. a file-size limit (`ulimit -f`) on a child process that saves → a real short write (EFBIG);
 * 12. a small tmpfs that fills up → a real ENOSPC (needs root and mount; else an injected ENOSPC);
 * 13. a child process killed with SIGKILL at chosen points of the save.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateRecoveryKey, listBackups, RegisterFile, unseal } from './index';
import { __testing, type SaveStep } from './save-pipeline';

const KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
const PASS = 'lösen';
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const isPosix = process.platform !== 'win32';

let dir: string;
let child: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kansli-faults-'));
  // The child opens the register, optionally arranges to be SIGKILLed at a save step, and saves.
  child = join(dir, 'child.mts');
  await writeFile(
    child,
    `import { readFile } from 'node:fs/promises';
import { RegisterFile } from ${JSON.stringify(pathToFileURL(join(here, 'index.ts')).href)};
import { __testing } from ${JSON.stringify(pathToFileURL(join(here, 'save-pipeline.ts')).href)};
const [path, passphrase, payloadPath, killAt] = process.argv.slice(2);
const { file } = await RegisterFile.open(path, { passphrase });
const payload = await readFile(payloadPath);
if (killAt) __testing.hook = (step) => { if (step === killAt) process.kill(process.pid, 'SIGKILL'); };
try {
  await file.save(payload);
  console.log(JSON.stringify({ ok: true }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, code: e.code, message: e.message }));
}
await file.close();
`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  __testing.hook = undefined;
});

/** Runs the child; resolves with its exit and its last stdout line parsed. */
function runChild(args: string[], opts: { fileSizeLimitKiB?: number } = {}) {
  const script = `${opts.fileSizeLimitKiB ? `ulimit -f ${opts.fileSizeLimitKiB}; ` : ''}exec "${process.execPath}" --import tsx "$@"`;
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; result?: { ok: boolean; code?: string; message?: string }; stderr: string }>(
    (done) => {
      const p = spawn('bash', ['-c', script, 'child', child, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (err += d));
      p.on('close', (code, signal) => {
        const line = out.trim().split('\n').pop();
        let result;
        try {
          result = line ? JSON.parse(line) : undefined;
        } catch {
          result = undefined;
        }
        done({ code, signal, result, stderr: err });
      });
    },
  );
}

async function makeRegister(folder: string, plaintext: Buffer) {
  await mkdir(folder, { recursive: true });
  const path = join(folder, 'Föreningen.kansli');
  const file = await RegisterFile.create(path, plaintext, { passphrase: PASS, recoveryKey: generateRecoveryKey(), kdf: KDF });
  await file.close();
  return path;
}
const temps = async (folder: string) => (await readdir(folder)).filter((n) => n.endsWith('.kansli-tmp'));

describe.runIf(isPosix)('11. short write under a file-size limit (real: ulimit -f in a child process)', () => {
  it('save-failed with the OS error, the old file intact and still opening, no temp file left', async () => {
    const folder = join(dir, 'ulimit');
    const v1 = randomBytes(64 * 1024);
    const path = await makeRegister(folder, v1);
    const before = await readFile(path);
    const payload = join(dir, 'ulimit-payload.bin');
    await writeFile(payload, randomBytes(2 * 1024 * 1024));
    const r = await runChild([path, PASS, payload], { fileSizeLimitKiB: 1024 }); // 1 MiB limit, 2 MiB to write
    expect(r.result, r.stderr).toMatchObject({ ok: false, code: 'save-failed' });
    expect(r.result!.message).toMatch(/EFBIG|too large/i);
    expect((await readFile(path)).equals(before)).toBe(true);
    expect(await temps(folder)).toEqual([]);
    const { file, plaintext } = await RegisterFile.open(path, { passphrase: PASS });
    expect(plaintext.equals(v1)).toBe(true);
    await file.close();
  });
});

// A real full disk needs a small tmpfs: root with mount rights. Elsewhere ENOSPC is injected.
const canMount =
  isPosix &&
  process.getuid?.() === 0 &&
  (() => {
    const probe = join(tmpdir(), `kansli-mount-probe-${process.pid}`);
    spawnSync('mkdir', ['-p', probe]);
    const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
    if (ok) spawnSync('umount', [probe]);
    spawnSync('rmdir', [probe]);
    return ok;
  })();

describe('12. disk full', () => {
  it(`${canMount ? 'real ENOSPC on a 1 MiB tmpfs' : 'injected ENOSPC (no mount rights here)'}: save-failed, old file intact, a later save works`, async () => {
    const folder = join(dir, 'full');
    await mkdir(folder);
    if (canMount) expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', folder]).status).toBe(0);
    try {
      const v1 = randomBytes(300 * 1024);
      const path = await makeRegister(folder, v1);
      const before = await readFile(path);
      const { file } = await RegisterFile.open(path, { passphrase: PASS });
      if (!canMount) {
        __testing.hook = (step: SaveStep) => {
          if (step === 'temp-partial') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      const err = await file.save(randomBytes(900 * 1024)).catch((e) => e);
      expect(err.code).toBe('save-failed');
      expect(err.message).toMatch(/ENOSPC|no space/i);
      expect((await readFile(path)).equals(before)).toBe(true);
      expect(await temps(folder)).toEqual([]);
      // The register and its key are still usable; a smaller save fits.
      __testing.hook = undefined;
      await file.save(Buffer.from('smaller'));
      expect((await unseal(await readFile(path), { passphrase: PASS })).plaintext.toString()).toBe('smaller');
      await file.close();
    } finally {
      if (canMount) spawnSync('umount', ['-l', folder]);
    }
  });

  it.runIf(canMount)('real ENOSPC at the backup step (a tmpfs out of inodes) → save-failed, old file intact, temp removed', async () => {
    // Root folder + register + lock use 3 inodes; the temp file takes the 4th, so creating the
    // backup folder is what runs out of space.
    const folder = join(dir, 'full2');
    await mkdir(folder);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,nr_inodes=4', 'tmpfs', folder]).status).toBe(0);
    try {
      const path = await makeRegister(folder, randomBytes(100 * 1024));
      const before = await readFile(path);
      const { file } = await RegisterFile.open(path, { passphrase: PASS });
      const err = await file.save(randomBytes(100 * 1024)).catch((e) => e);
      expect(err.code).toBe('save-failed');
      expect(err.message).toMatch(/ENOSPC|no space/i);
      expect(err.details.step).toBe('backup');
      expect((await readFile(path)).equals(before)).toBe(true);
      expect(await temps(folder)).toEqual([]);
      await file.close();
    } finally {
      spawnSync('umount', ['-l', folder]);
    }
  });
});

describe.runIf(isPosix)('13. killed during a save (real SIGKILL of a child process)', () => {
  const cases: { at: SaveStep; opens: 'old' | 'new'; leavesTemp: boolean }[] = [
    { at: 'temp-partial', opens: 'old', leavesTemp: true }, // mid-write of the temp file
    { at: 'verified', opens: 'old', leavesTemp: true }, // temp complete, before backup and rename
    { at: 'backed-up', opens: 'old', leavesTemp: true }, // just before the rename
    { at: 'renamed', opens: 'new', leavesTemp: false }, // after the rename, before the folder fsync
  ];
  for (const c of cases) {
    it(`killed at "${c.at}" → the register opens (${c.opens} contents); leftover temp ignored and cleaned; stale lock taken over`, async () => {
      const folder = join(dir, `kill-${c.at}`);
      const v1 = randomBytes(3 * 1024 * 1024);
      const path = await makeRegister(folder, v1);
      const v2 = randomBytes(3 * 1024 * 1024);
      const payload = join(folder, 'payload.bin');
      await writeFile(payload, v2);
      const r = await runChild([path, PASS, payload, c.at]);
      expect(r.signal, r.stderr).toBe('SIGKILL');
      expect((await temps(folder)).length).toBe(c.leavesTemp ? 1 : 0);
      await stat(`${path}.lock`); // the dead process's lock is still there...
      const { file, plaintext } = await RegisterFile.open(path, { passphrase: PASS }); // ...and is taken over
      expect(plaintext.equals(c.opens === 'old' ? v1 : v2)).toBe(true);
      expect(await temps(folder)).toEqual([]);
      if (c.at === 'renamed') {
        // The version the save replaced is the newest backup, verified, and opens.
        const [newest] = await listBackups(path);
        expect(newest.verified).toBe(true);
        expect((await unseal(await readFile(newest.path), { passphrase: PASS })).plaintext.equals(v1)).toBe(true);
      }
      await file.save(Buffer.from('after the crash'));
      await file.close();
    });
  }

  it('if the register itself is lost after a crash, the newest verified backup opens', async () => {
    const folder = join(dir, 'kill-lost');
    const v1 = randomBytes(100 * 1024);
    const path = await makeRegister(folder, v1);
    const v2 = randomBytes(100 * 1024);
    const payload = join(folder, 'payload.bin');
    await writeFile(payload, v2);
    expect((await runChild([path, PASS, payload, 'renamed'])).signal).toBe('SIGKILL');
    // The drive dropped the new file's data (a truncated register, as after a power cut).
    await writeFile(path, (await readFile(path)).subarray(0, 1000));
    expect((await RegisterFile.open(path, { passphrase: PASS }).catch((e) => e)).code).toBe('file-damaged');
    const backups = await listBackups(path);
    const newest = backups.find((b) => b.verified)!;
    expect((await unseal(await readFile(newest.path), { passphrase: PASS })).plaintext.equals(v1)).toBe(true);
  });
});
