import { createHash } from 'node:crypto';
import { z } from 'zod';
import { KansliError } from '../../shared/result';
import { checkKdfParams, KEY_BYTES, SALT_BYTES, type KdfParams } from './kdf';

/*
 * The register file, byte by byte (docs/register-file.md has the full description):
 *
 *   0   8  magic "KANSLI\0R"
 *   8   2  format version, u16 big-endian (1)
 *  10   4  header length H, u32 big-endian (2 .. 65536)
 *  14   H  header, UTF-8 JSON (KDF, salt, two key slots, chunk size, nonce prefix)
 *  14+H 32 SHA-256 of bytes [0, 14+H)                      — the header hash
 *  ...     payload chunks: AES-256-GCM ciphertext || 16-byte tag, chunkSize plaintext bytes each,
 *          the last one shorter (possibly empty)
 *  n-32 32 SHA-256 of bytes [0, n-32)                      — the whole-file hash
 *
 * Everything up to and including the header hash is the envelope, frozen for all versions, so
 * that a flipped bit in the version field reads as damage, not as "needs a newer Kansli".
 * This module reads and writes the envelope and header, and makes every check that needs no key.
 */

export const MAGIC = Buffer.from('KANSLI\0R', 'latin1');
export const FORMAT_VERSION = 1;
const MAX_HEADER_BYTES = 64 * 1024;
export const PREFIX_BYTES = 14;
export const HASH_BYTES = 32;
export const TAG_BYTES = 16;
export const NONCE_PREFIX_BYTES = 8;
export const MIN_CHUNK = 1024;
export const MAX_CHUNK = 64 * 1024 * 1024;

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
export const damaged = (message: string, details?: Record<string, unknown>) => new KansliError('file-damaged', message, details);

/** The u32 at byte 10: anything outside 2 .. 64 KiB is damage (and must not drive an allocation). */
export const headerLengthPossible = (length: number) => length >= 2 && length <= MAX_HEADER_BYTES;

const b64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .transform((s) => Buffer.from(s, 'base64'))
    .refine((b) => b.length === bytes);

const slotSchema = z.object({ nonce: b64(12), wrapped: b64(KEY_BYTES + TAG_BYTES) });

const headerSchema = z.object({
  cipher: z.literal('aes-256-gcm'),
  kdf: z.object({
    id: z.string(),
    version: z.number(),
    memoryKiB: z.number(),
    iterations: z.number(),
    parallelism: z.number(),
    salt: b64(SALT_BYTES),
  }),
  slots: z.object({
    passphrase: slotSchema,
    recovery: slotSchema.extend({ salt: b64(SALT_BYTES) }),
  }),
  chunkSize: z.number().int().min(MIN_CHUNK).max(MAX_CHUNK),
  noncePrefix: b64(NONCE_PREFIX_BYTES),
});
export type Header = z.output<typeof headerSchema>;

/** A key slot: the file key wrapped (AES-256-GCM) under a key derived from a passphrase or recovery key. */
export interface Slot {
  nonce: Buffer;
  wrapped: Buffer;
}

export interface ParsedFile {
  header: Header;
  headerHash: Buffer;
  payloadStart: number;
  payloadEnd: number;
  /** The whole-file hash stored in the trailer (verified). */
  digest: Buffer;
}

/**
 * Every check that needs no key, in the order that tells faults apart: magic → envelope and
 * header hash → version → whole-file hash → header fields → KDF bounds. Nothing here derives a key.
 */
export function parseFile(input: Uint8Array): ParsedFile {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < MAGIC.length) {
    // An empty or cut-off file that starts like a register is a damaged register.
    if (MAGIC.subarray(0, bytes.length).equals(bytes)) throw damaged('The register file is truncated.', { length: bytes.length });
    throw new KansliError('not-a-register', 'This is not a Kansli register.');
  }
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new KansliError('not-a-register', 'This is not a Kansli register.');
  }
  if (bytes.length < PREFIX_BYTES) throw damaged('The register file is truncated.');
  const headerLength = bytes.readUInt32BE(10);
  if (!headerLengthPossible(headerLength)) throw damaged('The register header has an impossible length.');
  const headerEnd = PREFIX_BYTES + headerLength;
  if (bytes.length < headerEnd + HASH_BYTES) throw damaged('The register file is truncated.');
  const headerHash = bytes.subarray(headerEnd, headerEnd + HASH_BYTES);
  if (!sha256(bytes.subarray(0, headerEnd)).equals(headerHash)) throw damaged('The register header is damaged.');

  const version = bytes.readUInt16BE(8);
  if (version > FORMAT_VERSION) {
    throw new KansliError('newer-version', 'This register was saved by a newer Kansli; update Kansli to open it.', { version });
  }
  if (version < 1) throw damaged('The register has an unknown format version.');

  const payloadStart = headerEnd + HASH_BYTES;
  const payloadEnd = bytes.length - HASH_BYTES;
  if (payloadEnd - payloadStart < TAG_BYTES) throw damaged('The register file is truncated.');
  const digest = bytes.subarray(payloadEnd);
  if (!sha256(bytes.subarray(0, payloadEnd)).equals(digest)) throw damaged('The register file is damaged (its checksum does not match).');

  const header = decodeHeader(bytes.subarray(PREFIX_BYTES, headerEnd));
  return { header, headerHash: Buffer.from(headerHash), payloadStart, payloadEnd, digest: Buffer.from(digest) };
}

/** The header's fields, then the KDF bounds (before anyone derives anything from them). */
export function decodeHeader(json: Buffer): Header {
  let header: Header;
  try {
    header = headerSchema.parse(JSON.parse(json.toString('utf8')));
  } catch {
    throw damaged('The register header cannot be read.');
  }
  const k = header.kdf;
  if (k.id !== 'argon2id' || k.version !== 0x13) {
    throw new KansliError('kdf-params-refused', `Unknown key derivation "${k.id}" v${k.version}.`);
  }
  checkKdfParams(k, k.salt.length);
  return header;
}

/** What goes into a header; the key state carries all of it but the per-save nonce prefix. */
export interface HeaderFields {
  kdf: { params: KdfParams; salt: Buffer };
  passphraseSlot: Slot;
  recoverySlot: Slot & { salt: Buffer };
  chunkSize: number;
}

/** Magic, version, header length, header JSON and header hash: everything before the first chunk. */
export function encodeEnvelope(f: HeaderFields, noncePrefix: Buffer): { prefix: Buffer; headerHash: Buffer } {
  const header = Buffer.from(
    JSON.stringify({
      cipher: 'aes-256-gcm',
      kdf: { id: 'argon2id', version: 0x13, ...f.kdf.params, salt: f.kdf.salt.toString('base64') },
      slots: {
        passphrase: { nonce: f.passphraseSlot.nonce.toString('base64'), wrapped: f.passphraseSlot.wrapped.toString('base64') },
        recovery: {
          salt: f.recoverySlot.salt.toString('base64'),
          nonce: f.recoverySlot.nonce.toString('base64'),
          wrapped: f.recoverySlot.wrapped.toString('base64'),
        },
      },
      chunkSize: f.chunkSize,
      noncePrefix: noncePrefix.toString('base64'),
    }),
    'utf8',
  );
  const headerEnd = PREFIX_BYTES + header.length;
  const prefix = Buffer.allocUnsafe(headerEnd + HASH_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(FORMAT_VERSION, 8);
  prefix.writeUInt32BE(header.length, 10);
  header.copy(prefix, PREFIX_BYTES);
  const headerHash = sha256(prefix.subarray(0, headerEnd));
  headerHash.copy(prefix, headerEnd);
  return { prefix, headerHash };
}
