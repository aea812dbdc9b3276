import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';
import { z } from 'zod';
import { KansliError } from '../../shared/result';
import { checkKdfParams, DEFAULT_KDF, deriveKey, KEY_BYTES, SALT_BYTES, type KdfParams } from './kdf';
import { recoveryKek } from './recovery-key';

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
 * This module is pure: bytes in, bytes out, no file system.
 */

export const MAGIC = Buffer.from('KANSLI\0R', 'latin1');
export const FORMAT_VERSION = 1;
export const MAX_HEADER_BYTES = 64 * 1024;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
const PREFIX_BYTES = 14;
const HASH_BYTES = 32;
const TAG_BYTES = 16;
const NONCE_PREFIX_BYTES = 8;
const MIN_CHUNK = 1024;
const MAX_CHUNK = 64 * 1024 * 1024;
const SLOT_AAD = {
  passphrase: Buffer.from('kansli slot v1 passphrase', 'utf8'),
  recovery: Buffer.from('kansli slot v1 recovery', 'utf8'),
};

export type Secret = { passphrase: string } | { recoveryKey: string };

// ---------------------------------------------------------------- header

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
type Header = z.output<typeof headerSchema>;

interface Slot {
  nonce: Buffer;
  wrapped: Buffer;
}

// ---------------------------------------------------------------- keys

/** What an unlocked register needs to be saved again. Opaque outside the vault. */
declare const vaultKeysBrand: unique symbol;
export interface VaultKeys {
  readonly [vaultKeysBrand]: true;
  /** How the file key was unlocked: a register opened with the recovery key may set a new passphrase. */
  readonly unlockedBy: 'created' | 'passphrase' | 'recovery';
}

class KeyState {
  constructor(
    readonly fileKey: Buffer,
    readonly kdf: { params: KdfParams; salt: Buffer },
    readonly passphraseSlot: Slot,
    readonly recoverySlot: Slot & { salt: Buffer },
    readonly chunkSize: number,
    readonly unlockedBy: VaultKeys['unlockedBy'],
  ) {}
  toJSON() {
    return '[VaultKeys]';
  }
  [inspect.custom]() {
    return '[VaultKeys]';
  }
}

const asKeys = (s: KeyState) => s as unknown as VaultKeys;
function state(keys: VaultKeys): KeyState {
  if (!(keys instanceof KeyState)) throw new KansliError('internal', 'Not a VaultKeys object.');
  return keys;
}

/** Zeroes the file key in memory (after close). The object is unusable afterwards. */
export function wipeKeys(keys: VaultKeys): void {
  state(keys).fileKey.fill(0);
}

// ---------------------------------------------------------------- primitives

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const damaged = (message: string, details?: Record<string, unknown>) => new KansliError('file-damaged', message, details);

function wrap(kek: Buffer, fileKey: Buffer, aad: Buffer): Slot {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES });
  c.setAAD(aad);
  const wrapped = Buffer.concat([c.update(fileKey), c.final(), c.getAuthTag()]);
  return { nonce, wrapped };
}

function unwrap(kek: Buffer, slot: Slot, aad: Buffer): Buffer | undefined {
  try {
    const d = createDecipheriv('aes-256-gcm', kek, slot.nonce, { authTagLength: TAG_BYTES });
    d.setAAD(aad);
    d.setAuthTag(slot.wrapped.subarray(KEY_BYTES));
    return Buffer.concat([d.update(slot.wrapped.subarray(0, KEY_BYTES)), d.final()]);
  } catch {
    return undefined;
  }
}

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

// ---------------------------------------------------------------- parsing

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
  if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) throw damaged('The register header has an impossible length.');
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
function decodeHeader(json: Buffer): Header {
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

/** No key needed: throws 'not-a-register', 'newer-version', 'file-damaged' (or 'kdf-params-refused'). */
export function checkIntegrity(bytes: Uint8Array): void {
  parseFile(bytes);
}

/** How many chunks a payload of this length holds, and the length of the last (with its tag). */
function chunkLayout(payloadLength: number, chunkSize: number): { count: number; lastLength: number } {
  const count = Math.ceil(payloadLength / (chunkSize + TAG_BYTES));
  const lastLength = payloadLength - (count - 1) * (chunkSize + TAG_BYTES);
  if (count < 1 || lastLength < TAG_BYTES || count > 0xffffffff) throw damaged('The register payload has an impossible length.');
  return { count, lastLength };
}

function decryptChunk(fileKey: Buffer, h: Header, headerHash: Buffer, i: number, last: boolean, ct: Uint8Array, tag: Uint8Array): Buffer {
  try {
    const d = createDecipheriv('aes-256-gcm', fileKey, chunkNonce(h.noncePrefix, i), { authTagLength: TAG_BYTES });
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
 * Authenticates and decrypts every chunk; `sink` receives each chunk's plaintext and its offset.
 * The chunk count follows from the payload length; the AAD's last-chunk flag makes a file cut at a
 * chunk boundary fail, and the index in nonce and AAD makes reordered chunks fail.
 */
function openPayload(bytes: Uint8Array, p: ParsedFile, fileKey: Buffer, sink: (plain: Buffer, offset: number) => void): number {
  const full = p.header.chunkSize + TAG_BYTES;
  const { count, lastLength } = chunkLayout(p.payloadEnd - p.payloadStart, p.header.chunkSize);
  let pos = p.payloadStart;
  let o = 0;
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const ctEnd = pos + (last ? lastLength : full) - TAG_BYTES;
    const plain = decryptChunk(fileKey, p.header, p.headerHash, i, last, bytes.subarray(pos, ctEnd), bytes.subarray(ctEnd, ctEnd + TAG_BYTES));
    sink(plain, o);
    o += plain.length;
    pos = ctEnd + TAG_BYTES;
  }
  return o;
}

function decryptPayload(bytes: Uint8Array, p: ParsedFile, fileKey: Buffer): Buffer {
  const { count } = chunkLayout(p.payloadEnd - p.payloadStart, p.header.chunkSize);
  const out = Buffer.allocUnsafe(p.payloadEnd - p.payloadStart - count * TAG_BYTES);
  const n = openPayload(bytes, p, fileKey, (plain, o) => plain.copy(out, o));
  return out.subarray(0, n);
}

// ---------------------------------------------------------------- sealing

/**
 * The sealed file as a sequence of parts (prefix with header and header hash, then each chunk's
 * ciphertext and tag, then the whole-file hash), so the store can write them out without first
 * copying 40 MB into one buffer. `length` is known up front.
 */
export interface SealedParts {
  length: number;
  parts: Generator<Buffer, void, void>;
}

function sealParts(s: KeyState, plaintext: Uint8Array): SealedParts {
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const header = Buffer.from(
    JSON.stringify({
      cipher: 'aes-256-gcm',
      kdf: { id: 'argon2id', version: 0x13, ...s.kdf.params, salt: s.kdf.salt.toString('base64') },
      slots: {
        passphrase: { nonce: s.passphraseSlot.nonce.toString('base64'), wrapped: s.passphraseSlot.wrapped.toString('base64') },
        recovery: {
          salt: s.recoverySlot.salt.toString('base64'),
          nonce: s.recoverySlot.nonce.toString('base64'),
          wrapped: s.recoverySlot.wrapped.toString('base64'),
        },
      },
      chunkSize: s.chunkSize,
      noncePrefix: noncePrefix.toString('base64'),
    }),
    'utf8',
  );
  const cs = s.chunkSize;
  const count = Math.max(1, Math.ceil(plaintext.length / cs));
  const headerEnd = PREFIX_BYTES + header.length;
  const prefix = Buffer.allocUnsafe(headerEnd + HASH_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(FORMAT_VERSION, 8);
  prefix.writeUInt32BE(header.length, 10);
  header.copy(prefix, PREFIX_BYTES);
  const headerHash = sha256(prefix.subarray(0, headerEnd));
  headerHash.copy(prefix, headerEnd);
  const fileKey = s.fileKey;
  function* parts(): Generator<Buffer, void, void> {
    const whole = createHash('sha256').update(prefix);
    yield prefix;
    for (let i = 0; i < count; i++) {
      const c = createCipheriv('aes-256-gcm', fileKey, chunkNonce(noncePrefix, i), { authTagLength: TAG_BYTES });
      c.setAAD(chunkAad(headerHash, i, i === count - 1));
      const ct = c.update(plaintext.subarray(i * cs, Math.min(plaintext.length, (i + 1) * cs)));
      c.final();
      const tag = c.getAuthTag();
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

/** For the store: the sealed bytes as parts, with fresh nonces. */
export function resealParts(plaintext: Uint8Array, keys: VaultKeys): SealedParts {
  return sealParts(state(keys), plaintext);
}

function recoverySlot(fileKey: Buffer, recoveryKey: string): KeyState['recoverySlot'] {
  const salt = randomBytes(SALT_BYTES);
  let kek: Buffer;
  try {
    kek = recoveryKek(recoveryKey, salt);
  } catch (e) {
    throw new KansliError('validation', `Not a recovery key: ${(e as Error).message}`);
  }
  return { salt, ...wrap(kek, fileKey, SLOT_AAD.recovery) };
}

async function passphraseSlot(fileKey: Buffer, passphrase: string, params: KdfParams) {
  if (passphrase.length === 0) throw new KansliError('validation', 'The passphrase is empty.');
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveKey(passphrase, salt, params);
  return { kdf: { params: { ...params }, salt }, slot: wrap(kek, fileKey, SLOT_AAD.passphrase) };
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
  const fileKey = randomBytes(KEY_BYTES);
  const rec = recoverySlot(fileKey, opts.recoveryKey);
  const pass = await passphraseSlot(fileKey, opts.passphrase, params);
  const s = new KeyState(fileKey, pass.kdf, pass.slot, rec, chunkSize, 'created');
  return { bytes: seal(s, plaintext), keys: asKeys(s) };
}

/** Same key and slots, fresh nonces. */
export function reseal(plaintext: Uint8Array, keys: VaultKeys): Buffer {
  return seal(state(keys), plaintext);
}

export async function unseal(bytes: Uint8Array, secret: Secret): Promise<{ plaintext: Buffer; keys: VaultKeys }> {
  const p = parseFile(bytes);
  const h = p.header;
  let fileKey: Buffer | undefined;
  let unlockedBy: 'passphrase' | 'recovery';
  if ('passphrase' in secret) {
    unlockedBy = 'passphrase';
    const kek = await deriveKey(secret.passphrase, h.kdf.salt, h.kdf);
    fileKey = unwrap(kek, h.slots.passphrase, SLOT_AAD.passphrase);
    if (!fileKey) throw new KansliError('wrong-passphrase', 'The passphrase is not right.');
  } else {
    unlockedBy = 'recovery';
    const kek = recoveryKek(secret.recoveryKey, h.slots.recovery.salt);
    fileKey = unwrap(kek, h.slots.recovery, SLOT_AAD.recovery);
    if (!fileKey) throw new KansliError('wrong-recovery-key', 'This recovery key does not belong to this register.', { reason: 'key' });
  }
  const plaintext = decryptPayload(bytes, p, fileKey);
  const { memoryKiB, iterations, parallelism, salt } = h.kdf;
  const keys = new KeyState(
    fileKey,
    { params: { memoryKiB, iterations, parallelism }, salt },
    h.slots.passphrase,
    h.slots.recovery,
    h.chunkSize,
    unlockedBy,
  );
  return { plaintext, keys: asKeys(keys) };
}

/** Decrypts with an already unlocked key (to verify a write): integrity first, then every chunk. */
export function unsealWithKeys(bytes: Uint8Array, keys: VaultKeys): Buffer {
  return decryptPayload(bytes, parseFile(bytes), state(keys).fileKey);
}

/**
 * Verifies a written file: every check unsealWithKeys makes, plus each chunk compared with what
 * was meant to be saved, on a file read piece by piece through `read` (which may reuse
 * one buffer): no 40 MB read-back buffer, no second plaintext. Returns the whole-file hash.
 */
export async function verifySealedStream(
  size: number,
  read: (position: number, length: number) => Promise<Buffer>,
  keys: VaultKeys,
  plaintext: Uint8Array,
): Promise<Buffer> {
  const fileKey = state(keys).fileKey;
  const expected = Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  if (size < PREFIX_BYTES + HASH_BYTES + TAG_BYTES + HASH_BYTES) throw damaged('The written file is truncated.');
  const prefix = Buffer.from(await read(0, PREFIX_BYTES));
  if (!prefix.subarray(0, MAGIC.length).equals(MAGIC) || prefix.readUInt16BE(8) !== FORMAT_VERSION) {
    throw damaged('The written file does not start like a register.');
  }
  const headerLength = prefix.readUInt32BE(10);
  if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) throw damaged('The written header has an impossible length.');
  const payloadStart = PREFIX_BYTES + headerLength + HASH_BYTES;
  const payloadEnd = size - HASH_BYTES;
  if (payloadEnd - payloadStart < TAG_BYTES) throw damaged('The written file is truncated.');
  const headerPart = Buffer.from(await read(PREFIX_BYTES, headerLength + HASH_BYTES));
  const headerHash = headerPart.subarray(headerLength);
  const whole = createHash('sha256').update(prefix).update(headerPart);
  if (!createHash('sha256').update(prefix).update(headerPart.subarray(0, headerLength)).digest().equals(headerHash)) {
    throw damaged('The written header is damaged.');
  }
  const header = decodeHeader(headerPart.subarray(0, headerLength));
  const full = header.chunkSize + TAG_BYTES;
  const { count, lastLength } = chunkLayout(payloadEnd - payloadStart, header.chunkSize);
  let pos = payloadStart;
  let o = 0;
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const len = last ? lastLength : full;
    const chunk = await read(pos, len);
    whole.update(chunk);
    const ct = len - TAG_BYTES;
    const plain = decryptChunk(fileKey, header, headerHash, i, last, chunk.subarray(0, ct), chunk.subarray(ct));
    if (!plain.equals(expected.subarray(o, o + plain.length))) throw damaged('The written file decrypts to other contents.');
    o += plain.length;
    pos += len;
  }
  if (o !== expected.length) throw damaged('The written file decrypts to a different length.');
  const digest = whole.digest();
  if (!digest.equals(await read(payloadEnd, HASH_BYTES))) throw damaged('The written file has a wrong checksum.');
  return digest;
}

/** Verifies `current` against the passphrase slot, then wraps the file key under `next` (new salt). */
export async function changePassphrase(keys: VaultKeys, current: string, next: string): Promise<VaultKeys> {
  const s = state(keys);
  const kek = await deriveKey(current, s.kdf.salt, s.kdf.params);
  const unwrapped = unwrap(kek, s.passphraseSlot, SLOT_AAD.passphrase);
  if (!unwrapped || !timingSafeEqual(unwrapped, s.fileKey)) {
    throw new KansliError('wrong-passphrase', 'The current passphrase is not right.');
  }
  return resetPassphraseUnchecked(s, next, s.unlockedBy);
}

/** After opening with the recovery key the old passphrase is, by definition, not at hand. */
export async function resetPassphrase(keys: VaultKeys, next: string): Promise<VaultKeys> {
  const s = state(keys);
  if (s.unlockedBy !== 'recovery') {
    throw new KansliError('validation', 'Setting a passphrase without the current one needs the register opened with its recovery key.');
  }
  return resetPassphraseUnchecked(s, next, 'passphrase');
}

async function resetPassphraseUnchecked(s: KeyState, next: string, unlockedBy: KeyState['unlockedBy']): Promise<VaultKeys> {
  const pass = await passphraseSlot(s.fileKey, next, s.kdf.params);
  return asKeys(new KeyState(s.fileKey, pass.kdf, pass.slot, s.recoverySlot, s.chunkSize, unlockedBy));
}

export function replaceRecoveryKey(keys: VaultKeys, recoveryKey: string): VaultKeys {
  const s = state(keys);
  return asKeys(new KeyState(s.fileKey, s.kdf, s.passphraseSlot, recoverySlot(s.fileKey, recoveryKey), s.chunkSize, s.unlockedBy));
}
