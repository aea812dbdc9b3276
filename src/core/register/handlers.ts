import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import type { Api, Emit } from '../../shared/contract';
import { KansliError } from '../../shared/result';
import { Db } from '../db/database';
import { migrate } from '../db/migrations';
import { recoverySheetPdf } from '../documents/recovery-sheet';
import { generateRecoveryKey, listBackups, RegisterFile, type KdfParams } from '../vault';
import { RecentList } from './recent';
import { Session } from './session';
import { DEFAULT_IDLE_LOCK_MINUTES, writeSettings } from './settings';

type RegisterApi = Pick<Api, Extract<keyof Api, `register.${string}`>>;

export interface RegisterDeps {
  configDir: string;
  emit: Emit;
  kdf?: KdfParams;
  saveDebounceMs: number;
  now: () => Date;
  current(): Session | undefined;
  setCurrent(s: Session | undefined): void;
}

/** The register's file name always ends in .kansli, so people (and backups) can find it. */
export function withExtension(path: string): string {
  return extname(path).toLowerCase() === '.kansli' ? path : `${path}.kansli`;
}

export function createRegisterHandlers(deps: RegisterDeps): RegisterApi {
  const recent = new RecentList(deps.configDir);

  const open = (): Session => {
    const s = deps.current();
    if (!s) throw new KansliError('not-open', 'No register is open.');
    return s;
  };

  /** Only one register at a time: a second open saves and closes the first. */
  const closeCurrent = async () => {
    const s = deps.current();
    if (s) {
      await s.close();
      deps.setCurrent(undefined);
    }
  };

  const start = async (file: RegisterFile, db: Db) => {
    const session = new Session(file, db, deps.emit, deps.saveDebounceMs, deps.now);
    await session.refreshConflicts();
    deps.setCurrent(session);
    await recent.touch(file.path, deps.now());
    return session;
  };

  return {
    async 'register.create'(args) {
      await closeCurrent();
      const path = withExtension(args.path);
      const db = await Db.create();
      migrate(db);
      writeSettings(db, {
        associationName: args.associationName,
        country: args.country,
        language: args.language,
        idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
      });
      const recoveryKey = generateRecoveryKey();
      await mkdir(dirname(path), { recursive: true });
      const file = await RegisterFile.create(path, db.export(), {
        passphrase: args.passphrase,
        recoveryKey,
        kdf: deps.kdf,
      });
      const session = await start(file, db);
      return { info: session.info(), recoveryKey };
    },

    async 'register.open'({ path, secret, force }) {
      await closeCurrent();
      const { file, plaintext } = await RegisterFile.open(path, secret, { force });
      let db: Db | undefined;
      try {
        db = await Db.create(plaintext);
        const ran = migrate(db);
        const session = await start(file, db);
        if (ran) session.changed(); // a migrated register is saved in its new form
        return session.info();
      } catch (e) {
        db?.close();
        await file.close();
        throw e;
      }
    },

    async 'register.info'() {
      return deps.current()?.info() ?? null;
    },

    async 'register.lock'({ reason }) {
      const s = open();
      const path = s.file.path;
      await s.close();
      deps.setCurrent(undefined);
      deps.emit('register.locked', { path, reason });
      return { locked: true, path };
    },

    async 'register.close'() {
      await closeCurrent();
      return { closed: true };
    },

    async 'register.save'() {
      const s = open();
      await s.save();
      return s.info();
    },

    async 'register.saveAsCopy'({ path }) {
      const s = open();
      await s.saveAsCopy(withExtension(path));
      await recent.touch(s.file.path, deps.now());
      return s.info();
    },

    async 'register.changePassphrase'({ current, next }) {
      const s = open();
      await s.file.changePassphrase(current, next);
      s.changed();
      await s.save();
      return { changed: true };
    },

    async 'register.resetPassphrase'({ next }) {
      const s = open();
      await s.file.resetPassphrase(next);
      s.changed();
      await s.save();
      return s.info();
    },

    async 'register.renewRecoveryKey'({ passphrase }) {
      const s = open();
      // Proves the person at the keyboard knows the passphrase before a new key is shown.
      await s.file.changePassphrase(passphrase, passphrase);
      const recoveryKey = s.file.renewRecoveryKey();
      s.changed();
      await s.save();
      return { recoveryKey };
    },

    async 'register.writeRecoverySheet'({ path, recoveryKey }) {
      const s = open();
      const info = s.info();
      const pdf = await recoverySheetPdf({
        associationName: info.associationName,
        registerFileName: basename(info.path),
        recoveryKey,
        createdAt: deps.now(),
        language: info.language,
      });
      const target = extname(path).toLowerCase() === '.pdf' ? path : `${path}.pdf`;
      await writeFile(target, pdf, { mode: 0o600 });
      return { path: target };
    },

    async 'register.updateSettings'(patch) {
      const s = open();
      s.updateSettings(patch);
      return s.info();
    },

    async 'register.recent'() {
      return recent.list();
    },

    async 'register.forgetRecent'({ path }) {
      return recent.forget(path);
    },

    async 'register.backups'({ path }) {
      return listBackups(path);
    },

    async 'register.restoreBackup'({ backupPath, targetPath }) {
      const target = withExtension(targetPath);
      // COPYFILE_EXCL: a restore never overwrites anything, least of all the damaged original.
      await copyFile(backupPath, target, 1).catch((e: NodeJS.ErrnoException) => {
        throw new KansliError(e.code === 'EEXIST' ? 'file-exists' : 'io', e.message);
      });
      return { path: target };
    },
  };
}
