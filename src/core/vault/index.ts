/**
 * The register file: encryption at rest (format.ts: header.ts, key-slots.ts, chunks.ts), key
 * derivation (kdf.ts), the printed recovery key (recovery-key.ts) and the file on disk (store.ts,
 * with lock-file.ts, save-pipeline.ts, backups.ts, conflict-copies.ts).
 * docs/register-file.md describes the format byte by byte.
 */
export { DEFAULT_KDF, type KdfParams } from './kdf';
export { generateRecoveryKey } from './recovery-key';
export { checkIntegrity, reseal, sealNew, unseal, unsealWithKeys } from './format';
export { changePassphrase, replaceRecoveryKey, resetPassphrase, type Secret, type VaultKeys } from './key-slots';
export { backupDir, listBackups } from './backups';
export { conflictCopies } from './conflict-copies';
export { RegisterFile } from './store';
