import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../shared/contract/imports';
import { sql } from '../db/sql';
import { REBUILD_INDEXES_FROM } from '../members/batch-insert';
import { registerOn, type TestCore } from '../test-support';
import { applyPlan, collector, type InsertPath } from './apply';
import { readTable } from './parse';
import { planRowsAsync } from './plan';

let cores: TestCore[] = [];
afterEach(async () => {
  await Promise.all(cores.map((t) => t.dispose()));
  cores = [];
});

/** A register with what an import meets: members (one archived), a custom field, a group, a used-up number. */
async function register() {
  const { t } = await registerOn();
  cores.push(t);
  const size = await t.call('customFields.create', { name: 'Tröjstorlek', kind: 'choice', options: ['S', 'M', 'L'] });
  const choir = await t.call('groups.create', { name: 'Kören', kind: 'section' });
  await t.call('members.create', { country: 'SE', firstName: 'Kalle', lastName: 'Anka', email: 'kalle@example.se', membershipTypeId: 1 });
  await t.call('members.create', { country: 'SE', firstName: 'Eva', lastName: 'Lind', identityNumber: '19880320-0016', joinedOn: '2019-03-01' });
  const gone = await t.call('members.create', { country: 'NO', firstName: 'Ola', lastName: 'Nordmann' });
  await t.call('members.archive', { id: gone.id });
  await t.call('members.list', {}); // the list's index exists, as in the app, and follows the import
  return { t, size, choir };
}

/** Every table of the register, row by row, and the schema (without page numbers). */
function dump(t: TestCore): Record<string, unknown[]> {
  const db = t.core.context().db;
  const out: Record<string, unknown[]> = {
    schema: db.all(sql`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`),
  };
  for (const name of db.column<string>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)) {
    out[name] = db.all({ text: `SELECT * FROM "${name}" ORDER BY 1, 2`, params: [] });
  }
  return out;
}

async function importThrough(t: TestCore, path: string, mapping: (ImportTarget | null)[], insert: InsertPath) {
  const ctx = t.core.context();
  const table = await readTable(path);
  const { plan, visit } = collector();
  const o = { headerRow: 1, mapping, fixes: [], skip: [], duplicatePolicy: 'fillEmpty' as const, decisions: [], membershipTypeId: 2 };
  await planRowsAsync(table.rows, o, { db: ctx.db, country: ctx.country, today: '2025-06-15' }, visit);
  return applyPlan(ctx, table.fileName, plan, true, insert);
}

/** The same file into two registers made alike, once per insert path: the registers must come out alike. */
async function compare(lines: string[], mapping: (ImportTarget | 'custom' | 'group' | null)[], afterImport: (t: TestCore) => Promise<void> = async () => undefined) {
  const a = await register();
  const b = await register();
  // Registers differ in nothing but their creation's own settings (ids, salts): those are left out.
  const before = [dump(a.t), dump(b.t)];
  const differing = new Set(before[0].settings.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[1].settings[i])).map((r) => (r as { key: string }).key));
  const withoutOwn = (d: Record<string, unknown[]>) => ({ ...d, settings: d.settings.filter((r) => !differing.has((r as { key: string }).key)) });

  const file = (t: TestCore) => join(t.dir, 'medlemmar.csv');
  for (const { t } of [a, b]) await writeFile(file(t), lines.join('\n') + '\n');
  const m = mapping.map((x) => (x === 'custom' ? `custom:${a.size.id}` : x === 'group' ? `group:${a.choir.id}` : x)) as (ImportTarget | null)[];
  const batch = await importThrough(a.t, file(a.t), m, 'batch');
  const single = await importThrough(b.t, file(b.t), m, 'single');
  expect(batch).toEqual(single);
  expect(withoutOwn(dump(a.t))).toEqual(withoutOwn(dump(b.t)));
  await afterImport(a.t);

  // The undo is the same too, and leaves both as they were before.
  await a.t.call('import.undo', { runId: batch.id });
  await b.t.call('import.undo', { runId: single.id });
  expect(withoutOwn(dump(a.t))).toEqual(withoutOwn(dump(b.t)));
  return { a, b, batch };
}

const HEADER = 'Medlemsnummer;Förnamn;Efternamn;Personnummer;E-post;Mobil;Postnr;Inträdesdatum;Tröjstorlek;Kören';
/** 'custom' and 'group': the register's own field and group, whose ids each register gives. */
const MAPPING: (ImportTarget | 'custom' | 'group')[] = ['memberNumber', 'firstName', 'lastName', 'identityNumber', 'email', 'mobile', 'postcode', 'joinedOn', 'custom', 'group'];

describe('the batch insert writes what the single insert writes', () => {
  it('for a small file: kept and new numbers, identity numbers, own fields, groups, a duplicate filled in', async () => {
    const { a, batch } = await compare(
      [
        HEADER,
        '120;Åsa;Öberg;19900101-0017;asa@example.se;070-123 45 67;114 18;31.01.2024;M;ja',
        ';Per;Ek;;per@example.se;;;;;nej',
        '7;Bjørn;Ærø;;;0701234568;;2023-05-01;l;',
        ';Kalle;Anka;;kalle@example.se;0701234569;41301;;S;ja', // fills Kalle's empty fields
        '2;Eva;Lind;;;;;;;', // number 2 is Eva's: a duplicate by number, nothing new to fill in
      ],
      MAPPING,
    );
    expect(batch).toMatchObject({ created: 3, updated: 1, skipped: 1 });
    // Kept numbers stay; the new one comes after the highest kept.
    const numbers = a.t.core.context().db.column(sql`SELECT member_number FROM members ORDER BY id`);
    expect(numbers).toEqual([1, 2, 3]); // after the undo: as before
  });

  it(`for a file of ${REBUILD_INDEXES_FROM + 500} rows (indexes rebuilt, the list index told once)`, async () => {
    const rows = [HEADER];
    for (let i = 0; i < REBUILD_INDEXES_FROM + 500; i++) {
      const number = i % 3 === 0 ? String(1000 + i) : '';
      rows.push(`${number};Namn${i};Efter${i % 97};;n${i}@example.org;070${String(2000000 + i)};${11000 + (i % 80000)};${1 + (i % 28)}.0${1 + (i % 9)}.2020;${['S', 'M', 'L'][i % 3]};${i % 2 ? 'ja' : 'nej'}`);
    }
    // The member list (its in-memory index, asked before too) sees the import and the undo.
    const { a, batch } = await compare(rows, MAPPING, async (t) => {
      expect((await t.call('members.list', {})).total).toBe(2 + REBUILD_INDEXES_FROM + 500);
      expect((await t.call('members.list', { search: 'namn4321' })).rows.map((r) => r.lastName)).toEqual([`Efter${4321 % 97}`]);
    });
    expect(batch.created).toBe(REBUILD_INDEXES_FROM + 500);
    expect((await a.t.call('members.list', {})).total).toBe(2);
  });
});
