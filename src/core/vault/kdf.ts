import { hashRaw } from '@node-rs/argon2';
import { KansliError } from '../../shared/result';

/** Argon2id cost parameters, as stored in a register file's header. */
export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** RFC 9106's second recommendation (m = 64 MiB, t = 3, p = 4); about 0.2 s with @node-rs/argon2. */
export const DEFAULT_KDF: Readonly<KdfParams> = Object.freeze({ memoryKiB: 65536, iterations: 3, parallelism: 4 });

export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

/**
 * What a register file may ask of this machine. A hostile or damaged header must not make us
 * allocate gigabytes or spin for hours, so these are checked before any derivation; the lower
 * bounds refuse a header that was edited to make the passphrase cheap to guess.
 */
export const KDF_BOUNDS = Object.freeze({
  memoryKiB: { min: 8192, max: 1024 * 1024 }, // 8 MiB .. 1 GiB
  iterations: { min: 1, max: 64 },
  parallelism: { min: 1, max: 16 },
  /** memory × passes, in KiB: 8 GiB of memory traffic is already tens of seconds on a laptop. */
  maxWork: 8 * 1024 * 1024,
  salt: { min: 16, max: 64 },
});

function inRange(v: unknown, r: { min: number; max: number }): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= r.min && v <= r.max;
}

/** Throws 'kdf-params-refused' unless the parameters are within bounds. Allocates nothing. */
export function checkKdfParams(p: KdfParams, saltLength = SALT_BYTES): void {
  const b = KDF_BOUNDS;
  const ok =
    inRange(p.memoryKiB, b.memoryKiB) &&
    inRange(p.iterations, b.iterations) &&
    inRange(p.parallelism, b.parallelism) &&
    p.memoryKiB >= 8 * p.parallelism &&
    p.memoryKiB * p.iterations <= b.maxWork &&
    inRange(saltLength, b.salt);
  if (!ok) {
    throw new KansliError(
      'kdf-params-refused',
      'The register asks for key-derivation settings outside what Kansli accepts.',
      { memoryKiB: p.memoryKiB, iterations: p.iterations, parallelism: p.parallelism, saltLength },
    );
  }
}

/** A typed "å" may arrive precomposed (NFC) or decomposed (NFD); both must open the file. */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Argon2id (v1.3) → 32-byte key-encryption key. Bounds are checked first. */
export async function deriveKey(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<Buffer> {
  checkKdfParams(params, salt.length);
  return hashRaw(normalizePassphrase(passphrase), {
    algorithm: 2, // Argon2id
    version: 1, // 0x13
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: KEY_BYTES,
    salt,
  });
}
