import { lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';

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

/**
 * Bytes to write, as parts (the sealed register is produced chunk by chunk, possibly while it is
 * being written), with the total known up front.
 */
export interface Parts {
  length: number;
  parts: Iterable<Buffer> | AsyncIterable<Buffer>;
}

export const whole = (b: Buffer): Parts => ({ length: b.length, parts: [b] });

/** Points in writeNewFile the save pipeline's fault-injection hook is told about. */
export type WriteProgress = 'temp-opened' | 'temp-partial';

/** Parts are gathered into writes of about this size: few thread-pool round trips, yet overlap. */
const WRITE_GROUP = 8 * 1024 * 1024;

/** Writes every byte of `parts` at `pos`, resuming a short write where it stopped. */
async function writeAllAt(fh: FileHandle, parts: Buffer[], pos: number): Promise<void> {
  let pending = parts.filter((p) => p.length > 0);
  while (pending.length) {
    const { bytesWritten } = await fh.writev(pending, pos);
    if (bytesWritten <= 0) throw new Error(`Nothing could be written at byte ${pos}.`);
    pos += bytesWritten;
    pending = skipBytes(pending, bytesWritten);
  }
}

/**
 * Creates `path` exclusively (mode 0600) and writes every part, looping until each byte is
 * accepted: a short write (file-size limit, full disk) surfaces as an error, never as success.
 * One gathered write is in flight while the next group of parts is produced. Then a size check
 * and fsync (optional); `whileSyncing` (the save's read-back verification) runs while the fsync
 * is under way — both must succeed. A partly written file is removed.
 */
export async function writeNewFile(
  path: string,
  data: Parts,
  opts: {
    sync: boolean;
    onProgress?: (step: WriteProgress) => Promise<void>;
    /** Told how many bytes from the start are on disk (in the page cache), after each write. */
    onWritten?: (bytes: number) => void;
    whileSyncing?: () => Promise<void>;
  },
): Promise<void> {
  const fh = await open(path, 'wx', 0o600);
  try {
    await opts.onProgress?.('temp-opened');
    // At least two groups, so a fault can be injected between them even in a small file.
    const groupSize = Math.max(1, Math.min(WRITE_GROUP, Math.ceil(data.length / 2)));
    let writing: Promise<void> = Promise.resolve();
    let pos = 0;
    let group: Buffer[] = [];
    let groupBytes = 0;
    let toldPartial = false;
    const flush = async () => {
      await writing;
      if (!toldPartial && pos > 0 && pos < data.length && opts.onProgress) {
        toldPartial = true;
        await opts.onProgress('temp-partial');
      }
      const end = pos + groupBytes;
      writing = writeAllAt(fh, group, pos).then(() => opts.onWritten?.(end));
      writing.catch(() => undefined); // surfaces at the next await of `writing`
      pos = end;
      group = [];
      groupBytes = 0;
    };
    for await (const part of data.parts) {
      group.push(part);
      groupBytes += part.length;
      if (groupBytes >= groupSize) await flush();
    }
    if (groupBytes) await flush();
    await writing;
    if (pos !== data.length) throw new Error(`${pos} bytes were produced, ${data.length} expected.`);
    const { size } = await fh.stat();
    if (size !== data.length) throw new Error(`The file on disk has ${size} bytes, ${data.length} were written.`);
    const syncing = opts.sync ? fh.sync() : Promise.resolve();
    syncing.catch(() => undefined);
    try {
      await opts.whileSyncing?.();
    } finally {
      await syncing.catch(() => undefined); // never close under a running fsync
    }
    await syncing;
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
