import { createHash, randomBytes } from 'node:crypto';
import { KansliError } from '../../shared/result';
import { chunkKey, chunkLayout, decryptPayload, encryptChunk, inOrder, openChunk, sealChunk } from './chunks';
import {
  damaged,
  decodeHeader,
  encodeEnvelope,
  FORMAT_VERSION,
  HASH_BYTES,
  headerLengthPossible,
  MAGIC,
  MAX_CHUNK,
  MIN_CHUNK,
  NONCE_PREFIX_BYTES,
  parseFile,
  PREFIX_BYTES,
  TAG_BYTES,
} from './header';
import { checkKdfParams, DEFAULT_KDF, type KdfParams } from './kdf';
import { asKeys, keysFromHeader, keyState, newKeyState, unlockFileKey, type KeyState, type Secret, type VaultKeys } from './key-slots';

/*
 * Sealing and unsealing a whole register: envelope and header (header.ts), key slots
 * (key-slots.ts) and payload chunks (chunks.ts) put together. docs/register-file.md has the
 * layout. This module is pure: bytes in, bytes out, no file system.
 */

const DEFAULT_CHUNK_SIZE = 1024 * 1024;

/**
 * The sealed file as a sequence of parts (prefix with header and header hash, then each chunk's
 * ciphertext and tag, then the whole-file hash), so the store can write them out without first
 * copying 40 MB into one buffer. `length` is known up front.
 */
interface SealedParts {
  length: number;
  parts: Generator<Buffer, void, void>;
}

/** Fresh nonce prefix on every seal: the same file key never sees the same nonce twice. */
function sealParts(s: KeyState, plaintext: Uint8Array): SealedParts {
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const { prefix, headerHash } = encodeEnvelope(s, noncePrefix);
  const cs = s.chunkSize;
  const count = Math.max(1, Math.ceil(plaintext.length / cs));
  const fileKey = s.fileKey;
  function* parts(): Generator<Buffer, void, void> {
    const whole = createHash('sha256').update(prefix);
    yield prefix;
    for (let i = 0; i < count; i++) {
      const plain = plaintext.subarray(i * cs, Math.min(plaintext.length, (i + 1) * cs));
      const { ct, tag } = encryptChunk(fileKey, noncePrefix, headerHash, i, i === count - 1, plain);
      whole.update(ct).update(tag);
      yield ct;
      yield tag;
    }
    yield whole.digest();
  }
  return { length: prefix.length + plaintext.length + count * TAG_BYTES + HASH_BYTES, parts: parts() };
}

function seal(s: KeyState, plaintext: Uint8Array): Buffer {
  const { length, parts } = sealParts(s, plaintext);
  return Buffer.concat([...parts], length); // one copy, at the end
}

/** How many chunks are sealed or opened ahead of the one being written or compared. */
const LOOKAHEAD = 4;

/**
 * For the store: the sealed bytes as parts, with fresh nonces, produced while they are written —
 * chunks are sealed on the thread pool a few ahead of the one the caller is writing.
 */
export function resealStream(plaintext: Uint8Array, keys: VaultKeys): { length: number; parts: AsyncIterable<Buffer> } {
  const s = keyState(keys);
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const { prefix, headerHash } = encodeEnvelope(s, noncePrefix);
  const cs = s.chunkSize;
  const count = Math.max(1, Math.ceil(plaintext.length / cs));
  const fileKey = s.fileKey;
  async function* parts(): AsyncGenerator<Buffer, void, void> {
    const key = await chunkKey(fileKey);
    const whole = createHash('sha256').update(prefix);
    yield prefix;
    const chunks = inOrder(count, LOOKAHEAD, (i) =>
      sealChunk(key, noncePrefix, headerHash, i, i === count - 1, plaintext.subarray(i * cs, Math.min(plaintext.length, (i + 1) * cs))),
    );
    for await (const sealed of chunks) {
      whole.update(sealed);
      yield sealed;
    }
    yield whole.digest();
  }
  return { length: prefix.length + plaintext.length + count * TAG_BYTES + HASH_BYTES, parts: parts() };
}

export async function sealNew(
  plaintext: Uint8Array,
  opts: { passphrase: string; recoveryKey: string; kdf?: KdfParams; chunkSize?: number },
): Promise<{ bytes: Buffer; keys: VaultKeys }> {
  const params = opts.kdf ?? DEFAULT_KDF;
  checkKdfParams(params);
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) {
    throw new KansliError('validation', 'Chunk size out of range.');
  }
  const s = await newKeyState({ passphrase: opts.passphrase, recoveryKey: opts.recoveryKey, params, chunkSize });
  return { bytes: seal(s, plaintext), keys: asKeys(s) };
}

/** Same key and slots, fresh nonces. */
export function reseal(plaintext: Uint8Array, keys: VaultKeys): Buffer {
  return seal(keyState(keys), plaintext);
}

/** No key needed: throws 'not-a-register', 'newer-version', 'file-damaged' (or 'kdf-params-refused'). */
export function checkIntegrity(bytes: Uint8Array): void {
  parseFile(bytes);
}

export async function unseal(bytes: Uint8Array, secret: Secret): Promise<{ plaintext: Buffer; keys: VaultKeys }> {
  const p = parseFile(bytes);
  const { fileKey, unlockedBy } = await unlockFileKey(p.header, secret);
  const plaintext = decryptPayload(bytes, p, fileKey);
  return { plaintext, keys: keysFromHeader(p.header, fileKey, unlockedBy) };
}

/** Decrypts with an already unlocked key (to verify a write): integrity first, then every chunk. */
export function unsealWithKeys(bytes: Uint8Array, keys: VaultKeys): Buffer {
  return decryptPayload(bytes, parseFile(bytes), keyState(keys).fileKey);
}

/**
 * Verifies a written file: every check unsealWithKeys makes, plus each chunk compared with what
 * was meant to be saved, on a file read piece by piece through `readInto` (which fills the
 * buffer it is given from `position`): no 40 MB read-back buffer, no second plaintext. Chunks are
 * read and decrypted on the thread pool a few ahead of the one being compared.
 *
 * The whole-file hash is not computed a second time: the trailer read back must equal
 * `writtenDigest()`, the hash computed while sealing over exactly the bytes handed to the disk.
 * Together with the header hash (prefix and header) and each chunk's GCM tag (ciphertext and
 * tag), every byte of the file is then checked, so re-hashing 50 MB would prove nothing more.
 * Returns the digest.
 */
export async function verifySealedStream(
  size: number,
  readInto: (position: number, target: Buffer) => Promise<void>,
  keys: VaultKeys,
  plaintext: Uint8Array,
  writtenDigest: () => Buffer,
): Promise<Buffer> {
  const read = async (position: number, length: number) => {
    const b = Buffer.allocUnsafe(length);
    await readInto(position, b);
    return b;
  };
  const expected = Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  if (size < PREFIX_BYTES + HASH_BYTES + TAG_BYTES + HASH_BYTES) throw damaged('The written file is truncated.');
  const prefix = await read(0, PREFIX_BYTES);
  if (!prefix.subarray(0, MAGIC.length).equals(MAGIC) || prefix.readUInt16BE(8) !== FORMAT_VERSION) {
    throw damaged('The written file does not start like a register.');
  }
  const headerLength = prefix.readUInt32BE(10);
  if (!headerLengthPossible(headerLength)) throw damaged('The written header has an impossible length.');
  const payloadStart = PREFIX_BYTES + headerLength + HASH_BYTES;
  const payloadEnd = size - HASH_BYTES;
  if (payloadEnd - payloadStart < TAG_BYTES) throw damaged('The written file is truncated.');
  const headerPart = await read(PREFIX_BYTES, headerLength + HASH_BYTES);
  const headerHash = headerPart.subarray(headerLength);
  if (!createHash('sha256').update(prefix).update(headerPart.subarray(0, headerLength)).digest().equals(headerHash)) {
    throw damaged('The written header is damaged.');
  }
  const header = decodeHeader(headerPart.subarray(0, headerLength));
  const full = header.chunkSize + TAG_BYTES;
  const { count, lastLength } = chunkLayout(payloadEnd - payloadStart, header.chunkSize);
  const key = await chunkKey(keyState(keys).fileKey);
  // A ring of read buffers: chunk i + LOOKAHEAD is launched only after chunk i − 1 was consumed
  // (compared), so LOOKAHEAD + 1 buffers never overlap — no 50 MB of fresh memory.
  const ring = Array.from({ length: Math.min(count, LOOKAHEAD + 1) }, () => Buffer.allocUnsafe(full));
  const chunks = inOrder(count, LOOKAHEAD, async (i) => {
    const last = i === count - 1;
    const sealed = ring[i % ring.length].subarray(0, last ? lastLength : full);
    await readInto(payloadStart + i * full, sealed);
    return { plain: await openChunk(key, header.noncePrefix, headerHash, i, last, sealed) };
  });
  let o = 0;
  for await (const { plain } of chunks) {
    if (!plain.equals(expected.subarray(o, o + plain.length))) throw damaged('The written file decrypts to other contents.');
    o += plain.length;
  }
  if (o !== expected.length) throw damaged('The written file decrypts to a different length.');
  const onDisk = await read(payloadEnd, HASH_BYTES);
  const digest = writtenDigest(); // known once the whole file has been handed to the disk, as it now has
  if (!digest.equals(onDisk)) throw damaged('The written file has a wrong checksum.');
  return digest;
}
