import { describe, expect, it } from 'vitest';
import { Db } from '../database';
import { sql } from '../sql';
import { MIGRATIONS, migrate } from './index';

describe('migration 010 (member references)', () => {
  it('leaves no foreign key to members without an index that leads with it', async () => {
    const db = await Db.create();
    migrate(db, MIGRATIONS);
    const tables = db.column<string>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
    const unindexed: string[] = [];
    for (const table of tables) {
      const refs = db.all<{ from: string; table: string }>(sql`SELECT "from", "table" FROM pragma_foreign_key_list(${table})`).filter((r) => r.table === 'members');
      const pk = db.all<{ name: string; type: string }>(sql`SELECT name, type FROM pragma_table_info(${table}) WHERE pk > 0`);
      const rowid = pk.length === 1 && pk[0].type.toUpperCase() === 'INTEGER' ? pk[0].name : null; // the table's own key
      for (const ref of refs) {
        if (ref.from === rowid) continue;
        const leading = db
          .column<string>(sql`SELECT name FROM pragma_index_list(${table})`)
          .some((index) => db.column<string>(sql`SELECT name FROM pragma_index_info(${index}) WHERE seqno = 0`)[0] === ref.from);
        if (!leading) unindexed.push(`${table}.${ref.from}`);
      }
    }
    expect(unindexed).toEqual([]);
  });
});
