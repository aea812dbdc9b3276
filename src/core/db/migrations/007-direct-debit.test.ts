import { describe, expect, it } from 'vitest';
import { Db } from '../database';
import { sql } from '../sql';
import { migrate, MIGRATIONS } from './index';

describe('migration 007 (direct debit)', () => {
  it('adds the mandate, order, file and settings tables to a version-6 register, with their rules', async () => {
    const db = await Db.create();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 6));
    db.run(sql`INSERT INTO members (member_number, first_name, last_name, country, status, created_at, updated_at, search_text, sort_last, sort_first)
               VALUES (7, 'Åsa', 'Ödegård', 'SE', 'active', '2026-01-01T00:00:00Z', 'x', '', '', '')`);
    expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 7))).toBe(1);

    db.run(sql`INSERT INTO autogiro_mandates (member_id, payer_number, status, pending, created_at, updated_at) VALUES (1, '7', 'requested', 'new', 'x', 'x')`);
    expect(() => db.run(sql`UPDATE autogiro_mandates SET status = 'maybe'`)).toThrow(/CHECK/);
    expect(() => db.run(sql`UPDATE autogiro_mandates SET pending = 'later'`)).toThrow(/CHECK/);

    // The same imported file (by its hash) is recorded once; exports carry no hash.
    const file = (hash: string | null) => sql`INSERT INTO direct_debit_files (kind, direction, file_name, hash, records, amount, at) VALUES ('ag-report', 'import', 'f.txt', ${hash}, 1, 100, 'x')`;
    db.run(file('abc'));
    expect(() => db.run(file('abc'))).toThrow(/UNIQUE/);
    db.run(file(null));
    db.run(file(null));

    // An order belongs to one invoice and is for a positive amount.
    db.run(sql`INSERT INTO invoices (seq, kind, year, member_id, issued_on, due_on, reference, reference_kind, total, created_at)
               VALUES (1, 'invoice', 2026, 1, '2026-01-10', '2026-01-28', '18', 'ocr', 30000, 'x')`);
    const order = (amount: number) => sql`INSERT INTO direct_debit_orders (invoice_id, member_id, kind, payer_reference, amount, debit_on) VALUES (1, 1, 'autogiro', '7', ${amount}, '2026-01-28')`;
    expect(() => db.run(order(0))).toThrow(/CHECK/);
    db.run(order(30000));
    expect(() => db.run(order(30000))).toThrow(/UNIQUE/);
    expect(db.column(sql`SELECT count(*) FROM treasury_settings`)).toEqual([0]);
  });
});
