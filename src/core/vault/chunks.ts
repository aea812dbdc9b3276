import { createCipheriv, createDecipheriv, webcrypto } from 'node:crypto';
import { damaged, HASH_BYTES, NONCE_PREFIX_BYTES, TAG_BYTES, type ParsedFile } from './header';

/*
 * The payload: AES-256-GCM chunks of chunkSize plaintext bytes, each followed by its tag. Nonce =
 * the file's random prefix + chunk index; the AAD binds each chunk to the header hash, its index
 * and whether it is the last, so chunks cannot be moved, swapped, dropped or cut off unnoticed.
 */

function chunkNonce(prefix: Buffer, index: number): Buffer {
  const n = Buffer.allocUnsafe(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  return n;
}

/** Binds each chunk to this file's header, its position and whether it is the last one. */
function chunkAad(headerHash: Buffer, index: number, last: boolean): Buffer {
  const a = Buffer.allocUnsafe(HASH_BYTES + 5);
  headerHash.copy(a, 0);
  a.writeUInt32BE(index, HASH_BYTES);
  a[HASH_BYTES + 4] = last ? 1 : 0;
  return a;
}

/** How many chunks a payload of this length holds, and the length of the last (with its tag). */
export function chunkLayout(payloadLength: number, chunkSize: number): { count: number; lastLength: number } {
  const count = Math.ceil(payloadLength / (chunkSize + TAG_BYTES));
  const lastLength = payloadLength - (count - 1) * (chunkSize + TAG_BYTES);
  if (count < 1 || lastLength < TAG_BYTES || count > 0xffffffff) throw damaged('The register payload has an impossible length.');
  return { count, lastLength };
}

export function encryptChunk(
  fileKey: Buffer,
  noncePrefix: Buffer,
  headerHash: Buffer,
  i: number,
  last: boolean,
  plain: Uint8Array,
): { ct: Buffer; tag: Buffer } {
  const c = createCipheriv('aes-256-gcm', fileKey, chunkNonce(noncePrefix, i), { authTagLength: TAG_BYTES });
  c.setAAD(chunkAad(headerHash, i, last));
  const ct = c.update(plain);
  c.final();
  return { ct, tag: c.getAuthTag() };
}

export function decryptChunk(
  fileKey: Buffer,
  noncePrefix: Buffer,
  headerHash: Buffer,
  i: number,
  last: boolean,
  ct: Uint8Array,
  tag: Uint8Array,
): Buffer {
  try {
    const d = createDecipheriv('aes-256-gcm', fileKey, chunkNonce(noncePrefix, i), { authTagLength: TAG_BYTES });
    d.setAAD(chunkAad(headerHash, i, last));
    d.setAuthTag(tag);
    const plain = d.update(ct);
    d.final();
    return plain;
  } catch {
    throw damaged('The register contents are damaged.', { chunk: i });
  }
}

/**
 * Authenticates and decrypts every chunk of a file already in memory. The chunk count follows
 * from the payload length; the AAD's last-chunk flag makes a file cut at a chunk boundary fail,
 * and the index in nonce and AAD makes reordered chunks fail.
 */
export function decryptPayload(bytes: Uint8Array, p: ParsedFile, fileKey: Buffer): Buffer {
  const full = p.header.chunkSize + TAG_BYTES;
  const { count, lastLength } = chunkLayout(p.payloadEnd - p.payloadStart, p.header.chunkSize);
  const out = Buffer.allocUnsafe(p.payloadEnd - p.payloadStart - count * TAG_BYTES);
  let pos = p.payloadStart;
  let o = 0;
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const ctEnd = pos + (last ? lastLength : full) - TAG_BYTES;
    const ct = bytes.subarray(pos, ctEnd);
    const plain = decryptChunk(fileKey, p.header.noncePrefix, p.headerHash, i, last, ct, bytes.subarray(ctEnd, ctEnd + TAG_BYTES));
    plain.copy(out, o);
    o += plain.length;
    pos = ctEnd + TAG_BYTES;
  }
  return out.subarray(0, o);
}

/*
 * The same chunk encryption through WebCrypto, for saving. Node runs WebCrypto's AES-GCM on
 * libuv's thread pool, so while one chunk is sealed or opened there, the main thread hashes and
 * writes the previous one, and a second core takes another chunk: at 100,000 members (54 MB) this
 * is what brings a save under 400 ms. The bytes are identical to encryptChunk's (ciphertext then
 * tag; WebCrypto appends the tag), and tests read them back with the synchronous path.
 *
 * The CryptoKey is a copy of the file key that wipeKeys cannot zero; it is made per save,
 * non-extractable, and dropped when the save ends.
 */

export type ChunkKey = webcrypto.CryptoKey;

export function chunkKey(fileKey: Buffer): Promise<ChunkKey> {
  return webcrypto.subtle.importKey('raw', fileKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

function gcmParams(noncePrefix: Buffer, headerHash: Buffer, i: number, last: boolean): webcrypto.AesGcmParams {
  return { name: 'AES-GCM', iv: chunkNonce(noncePrefix, i), additionalData: chunkAad(headerHash, i, last), tagLength: TAG_BYTES * 8 };
}

/** Ciphertext followed by its tag, as the file holds them. WebCrypto copies `plain` when called. */
export async function sealChunk(key: ChunkKey, noncePrefix: Buffer, headerHash: Buffer, i: number, last: boolean, plain: Uint8Array): Promise<Buffer> {
  return Buffer.from(await webcrypto.subtle.encrypt(gcmParams(noncePrefix, headerHash, i, last), key, plain));
}

/** Authenticates and decrypts one chunk (ciphertext then tag); a wrong tag is 'file-damaged'. */
export async function openChunk(key: ChunkKey, noncePrefix: Buffer, headerHash: Buffer, i: number, last: boolean, sealed: Uint8Array): Promise<Buffer> {
  try {
    return Buffer.from(await webcrypto.subtle.decrypt(gcmParams(noncePrefix, headerHash, i, last), key, sealed));
  } catch {
    throw damaged('The register contents are damaged.', { chunk: i });
  }
}

/**
 * Runs `task(i)` for i = 0..count-1 with up to `depth` of them in flight, yielding the results in
 * order. Every launched task has a rejection handler at once, so a failure while the consumer is
 * busy elsewhere is not an unhandled rejection; it surfaces when its turn comes.
 */
export async function* inOrder<T>(count: number, depth: number, task: (i: number) => Promise<T>): AsyncGenerator<T, void, void> {
  const running: Promise<T>[] = [];
  const launch = (i: number) => {
    const p = task(i);
    p.catch(() => undefined);
    running.push(p);
  };
  let next = 0;
  while (next < Math.min(count, depth)) launch(next++);
  for (let i = 0; i < count; i++) {
    const result = await running[i];
    delete running[i]; // let the chunk be collected
    if (next < count) launch(next++);
    yield result;
  }
}
