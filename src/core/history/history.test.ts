import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerOn, type TestCore } from '../test-support';

let t: TestCore;
afterEach(() => t?.dispose());

const entries = async (memberId: number) => (await t.call('history.list', { memberId })).rows.map((h) => [h.field, h.oldValue, h.newValue, h.source]);

describe("a member's history from its creation", () => {
  it('a member added by hand has one entry "added to the register", at its creation, with no values', async () => {
    ({ t } = await registerOn());
    const m = await t.call('members.create', { country: 'SE', firstName: 'Åsa', lastName: 'Öberg' });
    const list = await t.call('history.list', { memberId: m.id });
    expect(list.total).toBe(1);
    expect(list.rows).toMatchObject([{ memberId: m.id, at: m.createdAt, field: 'created', oldValue: null, newValue: null, source: 'edit' }]);
    const page = await t.call('members.page', { id: m.id });
    expect([page.historyTotal, page.history.map((h) => h.field)]).toEqual([1, ['created']]);

    // Later changes come above it, also when made in the same instant (the tests' clock stands still).
    await t.call('members.update', { id: m.id, input: { ...m, city: 'Umeå' } });
    expect(await entries(m.id)).toEqual([
      ['city', null, 'Umeå', 'edit'],
      ['created', null, null, 'edit'],
    ]);
  });

  it('is the earliest entry of a member made as already gone (its status change is written in the same instant)', async () => {
    ({ t } = await registerOn());
    const m = await t.call('members.create', { country: 'SE', firstName: 'Bo', lastName: 'Berg', status: 'left', joinedOn: '2001-01-01' });
    expect(await entries(m.id)).toEqual([
      ['status', 'active', 'left', 'status'],
      ['created', null, null, 'edit'],
    ]);
  });

  it("an import's members get no stored entry (theirs is the import's), and the import can still be undone", async () => {
    ({ t } = await registerOn());
    const kalle = await t.call('members.create', { country: 'SE', firstName: 'Kalle', lastName: 'Anka', email: 'kalle@example.se' });
    const path = join(t.dir, 'medlemmar.csv');
    await writeFile(path, 'Förnamn;Efternamn;E-post;Ort\nÅsa;Öberg;asa@example.se;Umeå\nKalle;Anka;kalle@example.se;Ankeborg\n');
    const run = await t.call('import.apply', { path, mapping: ['firstName', 'lastName', 'email', 'city'], duplicatePolicy: 'fillEmpty' });
    const asa = (await t.call('members.list', { search: 'Öberg' })).rows[0];
    expect(await entries(asa.id)).toEqual([['created', null, 'medlemmar.csv', 'import']]);
    expect(await entries(kalle.id)).toEqual([
      ['city', null, 'Ankeborg', 'import'],
      ['created', null, null, 'edit'],
    ]);

    expect((await t.call('import.undo', { runId: run.id })).undoneAt).not.toBeNull();
    expect((await t.call('members.list', {})).total).toBe(1);
    expect(await entries(kalle.id)).toEqual([['created', null, null, 'edit']]);
  });

  it('a merge leaves each member its own "added to the register", and does not count it among what moves', async () => {
    ({ t } = await registerOn());
    const a = await t.call('members.create', { country: 'SE', firstName: 'Anna', lastName: 'Berg', email: 'anna@example.se' });
    const b = await t.call('members.create', { country: 'SE', firstName: 'Ana', lastName: 'Berg', email: 'anna@example.se', city: 'Umeå' });
    await t.call('members.update', { id: b.id, input: { ...b, city: 'Luleå' } });
    const preview = await t.call('duplicates.mergePreview', { keepId: a.id, otherId: b.id, choose: {} });
    expect(preview.moves.history).toBe(1);

    await t.call('duplicates.merge', { keepId: a.id, otherId: b.id, choose: {} });
    const kept = (await t.call('history.list', { memberId: a.id })).rows;
    expect(kept.filter((h) => h.field === 'created')).toMatchObject([{ at: a.createdAt, source: 'edit' }]);
    expect(kept.map((h) => h.field)).toEqual(expect.arrayContaining(['mergedFrom', 'city', 'created']));
    expect((await t.call('history.list', { memberId: b.id })).rows.map((h) => h.field).sort()).toEqual(['created', 'mergedInto']);
  });
});
