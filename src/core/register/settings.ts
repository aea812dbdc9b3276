import type { Language, RegisterCountry } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql } from '../db/sql';

export interface RegisterSettings {
  associationName: string;
  country: RegisterCountry;
  language: Language;
  idleLockMinutes: number;
}

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export function readSettings(db: Db): RegisterSettings {
  const rows = db.all<{ key: string; value: string }>(sql`SELECT key, value FROM settings`);
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return {
    associationName: map.get('associationName') ?? '',
    country: map.get('country') === 'NO' ? 'NO' : 'SE',
    language: (['sv', 'nb', 'en'] as const).find((l) => l === map.get('language')) ?? 'sv',
    idleLockMinutes: Number(map.get('idleLockMinutes') ?? DEFAULT_IDLE_LOCK_MINUTES) || DEFAULT_IDLE_LOCK_MINUTES,
  };
}

export function writeSettings(db: Db, patch: Partial<RegisterSettings>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    db.run(sql`INSERT INTO settings (key, value) VALUES (${key}, ${String(value)})
               ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  }
}

export function currencyOf(country: RegisterCountry): 'SEK' | 'NOK' {
  return country === 'NO' ? 'NOK' : 'SEK';
}
