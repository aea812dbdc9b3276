import { describe, expect, it } from 'vitest';
import { Db } from '../database';
import { sql } from '../sql';
import { MIGRATIONS, migrate } from './index';

describe('migration 011 (write-off time, important send-outs)', () => {
  it('adds the columns to a register at version 10, keeping its rows', async () => {
    const db = await Db.create();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 10));
    db.exec(`INSERT INTO send_outs (title, channel, planned_on, status, audience, created_at, updated_at)
             VALUES ('Kallelse', 'sms', '2026-03-01', 'planned', '{"kind":"all"}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 11))).toBe(1);
    expect(db.get(sql`SELECT title, important FROM send_outs`)).toEqual({ title: 'Kallelse', important: 0 });
    expect(db.column<string>(sql`SELECT name FROM pragma_table_info('invoices') WHERE name = 'written_off_at'`)).toEqual(['written_off_at']);
    expect(() => db.exec(`UPDATE send_outs SET important = 2`)).toThrow(/CHECK/);
  });
});
