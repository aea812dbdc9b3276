import type { Db } from '../db/database';
import { sql } from '../db/sql';

/**
 * The treasurer's own settings (Bankgirot / Nets identifiers, bookkeeping accounts) in one row
 * as JSON, one key per part. Each part validates its own section with its zod schema when read,
 * so a section written by an older version is filled with today's defaults.
 */
export type TreasurySection = 'directDebit' | 'bookkeeping';

function all(db: Db): Record<string, unknown> {
  const r = db.get<{ data: string }>(sql`SELECT data FROM treasury_settings WHERE id = 1`);
  return r ? (JSON.parse(r.data) as Record<string, unknown>) : {};
}

export function readSection(db: Db, section: TreasurySection): unknown {
  return all(db)[section] ?? {};
}

/** Replaces one section (call inside ctx.write). */
export function writeSection(db: Db, section: TreasurySection, value: unknown, at: string): void {
  const data = JSON.stringify({ ...all(db), [section]: value });
  db.run(sql`INSERT INTO treasury_settings (id, data, updated_at) VALUES (1, ${data}, ${at})
             ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`);
}
