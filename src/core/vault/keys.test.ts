/** Key handling: Argon2id bounds and defaults, the recovery key, the two slots, re-wrapping. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KansliError } from '../../shared/result';
import {
  changePassphrase,
  DEFAULT_KDF,
  generateRecoveryKey,
  replaceRecoveryKey,
  reseal,
  resetPassphrase,
  sealNew,
  unseal,
  unsealWithKeys,
} from './index';
import { checkKdfParams, deriveKey } from './kdf';
import { parseRecoveryKey } from './recovery-key';

const KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

async function code(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof KansliError) return e.code;
    throw e;
  }
  throw new Error('expected a KansliError, nothing was thrown');
}
const header = (b: Buffer) => JSON.parse(b.toString('utf8', 14, 14 + b.readUInt32BE(10)));

describe('Argon2id', () => {
  it('defaults to RFC 9106 second recommendation, and a file sealed with them opens', async () => {
    expect(DEFAULT_KDF).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 4 });
    const recoveryKey = generateRecoveryKey();
    const { bytes } = await sealNew(Buffer.from('hej'), { passphrase: 'lösen', recoveryKey });
    const h = header(bytes);
    expect(h.kdf).toMatchObject({ id: 'argon2id', version: 0x13, memoryKiB: 65536, iterations: 3, parallelism: 4 });
    expect(Buffer.from(h.kdf.salt, 'base64')).toHaveLength(16);
    expect((await unseal(bytes, { passphrase: 'lösen' })).plaintext.toString()).toBe('hej');
    expect(await code(unseal(bytes, { passphrase: 'lösen!' }))).toBe('wrong-passphrase');
  });

  it('is deterministic for the same salt and parameters, different for another salt or passphrase', async () => {
    const salt = randomBytes(16);
    const a = await deriveKey('å', salt, KDF);
    expect(a).toHaveLength(32);
    expect((await deriveKey('å'.normalize('NFD'), salt, KDF)).equals(a)).toBe(true);
    expect((await deriveKey('å', randomBytes(16), KDF)).equals(a)).toBe(false);
    expect((await deriveKey('ä', salt, KDF)).equals(a)).toBe(false);
  });

  it('refuses parameters out of bounds before deriving', async () => {
    for (const p of [
      { memoryKiB: 2 ** 31, iterations: 1, parallelism: 1 },
      { memoryKiB: 65536, iterations: 1000, parallelism: 1 },
      { memoryKiB: 65536, iterations: 1, parallelism: 64 },
      { memoryKiB: 1024, iterations: 1, parallelism: 1 },
      { memoryKiB: 65536, iterations: 0, parallelism: 1 },
      { memoryKiB: 65536, iterations: 2.5, parallelism: 1 },
      { memoryKiB: NaN, iterations: 1, parallelism: 1 },
    ]) {
      expect(await code(() => checkKdfParams(p)), JSON.stringify(p)).toBe('kdf-params-refused');
      expect(await code(deriveKey('x', randomBytes(16), p))).toBe('kdf-params-refused');
    }
    expect(await code(deriveKey('x', randomBytes(4), KDF))).toBe('kdf-params-refused');
    // A new register with such settings is refused too: it could never be opened.
    expect(await code(sealNew(Buffer.alloc(1), { passphrase: 'x', recoveryKey: generateRecoveryKey(), kdf: { ...KDF, memoryKiB: 2 ** 31 } }))).toBe(
      'kdf-params-refused',
    );
    expect(() => checkKdfParams(DEFAULT_KDF)).not.toThrow();
    expect(() => checkKdfParams(KDF)).not.toThrow();
  });
});

describe('the recovery key', () => {
  it('is ≥ 128 random bits in 8 readable groups of 4 Crockford base32 characters', () => {
    const keys = new Set(Array.from({ length: 200 }, generateRecoveryKey));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    const k = [...keys][0];
    expect(parseRecoveryKey(k)).toHaveLength(17); // 136 bits of randomness, plus a 24-bit checksum
  });

  it('is read forgivingly: any case, spaces or no dashes, O for 0, I or L for 1', () => {
    let k = generateRecoveryKey();
    while (!/0/.test(k) || !/1/.test(k)) k = generateRecoveryKey(); // so the O/0 and I/L/1 swaps bite
    const raw = parseRecoveryKey(k);
    const variants = [
      k.toLowerCase(),
      k.replace(/-/g, ''),
      k.replace(/-/g, ' '),
      `  ${k.replace(/-/g, ' - ')}  `,
      k.replace(/0/g, 'O').replace(/1/g, 'l'),
      k.replace(/1/g, 'I').toLowerCase(),
    ];
    for (const v of variants) expect(parseRecoveryKey(v).equals(raw), v).toBe(true);
  });

  it('reports a typing mistake (checksum) or a wrong shape as wrong-recovery-key, with the reason', () => {
    const k = generateRecoveryKey();
    const typo = (k[0] === 'A' ? 'B' : 'A') + k.slice(1);
    const reason = (text: string) => {
      try {
        parseRecoveryKey(text);
      } catch (e) {
        return [(e as KansliError).code, (e as KansliError).details?.reason];
      }
      return 'accepted';
    };
    expect(reason(typo)).toEqual(['wrong-recovery-key', 'checksum']);
    expect(reason(k.slice(0, -1))).toEqual(['wrong-recovery-key', 'format']);
    expect(reason(k.slice(0, -1) + 'U')).toEqual(['wrong-recovery-key', 'format']);
    expect(reason('')).toEqual(['wrong-recovery-key', 'format']);
  });

  it('opens the register; another valid key does not (wrong-recovery-key)', async () => {
    const recoveryKey = generateRecoveryKey();
    const { bytes } = await sealNew(Buffer.from('medlemmar'), { passphrase: 'p', recoveryKey, kdf: KDF });
    const opened = await unseal(bytes, { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') });
    expect(opened.plaintext.toString()).toBe('medlemmar');
    expect(opened.keys.unlockedBy).toBe('recovery');
    expect(await code(unseal(bytes, { recoveryKey: generateRecoveryKey() }))).toBe('wrong-recovery-key');
    expect(await code(unseal(bytes, { recoveryKey: 'not a key' }))).toBe('wrong-recovery-key');
  });

  it('is required to be a real key when a register is created', async () => {
    expect(await code(sealNew(Buffer.alloc(1), { passphrase: 'p', recoveryKey: 'password123', kdf: KDF }))).toBe('validation');
  });
});

describe('slots and re-wrapping', () => {
  it('reseal keeps key and slots but uses fresh nonces every time', async () => {
    const plaintext = randomBytes(3000);
    const { bytes, keys } = await sealNew(plaintext, { passphrase: 'p', recoveryKey: generateRecoveryKey(), kdf: KDF });
    const again = reseal(plaintext, keys);
    const h1 = header(bytes);
    const h2 = header(again);
    expect(h2.slots).toEqual(h1.slots);
    expect(h2.kdf).toEqual(h1.kdf);
    expect(h2.noncePrefix).not.toBe(h1.noncePrefix);
    expect(again.subarray(-1000).equals(bytes.subarray(-1000))).toBe(false);
    expect(unsealWithKeys(again, keys).equals(plaintext)).toBe(true);
    expect((await unseal(again, { passphrase: 'p' })).plaintext.equals(plaintext)).toBe(true);
  });

  it('keeps nothing secret in its printable form', async () => {
    const { keys } = await sealNew(Buffer.alloc(1), { passphrase: 'p', recoveryKey: generateRecoveryKey(), kdf: KDF });
    expect(JSON.stringify({ keys })).toBe('{"keys":"[VaultKeys]"}');
  });

  it('changePassphrase: the old one stops working, the new one works, the recovery key still works', async () => {
    const recoveryKey = generateRecoveryKey();
    const plaintext = Buffer.from('register');
    const { keys } = await sealNew(plaintext, { passphrase: 'gammal', recoveryKey, kdf: KDF });
    expect(await code(changePassphrase(keys, 'fel', 'ny'))).toBe('wrong-passphrase');
    const next = await changePassphrase(keys, 'gammal', 'ny');
    const bytes = reseal(plaintext, next);
    expect(await code(unseal(bytes, { passphrase: 'gammal' }))).toBe('wrong-passphrase');
    expect((await unseal(bytes, { passphrase: 'ny' })).plaintext.equals(plaintext)).toBe(true);
    expect((await unseal(bytes, { recoveryKey })).plaintext.equals(plaintext)).toBe(true);
    expect(header(bytes).kdf.salt).not.toBe(header(reseal(plaintext, keys)).kdf.salt); // new salt
  });

  it('replaceRecoveryKey: the old key stops working, the new one and the passphrase work', async () => {
    const old = generateRecoveryKey();
    const { keys } = await sealNew(Buffer.from('x'), { passphrase: 'p', recoveryKey: old, kdf: KDF });
    const fresh = generateRecoveryKey();
    const bytes = reseal(Buffer.from('x'), replaceRecoveryKey(keys, fresh));
    expect(await code(unseal(bytes, { recoveryKey: old }))).toBe('wrong-recovery-key');
    expect((await unseal(bytes, { recoveryKey: fresh })).plaintext.toString()).toBe('x');
    expect((await unseal(bytes, { passphrase: 'p' })).plaintext.toString()).toBe('x');
  });

  it('resetPassphrase only after opening with the recovery key', async () => {
    const recoveryKey = generateRecoveryKey();
    const { bytes, keys } = await sealNew(Buffer.from('x'), { passphrase: 'glömt', recoveryKey, kdf: KDF });
    expect(await code(resetPassphrase(keys, 'ny'))).toBe('validation');
    const viaPass = await unseal(bytes, { passphrase: 'glömt' });
    expect(await code(resetPassphrase(viaPass.keys, 'ny'))).toBe('validation');
    const viaRecovery = await unseal(bytes, { recoveryKey });
    const reset = await resetPassphrase(viaRecovery.keys, 'ny');
    const saved = reseal(Buffer.from('x'), reset);
    expect((await unseal(saved, { passphrase: 'ny' })).plaintext.toString()).toBe('x');
    expect(await code(unseal(saved, { passphrase: 'glömt' }))).toBe('wrong-passphrase');
  });

  it('handles empty, exactly-one-chunk and multi-chunk payloads', async () => {
    const { keys } = await sealNew(Buffer.alloc(0), { passphrase: 'p', recoveryKey: generateRecoveryKey(), kdf: KDF });
    for (const n of [0, 1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024]) {
      const plaintext = randomBytes(n);
      expect(unsealWithKeys(reseal(plaintext, keys), keys).equals(plaintext), String(n)).toBe(true);
    }
  });
});
