import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes, registerOn, type TestCore } from '../test-support';
import { similarNames, withinOneEdit } from './rules';

let t: TestCore;
afterEach(() => t?.dispose());

describe('similar names', () => {
  it('are equal when folded, or one edit apart', () => {
    expect(similarNames({ firstName: 'Åsa', lastName: 'Öberg' }, { firstName: 'asa', lastName: 'oberg' })).toBe(true);
    expect(similarNames({ firstName: 'Åsa', lastName: 'Öberg' }, { firstName: 'Åsa', lastName: 'Öbergh' })).toBe(true);
    expect(similarNames({ firstName: 'Åsa', lastName: 'Öberg' }, { firstName: 'Åsa', lastName: 'Öhrberg' })).toBe(false);
    expect(withinOneEdit('karin', 'karen')).toBe(true);
    expect(withinOneEdit('karin', 'karn')).toBe(true);
    expect(withinOneEdit('karin', 'kain ')).toBe(false);
  });
});

describe('duplicates', () => {
  it('finds by e-mail, mobile, similar name with birth date; merge keeps both histories', async () => {
    ({ t } = await registerOn());
    const a = await t.call('members.create', { country: 'SE', firstName: 'Anna', lastName: 'Berg', birthDate: '1950-02-03', email: 'anna@example.se', joinedOn: '2010-01-01', membershipTypeId: 1 });
    const b = await t.call('members.create', { country: 'SE', firstName: 'Ana', lastName: 'Berg', birthDate: '1950-02-03', mobile: '0701234567', city: 'Umeå', email: 'anna@example.se', joinedOn: '2015-01-01', membershipTypeId: 2 });
    await t.call('members.create', { country: 'SE', firstName: 'Ann', lastName: 'Bergström', birthDate: '1950-02-03' });
    const found = await t.call('duplicates.find', {});
    expect(found).toHaveLength(1);
    expect(found[0].reasons.sort()).toEqual(['same-email', 'similar-name-same-birth-date']);

    await t.call('contactLog.add', { memberId: b.id, kind: 'call', on: '2025-05-01', outcome: 'reached' });
    const f = await t.call('customFields.create', { name: 'Tröjstorlek', kind: 'choice', options: ['S', 'M', 'L'] });
    await t.call('customFields.setValues', { memberId: b.id, values: [{ fieldId: f.id, value: 'M' }] });

    expect(fieldCodes(await t.result('duplicates.merge', { keepId: a.id, otherId: a.id }))).toEqual({ otherId: 'merge-self' });
    const preview = await t.call('duplicates.mergePreview', { keepId: a.id, otherId: b.id, choose: { firstName: 'other' } });
    expect(preview.fields.find((x) => x.field === 'city')).toMatchObject({ keep: null, other: 'Umeå', chosen: 'other' });
    expect(preview.moves).toMatchObject({ contacts: 1, typePeriods: 1, customValues: 1 });

    const kept = await t.call('duplicates.merge', { keepId: a.id, otherId: b.id, choose: { firstName: 'other' } });
    expect([kept.firstName, kept.city, kept.mobile, kept.joinedOn]).toEqual(['Ana', 'Umeå', '+46701234567', '2010-01-01']);
    const other = await t.call('members.get', { id: b.id });
    expect([other.mergedInto, other.archivedAt !== null]).toEqual([a.id, true]);
    const page = await t.call('members.page', { id: a.id });
    expect(page.contacts).toHaveLength(1);
    expect(page.typePeriods.map((p) => p.membershipTypeId)).toEqual([1, 2]);
    expect(page.customValues).toEqual([{ fieldId: f.id, value: 'M' }]);
    expect(page.history.map((h) => h.field)).toContain('mergedFrom');
    expect(fieldCodes(await t.result('duplicates.merge', { keepId: a.id, otherId: b.id }))).toEqual({ otherId: 'already-merged' });
    expect(await t.call('duplicates.find', {})).toEqual([]);
  });
});
