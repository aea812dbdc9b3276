import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/*
 * A register ends in SHA-256 of everything before it (the whole-file hash), so a file can be
 * checked, and compared with the one we last read or wrote, without a key.
 */

const TRAILER_BYTES = 32;

export interface FileHash {
  size: number;
  ino: number;
  /** SHA-256 of all bytes but the last 32. */
  body: Buffer;
  /** The last 32 bytes: the whole-file hash as stored. */
  trailer: Buffer;
}

/** SHA-256 of a file, read through one reused buffer (no 40 MB allocation). */
export async function hashFile(path: string): Promise<FileHash> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    const size = st.size;
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(Math.min(4 * 1024 * 1024, Math.max(size, 1)));
    const trailer = Buffer.alloc(TRAILER_BYTES);
    const bodyEnd = Math.max(0, size - TRAILER_BYTES);
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

/**
 * Size, inode and the stored whole-file hash, read without hashing the file. Every save writes a
 * new trailer (fresh nonces), so another writer's file is told apart by it; a file edited in place
 * without a new trailer is damaged, and the save keeps it among the backups before replacing it.
 */
export async function fileTrailer(path: string): Promise<{ size: number; ino: number; trailer: Buffer }> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    const trailer = Buffer.alloc(TRAILER_BYTES);
    if (st.size >= TRAILER_BYTES) await fh.read(trailer, 0, TRAILER_BYTES, st.size - TRAILER_BYTES);
    return { size: st.size, ino: st.ino, trailer };
  } finally {
    await fh.close();
  }
}

/** Intact (stored hash matches the bytes) and exactly the file whose whole-file hash is `digest`. */
export function hasDigest(h: FileHash, digest: Buffer): boolean {
  return h.body.equals(digest) && h.trailer.equals(digest);
}

/** As hasDigest, for a file that may be missing or unreadable (then false). */
export async function fileHasDigest(path: string, digest: Buffer): Promise<boolean> {
  const h = await hashFile(path).catch(() => undefined);
  return h !== undefined && hasDigest(h, digest);
}
