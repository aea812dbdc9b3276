import { createCipheriv, createDecipheriv } from 'node:crypto';
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
