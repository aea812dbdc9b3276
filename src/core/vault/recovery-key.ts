import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { KansliError } from '../../shared/result';

/**
 * The printed recovery key: 17 random bytes (136 bits) and a 3-byte checksum, written as 32
 * Crockford base32 characters in 8 groups of 4 ("7Q2M-...") . The checksum catches a mistyped key
 * before any unwrapping, so "check what you typed" can be told apart from "this is not the key".
 * The key is high-entropy, so it wraps the file key through HKDF-SHA256 alone (no Argon2).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_BYTES = 17;
const CHECK_BYTES = 3;
const TOTAL_BYTES = RANDOM_BYTES + CHECK_BYTES; // 20 bytes = 160 bits = 32 characters
const CHARS = (TOTAL_BYTES * 8) / 5;
const HKDF_INFO = Buffer.from('kansli recovery slot v1', 'utf8');

const DECODE = new Map<string, number>();
[...ALPHABET].forEach((c, i) => DECODE.set(c, i));
// Crockford's reading rules: O is 0; I and L are 1.
DECODE.set('O', 0);
DECODE.set('I', 1);
DECODE.set('L', 1);

function checksum(random: Uint8Array): Buffer {
  return createHash('sha256').update('kansli recovery key').update(random).digest().subarray(0, CHECK_BYTES);
}

function encode(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return out.match(/.{1,4}/g)!.join('-');
}

export function generateRecoveryKey(): string {
  const random = randomBytes(RANDOM_BYTES);
  return encode(Buffer.concat([random, checksum(random)]));
}

/**
 * Reads a recovery key as typed: any case, spaces, dashes, dots or underscores anywhere, and the
 * O/0, I/1/L confusions. Returns the 17 random bytes. Throws 'wrong-recovery-key' (details.reason
 * 'format' or 'checksum') for something that cannot be a key.
 */
export function parseRecoveryKey(text: string): Buffer {
  const cleaned = text.toUpperCase().replace(/[\s\-_.\u2010-\u2015\u2212]/g, '');
  if (cleaned.length !== CHARS) {
    throw new KansliError('wrong-recovery-key', `A recovery key has ${CHARS} characters; this one has ${cleaned.length}.`, {
      reason: 'format',
    });
  }
  const out = Buffer.alloc(TOTAL_BYTES);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of cleaned) {
    const v = DECODE.get(c);
    if (v === undefined) {
      throw new KansliError('wrong-recovery-key', `"${c}" does not occur in a recovery key.`, { reason: 'format' });
    }
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  const random = out.subarray(0, RANDOM_BYTES);
  if (!checksum(random).equals(out.subarray(RANDOM_BYTES))) {
    throw new KansliError('wrong-recovery-key', 'The recovery key has a typing mistake (its check characters do not match).', {
      reason: 'checksum',
    });
  }
  return Buffer.from(random);
}

/** The key-encryption key of the recovery slot. */
export function recoveryKek(recoveryKey: string, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', parseRecoveryKey(recoveryKey), salt, HKDF_INFO, 32));
}
