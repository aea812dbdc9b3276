import { describe, expect, it } from 'vitest';
import { Db } from '../database';
import { sql } from '../sql';
import { migrate, MIGRATIONS } from './index';

describe('migration 005 (communication)', () => {
  it('keeps the contact log of a version-4 register and marks its entries as not from a send-out', async () => {
    const db = await Db.create();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 4));
    db.run(sql`INSERT INTO members (member_number, first_name, last_name, country, status, created_at, updated_at, search_text, sort_last, sort_first)
               VALUES (1, 'Åsa', 'Ødegård', 'SE', 'active', '2024-01-01T00:00:00Z', 'x', '', '', '')`);
    db.run(sql`INSERT INTO contact_log (member_id, kind, on_date, created_at) VALUES (1, 'call', '2025-01-01', '2025-01-01T00:00:00Z')`);
    const before = db.all(sql`SELECT * FROM contact_log`);
    migrate(db);
    expect(db.all(sql`SELECT * FROM contact_log`)).toEqual(before.map((r) => ({ ...(r as object), send_out_id: null })));
    // Foreign keys hold: an entry cannot name a send-out that does not exist.
    expect(() => db.run(sql`INSERT INTO contact_log (member_id, kind, on_date, created_at, send_out_id) VALUES (1, 'sms', '2025-01-02', 'x', 99)`)).toThrow(/FOREIGN KEY/);
    expect(() => db.run(sql`INSERT INTO opt_outs (member_id, channel, on_date, source, created_at) VALUES (1, 'fax', '2025-01-01', 'member-page', 'x')`)).toThrow(/CHECK/);
  });
});
