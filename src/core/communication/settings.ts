import { DEFAULT_BCC_CHUNK, DEFAULT_FREQUENCY_LIMIT, type CommunicationSettings } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql } from '../db/sql';

/** Keys in the register's settings table (one row each, like the register's own settings). */
const KEYS = {
  smsPricePerSegment: 'communication.smsPricePerSegment',
  frequencyLimit: 'communication.frequencyLimit',
  bccChunkSize: 'communication.bccChunkSize',
} as const satisfies Record<keyof CommunicationSettings, string>;

const DEFAULTS: CommunicationSettings = { smsPricePerSegment: 0, frequencyLimit: DEFAULT_FREQUENCY_LIMIT, bccChunkSize: DEFAULT_BCC_CHUNK };

export function readCommunicationSettings(db: Db): CommunicationSettings {
  const rows = db.all<{ key: string; value: string }>(sql`SELECT key, value FROM settings WHERE key LIKE 'communication.%'`);
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const out = { ...DEFAULTS };
  for (const [field, key] of Object.entries(KEYS) as [keyof CommunicationSettings, string][]) {
    const n = Number(map.get(key));
    if (map.has(key) && Number.isSafeInteger(n) && n >= 0) out[field] = n;
  }
  return out;
}

export function writeCommunicationSettings(db: Db, s: CommunicationSettings): void {
  for (const [field, key] of Object.entries(KEYS) as [keyof CommunicationSettings, string][]) {
    db.run(sql`INSERT INTO settings (key, value) VALUES (${key}, ${String(s[field])})
               ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  }
}
