import { describe, expect, it } from 'vitest';
import { Db } from '../database';
import { sql } from '../sql';
import { m012 } from './012-camt053-imports';
import { MIGRATIONS, migrate } from './index';

/** A register at version 11 with two imports (one undone) and an item of each, and a payment one item booked. */
async function at11(): Promise<Db> {
  const db = await Db.create();
  migrate(db, MIGRATIONS.filter((m) => m.version <= 11));
  db.exec(`
    INSERT INTO members (member_number, first_name, last_name, country, status, created_at, updated_at, search_text, sort_last, sort_first)
      VALUES (1, 'Åsa', 'Ödegård', 'SE', 'active', '2024-01-01T00:00:00Z', 'x', '', '', '');
    INSERT INTO payments (id, member_id, paid_on, amount, method, created_at) VALUES (7, 1, '2026-03-10', 25000, 'bank', 'x');
    INSERT INTO payment_imports (id, format, file_name, hash, payee, currency, count, total, at, undone_at)
      VALUES (3, 'camt054', 'a.xml', 'h1', 'SE45', 'SEK', 1, 25000, '2026-03-10T10:00:00Z', NULL),
             (5, 'bgmax', 'b.txt', 'h2', '54029681', 'SEK', 1, 10000, '2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z');
    INSERT INTO payment_import_items (id, import_id, line, tx_key, kind, paid_on, amount, currency, method, status)
      VALUES (11, 3, 4, 'camt:k1#1', 'payment', '2026-03-10', 25000, 'SEK', 'bank', 'matched'),
             (12, 5, 3, 'bgc:1#1', 'payment', '2026-03-09', 10000, 'SEK', 'bankgiro', 'review');
    INSERT INTO payment_import_payments (payment_id, item_id) VALUES (7, 11);
  `);
  return db;
}

describe('migration 012 (camt.053 imports)', () => {
  it('lets an import be a camt.053, keeping every import, item and link, the references and the one-standing-import-per-hash rule', async () => {
    const db = await at11();
    const before = db.all(sql`SELECT * FROM payment_imports ORDER BY id`);
    expect(() => db.exec(`INSERT INTO payment_imports (format, file_name, hash, currency, count, total, at) VALUES ('camt053', 's.xml', 'h3', 'SEK', 0, 0, 'x')`)).toThrow(/CHECK/);

    expect(migrate(db)).toBeGreaterThanOrEqual(1);
    expect(db.all(sql`SELECT * FROM payment_imports ORDER BY id`)).toEqual(before);
    expect(db.column(sql`SELECT count(*) FROM payment_import_items`)).toEqual([2]);
    expect(db.column(sql`SELECT item_id FROM payment_import_payments WHERE payment_id = 7`)).toEqual([11]);
    expect(db.all(sql`PRAGMA foreign_key_check`)).toEqual([]);
    expect(db.pragma('foreign_keys')).toBe(1);

    db.exec(`INSERT INTO payment_imports (format, file_name, hash, currency, count, total, at) VALUES ('camt053', 's.xml', 'h3', 'SEK', 0, 0, 'x')`);
    expect(() => db.exec(`INSERT INTO payment_imports (format, file_name, hash, currency, count, total, at) VALUES ('camt052', 'i.xml', 'h4', 'SEK', 0, 0, 'x')`)).toThrow(/CHECK/);
    // The hash index is back: a standing import's hash is refused again; the undone one's is free.
    expect(() => db.exec(`INSERT INTO payment_imports (format, file_name, hash, currency, count, total, at) VALUES ('bgmax', 'a.xml', 'h1', 'SEK', 0, 0, 'x')`)).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO payment_imports (format, file_name, hash, currency, count, total, at) VALUES ('bgmax', 'b.txt', 'h2', 'SEK', 0, 0, 'x')`);
    // Items still reference imports that exist, enforced.
    expect(() => db.exec(`INSERT INTO payment_import_items (import_id, line, tx_key, kind, paid_on, amount, currency, method, status)
      VALUES (99, 1, 'k', 'payment', '2026-03-10', 1, 'SEK', 'bank', 'review')`)).toThrow(/FOREIGN KEY/);
    expect(() => db.exec(`DELETE FROM payment_imports WHERE id = 3`)).toThrow(/FOREIGN KEY/);
  });

  it('is all or nothing: had the copy left out an import that items reference, the commit would be refused and the register stay at 11', async () => {
    const db = await at11();
    const lossy = { ...m012, up: m012.up.replace('FROM temp.payment_imports_012;', 'FROM temp.payment_imports_012 WHERE id <> 3;') };
    expect(lossy.up).not.toBe(m012.up);
    expect(() => migrate(db, [...MIGRATIONS.filter((m) => m.version <= 11), lossy])).toThrow(/FOREIGN KEY/);
    expect(db.pragma('user_version')).toBe(11);
    expect(db.column(sql`SELECT id FROM payment_imports ORDER BY id`)).toEqual([3, 5]);
    expect(db.column(sql`SELECT count(*) FROM payment_import_items`)).toEqual([2]);
    // The refused commit was rolled back, not left open: the real migration runs after it.
    expect(db.inTransaction).toBe(false);
    migrate(db);
    expect(db.column(sql`SELECT id FROM payment_imports ORDER BY id`)).toEqual([3, 5]);
  });
});
