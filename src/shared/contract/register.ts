import { z } from 'zod';
import { handler } from './define';

export const COUNTRIES = ['SE', 'NO'] as const;
export type RegisterCountry = (typeof COUNTRIES)[number];
export const LANGUAGES = ['sv', 'nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export interface RegisterInfo {
  path: string;
  associationName: string;
  country: RegisterCountry;
  currency: 'SEK' | 'NOK';
  language: Language;
  idleLockMinutes: number;
  saveState: SaveState;
  /** Set when the last save failed: an i18n key and the system's own words. */
  saveError?: { code: string; message: string };
  /** Sync-conflict copies found beside the register (e.g. "Förening (conflicted copy).kansli"). */
  conflictCopies: string[];
  /** Opened with the recovery key: the user should set a new passphrase. */
  openedWithRecoveryKey: boolean;
}

export interface CreatedRegister {
  info: RegisterInfo;
  /** Shown once, printed on the recovery sheet; never stored in clear anywhere. */
  recoveryKey: string;
}

export interface RecentRegister {
  path: string;
  openedAt: string;
  exists: boolean;
}

export interface BackupEntry {
  path: string;
  savedAt: string;
  size: number;
  verified: boolean;
}

const passphrase = z.string().min(1).max(1024);
const filePath = z.string().min(1).max(4096);

export const secretSchema = z.union([
  z.object({ passphrase }),
  z.object({ recoveryKey: z.string().min(1).max(200) }),
]);
export type RegisterSecret = z.infer<typeof secretSchema>;

export const registerContract = {
  'register.create': handler<CreatedRegister>()(
    z.object({
      path: filePath,
      associationName: z.string().trim().min(1).max(200),
      country: z.enum(COUNTRIES),
      language: z.enum(LANGUAGES),
      passphrase,
    }),
  ),
  /** `force` takes over a lock another Kansli left (after the user confirmed it is not in use). */
  'register.open': handler<RegisterInfo>()(
    z.object({ path: filePath, secret: secretSchema, force: z.boolean().default(false) }),
  ),
  'register.info': handler<RegisterInfo | null>()(z.object({})),
  'register.lock': handler<{ locked: true; path: string }>()(
    z.object({ reason: z.enum(['user', 'idle']).default('user') }),
  ),
  'register.close': handler<{ closed: true }>()(z.object({})),
  'register.save': handler<RegisterInfo>()(z.object({})),
  /** After the file changed on disk under us: write what we have to a new file instead. */
  'register.saveAsCopy': handler<RegisterInfo>()(z.object({ path: filePath })),
  'register.changePassphrase': handler<{ changed: true }>()(
    z.object({ current: passphrase, next: passphrase }),
  ),
  /** After opening with the recovery key: a new passphrase, without the forgotten one. */
  'register.resetPassphrase': handler<RegisterInfo>()(z.object({ next: passphrase })),
  /** A new recovery key replaces the old one (shown once). */
  'register.renewRecoveryKey': handler<{ recoveryKey: string }>()(z.object({ passphrase })),
  'register.writeRecoverySheet': handler<{ path: string }>()(
    z.object({ path: filePath, recoveryKey: z.string().min(1).max(200) }),
  ),
  'register.updateSettings': handler<RegisterInfo>()(
    z.object({
      associationName: z.string().trim().min(1).max(200).optional(),
      language: z.enum(LANGUAGES).optional(),
      idleLockMinutes: z.number().int().min(1).max(240).optional(),
    }),
  ),
  'register.recent': handler<RecentRegister[]>()(z.object({})),
  'register.forgetRecent': handler<RecentRegister[]>()(z.object({ path: filePath })),
  'register.backups': handler<BackupEntry[]>()(z.object({ path: filePath })),
  /** Opens a verified backup: it is copied beside the damaged register, never over it. */
  'register.restoreBackup': handler<{ path: string }>()(
    z.object({ backupPath: filePath, targetPath: filePath }),
  ),
} as const;
