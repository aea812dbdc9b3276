import { describe, expect, it } from 'vitest';
import { Db } from '../database';
import { sql } from '../sql';
import { migrate, MIGRATIONS } from './index';

describe('migration 006 (import history)', () => {
  it('keeps every member_history row of a version-5 register and accepts the source import', async () => {
    const db = await Db.create();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 5));
    db.run(sql`INSERT INTO members (member_number, first_name, last_name, country, status, created_at, updated_at, search_text, sort_last, sort_first)
               VALUES (1, 'Åsa', 'Ødegård', 'SE', 'active', '2024-01-01T00:00:00Z', 'x', '', '', '')`);
    db.run(sql`INSERT INTO member_history (member_id, at, field, old_value, new_value, source) VALUES
               (1, '2024-02-01T00:00:00Z', 'email', NULL, 'a@b.se', 'edit'),
               (1, '2024-03-01T00:00:00Z', 'duesInvoice', NULL, '1', 'dues')`);
    expect(() => db.run(sql`INSERT INTO member_history (member_id, at, field, source) VALUES (1, 'x', 'created', 'import')`)).toThrow(/CHECK/);
    const before = db.all(sql`SELECT * FROM member_history ORDER BY id`);
    expect(migrate(db)).toBe(MIGRATIONS.length - 5);
    expect(db.all(sql`SELECT * FROM member_history ORDER BY id`)).toEqual(before);
    db.run(sql`INSERT INTO member_history (member_id, at, field, new_value, source) VALUES (1, '2026-02-01T00:00:00Z', 'created', 'medlemmar.csv', 'import')`);
    expect(() => db.run(sql`INSERT INTO member_history (member_id, at, field, source) VALUES (1, 'x', 'y', 'nonsense')`)).toThrow(/CHECK/);
    expect(db.column<string>(sql`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'member_history' ORDER BY name`)).toEqual([
      'member_history_member',
      'member_history_op',
    ]);
  });
});
