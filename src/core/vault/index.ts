/**
 * The register file: encryption at rest (format.ts), key derivation (kdf.ts), the printed
 * recovery key (recovery-key.ts) and the file on disk with its lock and backups (store.ts).
 * docs/register-file.md describes the format byte by byte.
 */
export { DEFAULT_KDF, type KdfParams } from './kdf';
export { generateRecoveryKey } from './recovery-key';
export {
  changePassphrase,
  checkIntegrity,
  replaceRecoveryKey,
  reseal,
  resetPassphrase,
  sealNew,
  unseal,
  unsealWithKeys,
  type Secret,
  type VaultKeys,
} from './format';
export { backupDir, conflictCopies, listBackups, RegisterFile } from './store';
