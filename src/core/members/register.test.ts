import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes, registerOn, TODAY, type TestCore } from '../test-support';

let t: TestCore;
afterEach(() => t?.dispose());

describe('life cycle, type periods, history, member page', () => {
  it('leave, re-join: events kept, status mirrors them, roles end on leaving', async () => {
    ({ t } = await registerOn());
    const m = await t.call('members.create', { country: 'SE', firstName: 'Åsa', lastName: 'Ek', joinedOn: '2020-01-01' });
    const board = await t.call('groups.create', { name: 'Styrelsen', kind: 'board' });
    await t.call('groups.addRole', { memberId: m.id, groupId: board.id, role: 'chair', from: '2021-01-01' });
    const left = await t.call('members.changeStatus', { memberId: m.id, to: 'left', on: '2024-12-31', reason: 'moved' });
    expect([left.status, left.statusSince]).toEqual(['left', '2024-12-31']);
    expect((await t.call('groups.memberRoles', { memberId: m.id }))[0].to).toBe('2024-12-31');
    expect(fieldCodes(await t.result('groups.addRole', { memberId: m.id, groupId: board.id, role: 'member', from: '2025-02-01' }))).toEqual({ from: 'member-not-active-at-date' });
    expect(fieldCodes(await t.result('members.changeStatus', { memberId: m.id, to: 'struck_off', on: '2025-01-01', reason: 'unpaid' }))).toEqual({ to: 'transition-invalid' });
    expect(fieldCodes(await t.result('members.changeStatus', { memberId: m.id, to: 'active', on: '2024-01-01' }))).toEqual({ on: 'date-before-last-event' });
    expect(fieldCodes(await t.result('members.changeStatus', { memberId: m.id, to: 'active', on: '2030-01-01' }))).toEqual({ on: 'date-in-future' });
    const back = await t.call('members.changeStatus', { memberId: m.id, to: 'active', on: '2025-05-01' });
    expect(back.status).toBe('active');
    const page = await t.call('members.page', { id: m.id });
    expect(page.statusEvents.map((e) => [e.kind, e.on, e.reason])).toEqual([
      ['joined', '2020-01-01', null],
      ['left', '2024-12-31', 'moved'],
      ['rejoined', '2025-05-01', null],
    ]);
    expect(page.journey).toMatchObject({ stage: 'new', reason: 'joined-recently' });
    expect(page.history.map((h) => [h.field, h.oldValue, h.newValue])).toContainEqual(['status', 'left', 'active']);
  });

  it('a deceased member cannot re-join; an archived one cannot change status', async () => {
    ({ t } = await registerOn(1));
    const [id] = (await t.call('members.list', {})).rows.map((r) => r.id);
    await t.call('members.changeStatus', { memberId: id, to: 'left', on: '2025-01-01', reason: 'deceased' });
    expect(fieldCodes(await t.result('members.changeStatus', { memberId: id, to: 'active', on: TODAY }))).toEqual({ on: 'member-deceased' });
    await t.call('members.archive', { id });
    expect(fieldCodes(await t.result('members.changeStatus', { memberId: id, to: 'active', on: TODAY }))).toEqual({ memberId: 'member-archived' });
  });

  it('type periods: change closes the old the day before; back-dating before it is refused', async () => {
    ({ t } = await registerOn(1));
    const id = (await t.call('members.list', {})).rows[0].id;
    const periods = await t.call('membershipTypes.change', { memberId: id, membershipTypeId: 2, from: '2023-03-01' });
    expect(periods.map((p) => [p.membershipTypeId, p.from, p.to])).toEqual([
      [1, '2020-01-01', '2023-02-28'],
      [2, '2023-03-01', null],
    ]);
    expect(fieldCodes(await t.result('membershipTypes.change', { memberId: id, membershipTypeId: 3, from: '2022-01-01' }))).toEqual({ from: 'date-before-current-period' });
    expect(fieldCodes(await t.result('membershipTypes.change', { memberId: id, membershipTypeId: 3, from: '2023-02-30' }))).toEqual({ from: 'date-invalid' });
    expect((await t.call('members.get', { id })).membershipTypeId).toBe(2);
    const h = await t.call('history.list', { memberId: id });
    expect(h.rows[0]).toMatchObject({ field: 'membershipTypeId', oldValue: '1', newValue: '2', source: 'edit' });
  });

  it('types: create, rename, archive; delete refused while in use', async () => {
    ({ t } = await registerOn(1));
    const own = await t.call('membershipTypes.create', { name: 'Ständig', paysDues: false, mayVote: true });
    expect(own).toMatchObject({ code: null, archived: false, memberCount: 0 });
    expect(fieldCodes(await t.result('membershipTypes.create', { name: 'ständig', paysDues: true, mayVote: true }))).toEqual({ name: 'name-in-use' });
    expect((await t.call('membershipTypes.update', { id: own.id, name: 'Livstid' })).name).toBe('Livstid');
    expect(fieldCodes(await t.result('membershipTypes.delete', { id: 1 }))).toBe('conflict:type-in-use');
    await t.call('membershipTypes.archive', { id: own.id });
    expect((await t.call('membershipTypes.list', {})).map((x) => x.id)).not.toContain(own.id);
    const id = (await t.call('members.list', {})).rows[0].id;
    expect(fieldCodes(await t.result('membershipTypes.change', { memberId: id, membershipTypeId: own.id }))).toEqual({ membershipTypeId: 'type-archived' });
    expect(await t.call('membershipTypes.delete', { id: own.id })).toEqual({ deleted: true });
  });

  it('the form’s update writes one history row per changed field, identity masked', async () => {
    ({ t } = await registerOn());
    const m = await t.call('members.create', { country: 'SE', firstName: 'Per', lastName: 'Ek', email: 'per@example.se' });
    await t.call('members.update', { id: m.id, input: { ...m, email: 'per.ek@example.se', city: 'Umeå', identityNumber: '880320-0016' } });
    const rows = (await t.call('history.list', { memberId: m.id })).rows;
    const byField = Object.fromEntries(rows.map((r) => [r.field, [r.oldValue, r.newValue]]));
    expect(byField.email).toEqual(['per@example.se', 'per.ek@example.se']);
    expect(byField.city).toEqual([null, 'Umeå']);
    expect(byField.identityNumber[1]).not.toContain('0016');
    expect(byField.firstName).toBeUndefined();
  });
});
