import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes, registerOn, type TestCore } from '../test-support';

let t: TestCore;
afterEach(() => t?.dispose());

describe('custom fields', () => {
  it('values are checked by kind, all or nothing, and write history', async () => {
    let ids: number[];
    ({ t, ids } = await registerOn(1));
    const text = await t.call('customFields.create', { name: 'Anteckning', kind: 'text' });
    const num = await t.call('customFields.create', { name: 'Antal barn', kind: 'number' });
    const date = await t.call('customFields.create', { name: 'Kurs', kind: 'date' });
    const yes = await t.call('customFields.create', { name: 'Nyckel', kind: 'boolean' });
    const pick = await t.call('customFields.create', { name: 'Storlek', kind: 'choice', options: ['S', 'M'] });
    expect(fieldCodes(await t.result('customFields.create', { name: 'X', kind: 'choice', options: [] }))).toEqual({ options: 'options-required' });
    const bad = await t.result('customFields.setValues', {
      memberId: ids[0],
      values: [
        { fieldId: text.id, value: 'ok' },
        { fieldId: num.id, value: '3' },
        { fieldId: date.id, value: '2025-02-30' },
        { fieldId: yes.id, value: 1 },
        { fieldId: pick.id, value: 'XL' },
      ],
    });
    expect(fieldCodes(bad)).toEqual({
      'values.1.value': 'custom-value-not-number',
      'values.2.value': 'custom-value-not-date',
      'values.3.value': 'custom-value-not-boolean',
      'values.4.value': 'custom-value-not-an-option',
    });
    expect(await t.call('customFields.values', { memberId: ids[0] })).toEqual([]);
    const set = await t.call('customFields.setValues', {
      memberId: ids[0],
      values: [{ fieldId: num.id, value: 3 }, { fieldId: yes.id, value: false }, { fieldId: pick.id, value: 'M' }],
    });
    expect(set).toEqual([{ fieldId: num.id, value: 3 }, { fieldId: yes.id, value: false }, { fieldId: pick.id, value: 'M' }]);
    expect(fieldCodes(await t.result('customFields.update', { id: pick.id, options: ['S'] }))).toEqual({ options: 'option-in-use' });
    await t.call('customFields.setValues', { memberId: ids[0], values: [{ fieldId: num.id, value: null }] });
    const h = (await t.call('history.list', { memberId: ids[0] })).rows.filter((r) => r.field === `custom:${num.id}`);
    expect(h.map((r) => [r.oldValue, r.newValue])).toEqual([['3', null], [null, '3']]);
    const list = await t.call('members.list', { columns: [`custom:${pick.id}`, 'age', 'consentPost'] });
    expect(list.rows[0].extra).toEqual({ [`custom:${pick.id}`]: 'M', age: null, consentPost: true });
  });
});

describe('contact log and households', () => {
  it('logs contacts, lists follow-ups due, refuses future contacts and early follow-ups', async () => {
    let ids: number[];
    ({ t, ids } = await registerOn(2));
    expect(fieldCodes(await t.result('contactLog.add', { memberId: ids[0], kind: 'call', on: '2025-07-01' }))).toEqual({ on: 'date-in-future' });
    expect(fieldCodes(await t.result('contactLog.add', { memberId: ids[0], kind: 'call', on: '2025-06-01', followUpOn: '2025-05-01' }))).toEqual({ followUpOn: 'follow-up-before-contact' });
    const c = await t.call('contactLog.add', { memberId: ids[0], kind: 'call', on: '2025-06-01', madeBy: 'Kerstin', outcome: 'call-back', followUpOn: '2025-06-10' });
    await t.call('contactLog.add', { memberId: ids[1], kind: 'call', on: '2025-06-01', outcome: 'no-answer', followUpOn: '2025-07-01' });
    expect((await t.call('contactLog.followUpsDue', {})).map((r) => r.id)).toEqual([c.id]);
    expect((await t.call('members.get', { id: ids[1] })).lastContactOn).toBeNull();
    expect((await t.call('journey.forMember', { memberId: ids[0] })).stage).toBe('engaged');
    await t.call('contactLog.completeFollowUp', { id: c.id });
    expect(await t.call('contactLog.followUpsDue', {})).toEqual([]);
    expect(await t.call('journey.counts', {})).toEqual({ recruited: 0, new: 0, engaged: 1, 'at-risk': 1, lapsed: 0 });
  });

  it('suggests households at a shared address; a household of one dissolves', async () => {
    ({ t } = await registerOn());
    const a = await t.call('members.create', { country: 'SE', firstName: 'A', lastName: 'Ek', street: 'Storgatan 1', postcode: '11418' });
    const b = await t.call('members.create', { country: 'SE', firstName: 'B', lastName: 'Ek', street: 'storgatan 1', postcode: '114 18' });
    const s = await t.call('households.suggestions', {});
    expect(s.map((x) => x.members.map((m) => m.id))).toEqual([[a.id, b.id]]);
    expect(fieldCodes(await t.result('households.create', { memberIds: [a.id] }))).toEqual({ memberIds: 'household-too-small' });
    const h = await t.call('households.create', { name: 'Familjen Ek', memberIds: [a.id, b.id] });
    expect(h.members).toHaveLength(2);
    expect(await t.call('households.suggestions', {})).toEqual([]);
    expect(await t.call('households.removeMember', { memberId: a.id })).toBeNull();
    expect((await t.call('members.get', { id: b.id })).householdId).toBeNull();
  });

  it('lists the board of a past year', async () => {
    let ids: number[];
    ({ t, ids } = await registerOn(3));
    const g = await t.call('groups.create', { name: 'Styrelsen', kind: 'board' });
    await t.call('groups.addRole', { memberId: ids[0], groupId: g.id, role: 'chair', from: '2020-01-01', to: '2022-03-15' });
    await t.call('groups.addRole', { memberId: ids[1], groupId: g.id, role: 'chair', from: '2022-03-16' });
    await t.call('groups.addRole', { memberId: ids[2], groupId: g.id, role: 'secretary', from: '2023-01-01' });
    expect((await t.call('groups.holders', { groupId: g.id, from: '2022-01-01', to: '2022-12-31' })).map((r) => r.memberId)).toEqual([ids[0], ids[1]]);
    expect((await t.call('groups.holders', { groupId: g.id, at: '2021-06-01' })).map((r) => r.memberId)).toEqual([ids[0]]);
    expect(fieldCodes(await t.result('groups.addRole', { memberId: ids[0], groupId: g.id, role: 'chair', from: '2022-01-01' }))).toEqual({ from: 'role-period-overlap' });
    expect(fieldCodes(await t.result('groups.addRole', { memberId: ids[0], groupId: g.id, role: 'member', from: '2022-01-01', to: '2021-01-01' }))).toEqual({ to: 'date-range-reversed' });
  });
});
