import type { Emit, RegisterInfo, SaveState } from '../../shared/contract';
import { KansliError, isKansliError } from '../../shared/result';
import type { Db } from '../db/database';
import { conflictCopies, type RegisterFile } from '../vault';
import type { RegisterContext } from './context';
import { currencyOf, readSettings, writeSettings, type RegisterSettings } from './settings';

const RETRY_MS = 30_000;

/**
 * One open register: its decrypted database, its file, and the save schedule. Every change is
 * saved shortly after it is made; a failed save keeps the changes in memory, says why, and retries.
 */
export class Session implements RegisterContext {
  private settings: RegisterSettings;
  private state: SaveState = 'saved';
  private error?: { code: string; message: string };
  private dirty = false;
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private conflicts: string[] = [];

  constructor(
    readonly file: RegisterFile,
    readonly db: Db,
    private readonly emit: Emit,
    private readonly debounceMs: number,
    readonly now: () => Date,
  ) {
    this.settings = readSettings(db);
  }

  get country() {
    return this.settings.country;
  }

  get language() {
    return this.settings.language;
  }

  async refreshConflicts(): Promise<void> {
    this.conflicts = await conflictCopies(this.file.path).catch(() => []);
  }

  info(): RegisterInfo {
    return {
      path: this.file.path,
      ...this.settings,
      currency: currencyOf(this.settings.country),
      saveState: this.state,
      saveError: this.error,
      conflictCopies: this.conflicts,
      openedWithRecoveryKey: this.file.unlockedBy === 'recovery',
    };
  }

  write<T>(fn: () => T): T {
    const result = this.db.transaction(fn);
    this.changed();
    return result;
  }

  updateSettings(patch: Partial<RegisterSettings>): void {
    this.write(() => writeSettings(this.db, patch));
    this.settings = readSettings(this.db);
  }

  /** Marks the register changed and saves after a short quiet period. */
  changed(): void {
    this.dirty = true;
    if (this.state !== 'failed') this.setState('pending');
    this.schedule(this.debounceMs);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.save().catch(() => undefined); // the state and the event carry the failure
    }, ms);
    this.timer.unref?.();
  }

  private setState(state: SaveState, error?: { code: string; message: string }) {
    this.state = state;
    this.error = error;
    this.emit('register.saveState', { state, error });
  }

  /** Saves now if anything is unsaved. Throws 'save-failed' / 'changed-on-disk' when it could not. */
  async save(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    if (!this.dirty) return;
    clearTimeout(this.timer);
    this.running = this.saveOnce();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async saveOnce(): Promise<void> {
    this.dirty = false;
    this.setState('saving');
    try {
      await this.file.save(this.db.export());
      this.setState(this.dirty ? 'pending' : 'saved');
    } catch (e) {
      this.dirty = true;
      const err = isKansliError(e) ? e : new KansliError('save-failed', (e as Error).message);
      this.setState('failed', { code: err.code, message: err.message });
      // A file changed by someone else needs the user's choice; anything else may pass (a full
      // disk freed, a folder made writable), so keep trying quietly.
      if (err.code !== 'changed-on-disk') this.schedule(RETRY_MS);
      throw err;
    }
  }

  /** After the user chose "save as a copy": the register lives on at the new path. */
  async saveAsCopy(path: string): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    clearTimeout(this.timer);
    await this.file.saveAsCopy(path, this.db.export());
    this.dirty = false;
    this.setState('saved');
    await this.refreshConflicts();
  }

  /** Saves and lets go of the file. Refuses (and stays open) if the save fails: nothing is lost. */
  async close(): Promise<void> {
    await this.save();
    clearTimeout(this.timer);
    await this.file.close();
    this.db.close();
  }
}
