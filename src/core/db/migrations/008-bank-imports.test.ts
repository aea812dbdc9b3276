import { describe, expect, it } from 'vitest';
import { Db } from '../database';
import { sql } from '../sql';
import { migrate, MIGRATIONS } from './index';

describe('migration 008 (bank imports)', () => {
  it('adds the import batches beside existing payments, one standing import per file hash, links that follow their payment', async () => {
    const db = await Db.create();
    migrate(db, MIGRATIONS.filter((m) => m.version < 8));
    db.run(sql`INSERT INTO members (member_number, first_name, last_name, country, status, created_at, updated_at, search_text, sort_last, sort_first)
               VALUES (1, 'Åsa', 'Ödegård', 'SE', 'active', '2024-01-01T00:00:00Z', 'x', '', '', '')`);
    db.run(sql`INSERT INTO payments (member_id, paid_on, amount, method, created_at) VALUES (1, '2026-01-01', 25000, 'cash', 'x')`);
    migrate(db);
    expect(db.column(sql`SELECT count(*) FROM payments`)).toEqual([1]);

    const batch = (hash: string, undone: string | null) =>
      db.run(sql`INSERT INTO payment_imports (format, file_name, hash, currency, count, total, at, undone_at) VALUES ('bgmax', 'f.txt', ${hash}, 'SEK', 1, 25000, 'x', ${undone})`).lastId;
    const first = batch('h1', null);
    expect(() => batch('h1', null)).toThrow(/UNIQUE/);
    // An undone import frees its hash.
    db.run(sql`UPDATE payment_imports SET undone_at = 'y' WHERE id = ${first}`);
    const second = batch('h1', null);
    const item = (key: string, status: string) =>
      db.run(sql`INSERT INTO payment_import_items (import_id, line, tx_key, kind, paid_on, amount, currency, method, status)
                 VALUES (${second}, 1, ${key}, 'payment', '2026-03-10', 25000, 'SEK', 'bankgiro', ${status})`).lastId;
    const it1 = item('k1', 'matched');
    expect(() => item('k1', 'review')).toThrow(/UNIQUE/);
    item('k1', 'duplicate'); // a duplicate repeats the key it duplicates
    expect(() => item('k2', 'pending')).toThrow(/CHECK/);

    db.run(sql`INSERT INTO payment_import_payments (payment_id, item_id) VALUES (1, ${it1})`);
    db.run(sql`DELETE FROM payments WHERE id = 1`);
    expect(db.column(sql`SELECT count(*) FROM payment_import_payments`)).toEqual([0]);
  });
});
