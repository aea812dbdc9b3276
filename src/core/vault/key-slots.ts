import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';
import { KansliError } from '../../shared/result';
import { TAG_BYTES, type Header, type HeaderFields, type Slot } from './header';
import { deriveKey, KEY_BYTES, SALT_BYTES, type KdfParams } from './kdf';
import { recoveryKek } from './recovery-key';

/*
 * One random file key encrypts the payload. It is stored twice, wrapped: once under a key derived
 * from the passphrase (Argon2id), once under the printed recovery key. Changing either rewraps
 * the same file key; the payload is not re-encrypted with a new key.
 */

const SLOT_AAD = {
  passphrase: Buffer.from('kansli slot v1 passphrase', 'utf8'),
  recovery: Buffer.from('kansli slot v1 recovery', 'utf8'),
};

export type Secret = { passphrase: string } | { recoveryKey: string };

/** What an unlocked register needs to be saved again. Opaque outside the vault. */
declare const vaultKeysBrand: unique symbol;
export interface VaultKeys {
  readonly [vaultKeysBrand]: true;
  /** How the file key was unlocked: a register opened with the recovery key may set a new passphrase. */
  readonly unlockedBy: 'created' | 'passphrase' | 'recovery';
}

/** The real VaultKeys; never printed or serialised with its key. */
export class KeyState implements HeaderFields {
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

export const asKeys = (s: KeyState) => s as unknown as VaultKeys;
export function keyState(keys: VaultKeys): KeyState {
  if (!(keys instanceof KeyState)) throw new KansliError('internal', 'Not a VaultKeys object.');
  return keys;
}

/** Zeroes the file key in memory (after close). The object is unusable afterwards. */
export function wipeKeys(keys: VaultKeys): void {
  keyState(keys).fileKey.fill(0);
}

function wrap(kek: Buffer, fileKey: Buffer, aad: Buffer): Slot {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES });
  c.setAAD(aad);
  const wrapped = Buffer.concat([c.update(fileKey), c.final(), c.getAuthTag()]);
  return { nonce, wrapped };
}

/** undefined: the key-encryption key is not the one this slot was wrapped with. */
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

/** A fresh file key with both slots, for a new register. */
export async function newKeyState(opts: { passphrase: string; recoveryKey: string; params: KdfParams; chunkSize: number }): Promise<KeyState> {
  const fileKey = randomBytes(KEY_BYTES);
  const rec = recoverySlot(fileKey, opts.recoveryKey);
  const pass = await passphraseSlot(fileKey, opts.passphrase, opts.params);
  return new KeyState(fileKey, pass.kdf, pass.slot, rec, opts.chunkSize, 'created');
}

/** The file key from the slot `secret` opens; 'wrong-passphrase' or 'wrong-recovery-key' otherwise. */
export async function unlockFileKey(h: Header, secret: Secret): Promise<{ fileKey: Buffer; unlockedBy: 'passphrase' | 'recovery' }> {
  if ('passphrase' in secret) {
    const kek = await deriveKey(secret.passphrase, h.kdf.salt, h.kdf);
    const fileKey = unwrap(kek, h.slots.passphrase, SLOT_AAD.passphrase);
    if (!fileKey) throw new KansliError('wrong-passphrase', 'The passphrase is not right.');
    return { fileKey, unlockedBy: 'passphrase' };
  }
  const kek = recoveryKek(secret.recoveryKey, h.slots.recovery.salt);
  const fileKey = unwrap(kek, h.slots.recovery, SLOT_AAD.recovery);
  if (!fileKey) throw new KansliError('wrong-recovery-key', 'This recovery key does not belong to this register.', { reason: 'key' });
  return { fileKey, unlockedBy: 'recovery' };
}

/** The keys of an opened register: its slots as read, so the next save writes them unchanged. */
export function keysFromHeader(h: Header, fileKey: Buffer, unlockedBy: 'passphrase' | 'recovery'): VaultKeys {
  const { memoryKiB, iterations, parallelism, salt } = h.kdf;
  return asKeys(
    new KeyState(fileKey, { params: { memoryKiB, iterations, parallelism }, salt }, h.slots.passphrase, h.slots.recovery, h.chunkSize, unlockedBy),
  );
}

/** Verifies `current` against the passphrase slot, then wraps the file key under `next` (new salt). */
export async function changePassphrase(keys: VaultKeys, current: string, next: string): Promise<VaultKeys> {
  const s = keyState(keys);
  const kek = await deriveKey(current, s.kdf.salt, s.kdf.params);
  const unwrapped = unwrap(kek, s.passphraseSlot, SLOT_AAD.passphrase);
  if (!unwrapped || !timingSafeEqual(unwrapped, s.fileKey)) {
    throw new KansliError('wrong-passphrase', 'The current passphrase is not right.');
  }
  return resetPassphraseUnchecked(s, next, s.unlockedBy);
}

/** After opening with the recovery key the old passphrase is, by definition, not at hand. */
export async function resetPassphrase(keys: VaultKeys, next: string): Promise<VaultKeys> {
  const s = keyState(keys);
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
  const s = keyState(keys);
  return asKeys(new KeyState(s.fileKey, s.kdf, s.passphraseSlot, recoverySlot(s.fileKey, recoveryKey), s.chunkSize, s.unlockedBy));
}
