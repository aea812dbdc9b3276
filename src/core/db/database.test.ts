import { describe, expect, it } from 'vitest';
import { Db } from './database';
import { migrate, MIGRATIONS, LATEST_VERSION, type Migration } from './migrations';
import { sql } from './sql';

describe('Db', () => {
  it('binds values as parameters, never as statement text', async () => {
    const db = await Db.create();
    db.exec('CREATE TABLE t (v TEXT)');
    const hostile = "x'); DROP TABLE t; --";
    db.run(sql`INSERT INTO t (v) VALUES (${hostile})`);
    expect(db.all(sql`SELECT v FROM t`)).toEqual([{ v: hostile }]);
  });

  it('rolls a failed transaction back whole', async () => {
    const db = await Db.create();
    db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    expect(() =>
      db.transaction(() => {
        db.run(sql`INSERT INTO t (v) VALUES (${1})`);
        db.run(sql`INSERT INTO t (v) VALUES (${null})`);
      }),
    ).toThrow();
    expect(db.column(sql`SELECT count(*) FROM t`)).toEqual([0]);
  });

  it('refuses to export during an open transaction (security case 15)', async () => {
    const db = await Db.create();
    db.exec('CREATE TABLE t (v INTEGER)');
    db.transaction(() => {
      expect(() => db.export()).toThrow(/half done/);
    });
    expect(db.export().length).toBeGreaterThan(0);
  });

  it('still enforces foreign keys after a save and a reopen (security case 16)', async () => {
    const db = await Db.create();
    migrate(db);
    const bytes = db.export();
    const violate = (d: Db) =>
      d.run(sql`INSERT INTO members (member_number, first_name, last_name, country, membership_type_id, created_at, updated_at, search_text, sort_last, sort_first)
                VALUES (1, 'A', 'B', 'SE', 9999, 'x', 'x', '', '', '')`);
    expect(() => violate(db)).toThrow(/FOREIGN KEY/);
    const reopened = await Db.create(bytes);
    expect(reopened.pragma('foreign_keys')).toBe(1);
    expect(() => violate(reopened)).toThrow(/FOREIGN KEY/);
  });
});

describe('migrations', () => {
  it('are numbered in order without gaps', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('bring a new database to the latest version, and run once', async () => {
    const db = await Db.create();
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version')).toBe(LATEST_VERSION);
    expect(migrate(db)).toBe(0);
    expect(db.column<string>(sql`SELECT code FROM membership_types ORDER BY position`)).toEqual([
      'full', 'supporting', 'family', 'youth', 'honorary',
    ]);
  });

  it('apply all or nothing', async () => {
    const db = await Db.create();
    const broken: Migration[] = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'broken', up: 'CREATE TABLE ok (a); SELECT * FROM missing_table;' }];
    migrate(db);
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version')).toBe(LATEST_VERSION);
    expect(db.all(sql`SELECT name FROM sqlite_master WHERE name = 'ok'`)).toEqual([]);
  });

  it('refuse a register from a newer Kansli', async () => {
    const db = await Db.create();
    migrate(db);
    db.setUserVersion(LATEST_VERSION + 5);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'newer-version' }));
  });
});
