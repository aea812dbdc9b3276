// Placeholder replaced by the session module; see src/core/register/session.ts.
import type { Api, Emit } from '../shared/contract';

export interface CoreOptions {
  /** Where Kansli keeps its own small settings (recent registers). Never secrets. */
  configDir: string;
  /** Events to the window (save state, locked, job progress). */
  emit: Emit;
  /** Argon2id parameters for new registers; tests pass cheaper ones. */
  kdf?: { memoryKiB: number; iterations: number; parallelism: number };
  /** Milliseconds between a change and the automatic save. */
  saveDebounceMs?: number;
  now?: () => Date;
}

export interface Core {
  api: Api;
  /** Saves what is unsaved and releases the register's lock (on quit). */
  shutdown(): Promise<void>;
}

export declare function createCore(options: CoreOptions): Promise<Core>;
