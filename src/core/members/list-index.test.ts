import { describe, expect, it } from 'vitest';
import { Db } from '../db/database';
import { migrate } from '../db/migrations';
import { sql } from '../db/sql';
import { insertingMany, MemberListIndex } from './list-index';

async function db() {
  const d = await Db.create();
  migrate(d);
  return d;
}

function add(d: Db, n: number, last: string, text: string, archived = false) {
  d.run(sql`INSERT INTO members (member_number, first_name, last_name, country, created_at, updated_at, search_text, sort_last, sort_first, archived_at)
            VALUES (${n}, 'X', ${last}, 'SE', 'x', 'x', ${text}, ${last.toLowerCase()}, 'x', ${archived ? 'x' : null})`);
  return d.column(sql`SELECT id FROM members WHERE member_number = ${n}`)[0];
}

const q = { tokens: [] as string[], includeArchived: false, sort: 'lastName' as const, direction: 'asc' as const };

describe('MemberListIndex', () => {
  it('answers search and order from memory, and sees every later write to members', async () => {
    const d = await db();
    const a = add(d, 1, 'Berg', 'berg anna');
    const b = add(d, 2, 'Alm', 'alm odegard');
    const index = new MemberListIndex(d);
    expect(index.ids(q)).toEqual([b, a]);
    expect(index.ids({ ...q, tokens: ['odeg'] })).toEqual([b]);

    // Written behind the index's back, as another domain (a bulk action, an import) would.
    const c = add(d, 3, 'Cedar', 'cedar odegard');
    d.run(sql`UPDATE members SET search_text = 'berg anna odegard', sort_last = 'zz' WHERE id = ${a}`);
    expect(index.ids({ ...q, tokens: ['odeg'] })).toEqual([b, c, a]);
    expect(index.ids({ ...q, direction: 'desc' })).toEqual([a, c, b]);

    d.run(sql`UPDATE members SET archived_at = 'x' WHERE id = ${b}`);
    expect(index.ids({ ...q, tokens: ['odeg'] })).toEqual([c, a]);
    expect(index.ids({ ...q, tokens: ['odeg'], includeArchived: true })).toEqual([b, c, a]);
    expect(index.ids({ ...q, tokens: ['odeg', 'anna'] })).toEqual([a]);
    expect(index.ids({ ...q, within: new Set([a, b]) })).toEqual([a]);
  });

  it('forgets what a rolled-back transaction wrote', async () => {
    const d = await db();
    add(d, 1, 'Berg', 'berg');
    const index = new MemberListIndex(d);
    expect(index.ids(q)).toHaveLength(1);
    expect(() => d.transaction(() => {
      add(d, 2, 'Alm', 'alm');
      throw new Error('abort');
    })).toThrow('abort');
    expect(index.ids(q)).toHaveLength(1);
  });

  it('leaves nothing of itself in the saved register', async () => {
    const d = await db();
    add(d, 1, 'Berg', 'berg');
    new MemberListIndex(d).ids(q);
    const saved = await Db.create(d.export());
    expect(saved.all(sql`SELECT name FROM sqlite_master WHERE name LIKE 'member_index%'`)).toEqual([]);
  });

  it('after many inserts noted once (and after one rolled back) still sees every member', async () => {
    const d = await db();
    add(d, 1, 'Berg', 'berg');
    const index = new MemberListIndex(d);
    expect(index.ids(q)).toHaveLength(1);
    d.transaction(() => insertingMany(d, () => {
      for (let n = 2; n <= 50; n++) add(d, n, `M${n}`, `m${n}`);
    }));
    expect(index.ids(q)).toHaveLength(50);
    expect(index.ids({ ...q, tokens: ['m42'] })).toHaveLength(1);
    expect(() => d.transaction(() => insertingMany(d, () => {
      add(d, 99, 'Gone', 'gone');
      throw new Error('abort');
    }))).toThrow('abort');
    // The per-row note is back: a single insert afterwards is seen too.
    add(d, 100, 'Late', 'late');
    expect(index.ids({ ...q, tokens: ['late'] })).toHaveLength(1);
    expect(index.ids({ ...q, tokens: ['gone'] })).toHaveLength(0);
    expect(index.ids(q)).toHaveLength(51);
  });
});
