import { lstat, open, rename, unlink } from 'node:fs/promises';

/*
 * File-system primitives the lock, the save pipeline and the backups share. Each one exists
 * because the plain Node call is not enough for a file we must never lose or half-write.
 */

export const errno = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

/** Codes with which link() says the file system (FAT, exFAT, some network drives and sync folders) cannot hard-link. */
export const NO_HARD_LINKS: ReadonlySet<string> = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** lstat, not stat: a dangling symlink at the path still occupies the name. */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
}

/** Bytes to write, as parts (the sealed register is produced chunk by chunk), with the total known up front. */
export interface Parts {
  length: number;
  parts: Iterable<Buffer>;
}

export const whole = (b: Buffer): Parts => ({ length: b.length, parts: [b] });

/** Points in writeNewFile the save pipeline's fault-injection hook is told about. */
export type WriteProgress = 'temp-opened' | 'temp-partial';

/**
 * Creates `path` exclusively (mode 0600) and writes every part, looping until each byte is
 * accepted: a short write (file-size limit, full disk) surfaces as an error, never as success.
 * Then fsync (optional) and a size check. A partly written file is removed.
 */
export async function writeNewFile(
  path: string,
  data: Parts,
  opts: { sync: boolean; onProgress?: (step: WriteProgress) => Promise<void> },
): Promise<void> {
  const fh = await open(path, 'wx', 0o600);
  try {
    await opts.onProgress?.('temp-opened');
    // Two gathered writes (each half of the parts) instead of one call per chunk: at 50 MB that is
    // a hundred thread-pool round trips fewer. A short write is resumed where it stopped.
    let pos = 0;
    const all = Array.from(data.parts);
    const half = Math.ceil(all.length / 2);
    for (const [i, group] of [all.slice(0, half), all.slice(half)].entries()) {
      let pending = group.filter((p) => p.length > 0);
      while (pending.length) {
        const { bytesWritten } = await fh.writev(pending, pos);
        if (bytesWritten <= 0) throw new Error(`Nothing could be written at byte ${pos} of ${data.length}.`);
        pos += bytesWritten;
        pending = skipBytes(pending, bytesWritten);
      }
      if (i === 0 && pos < data.length) await opts.onProgress?.('temp-partial');
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

/** Makes a rename durable. Not possible everywhere (Windows cannot open a folder): best effort. */
export async function fsyncDir(dir: string): Promise<void> {
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
export async function renameWithRetry(from: string, to: string): Promise<void> {
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

/** The buffers left after the first `n` bytes of `parts` were written. */
function skipBytes(parts: Buffer[], n: number): Buffer[] {
  let i = 0;
  while (i < parts.length && n >= parts[i].length) n -= parts[i++].length;
  if (i === parts.length) return [];
  return [parts[i].subarray(n), ...parts.slice(i + 1)];
}
