import { KansliError } from '../../../shared/result';
import type { Db } from '../database';
import { m001 } from './001-foundation';
import { m002 } from './002-register';
import { m003 } from './003-imports-exports';
import { m004 } from './004-dues';
import { m005 } from './005-communication';
import { m006 } from './006-import-history';
import { m007 } from './007-direct-debit';
import { m008 } from './008-bank-imports';
import { m009 } from './009-surveys';
import { m010 } from './010-member-references';
import { m011 } from './011-write-off-time-important';
import { m012 } from './012-camt053-imports';

export interface Migration {
  version: number;
  name: string;
  /** Fixed SQL; runs inside the one migration transaction. */
  up: string;
}

/** Every migration, in order. A register records the last one applied in PRAGMA user_version. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Brings a register up to this app's schema in one transaction: all pending migrations apply, or
 * none do. A register from a newer Kansli is refused rather than guessed at.
 * Returns how many migrations ran (the caller saves when any did).
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version');
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (current > latest) {
    throw new KansliError('newer-version', `This register was saved by a newer Kansli (schema ${current}); this Kansli knows up to ${latest}.`);
  }
  const pending = migrations.filter((m) => m.version > current);
  if (!pending.length) return 0;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up);
      db.setUserVersion(m.version);
    }
  });
  return pending.length;
}
