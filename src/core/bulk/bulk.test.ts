import { afterEach, describe, expect, it } from 'vitest';
import { fieldCodes, registerOn, type TestCore } from '../test-support';

let t: TestCore;
afterEach(() => t?.dispose());

describe('segments through the list', () => {
  it('saved and inline segments filter the list, combine with search, and count', async () => {
    let ids: number[];
    ({ t, ids } = await registerOn(6));
    const board = await t.call('groups.create', { name: 'Styrelsen', kind: 'board' });
    await t.call('groups.addRole', { memberId: ids[0], groupId: board.id, role: 'chair', from: '2021-01-01', to: '2021-12-31' });
    await t.call('groups.addRole', { memberId: ids[1], groupId: board.id, role: 'treasurer', from: '2021-01-01' });
    const field = await t.call('customFields.create', { name: 'Nyckel', kind: 'boolean' });
    await t.call('customFields.setValues', { memberId: ids[1], values: [{ fieldId: field.id, value: true }] });
    await t.call('members.update', { id: ids[2], input: { ...(await t.call('members.get', { id: ids[2] })), city: 'Umeå' } });

    const boardOf2021 = { kind: 'role', groupId: board.id, at: '2021-06-01' } as const;
    const saved = await t.call('segments.save', { name: 'Styrelsen 2021', definition: boardOf2021 });
    expect(saved.count).toBe(2);
    const list = await t.call('members.list', { segment: { id: saved.segment.id }, columns: ['journeyStage', `custom:${field.id}`] });
    expect(list.rows.map((r) => r.id).sort()).toEqual([ids[0], ids[1]]);
    expect(list.rows.find((r) => r.id === ids[1])?.extra).toEqual({ journeyStage: 'engaged', [`custom:${field.id}`]: true });
    const orNested = { kind: 'or', children: [{ kind: 'city', values: ['UMEÅ'] }, { kind: 'and', children: [boardOf2021, { kind: 'custom', fieldId: field.id, op: 'eq', value: true }] }] } as const;
    expect((await t.call('segments.count', { segment: { definition: orNested } })).count).toBe(2);
    expect((await t.call('members.list', { search: 'F1', segment: { definition: boardOf2021 } })).total).toBe(1);
    const none = await t.call('segments.count', { segment: { definition: { kind: 'status', values: ['struck_off'] } } });
    expect(none).toEqual({ count: 0, warnings: ['segment-matches-nobody'] });
    expect(fieldCodes(await t.result('segments.save', { name: 'Styrelsen 2021', definition: boardOf2021 }))).toEqual({ name: 'name-in-use' });
    expect(fieldCodes(await t.result('segments.count', { segment: { definition: { kind: 'custom', fieldId: field.id, op: 'eq', value: 'ja' } } }))).toEqual({ segment: 'custom-value-not-boolean' });
  });
});

describe('bulk actions', () => {
  it('preview lists who changes and who does not; apply and undo restore exactly', async () => {
    let ids: number[];
    ({ t, ids } = await registerOn(4));
    const g = await t.call('groups.create', { name: 'Ringgruppen', kind: 'committee' });
    await t.call('groups.addRole', { memberId: ids[0], groupId: g.id, role: 'member', from: '2024-01-01' });
    await t.call('members.changeStatus', { memberId: ids[1], to: 'left', on: '2025-01-01', reason: 'resigned' });
    const action = { kind: 'addToGroup', groupId: g.id, role: 'member', from: '2025-06-01' } as const;
    const preview = await t.call('bulk.preview', { target: { ids }, action });
    expect([preview.total, preview.changeCount, preview.unchangedCount]).toEqual([4, 2, 2]);
    expect(Object.fromEntries(preview.unchanged.map((u) => [u.memberId, u.reason]))).toEqual({ [ids[0]]: 'already-holds-role', [ids[1]]: 'member-not-active-at-date' });
    const op = await t.call('bulk.apply', { target: { ids }, action });
    expect(op).toMatchObject({ kind: 'addToGroup', changed: 2, undoable: true });
    expect((await t.call('groups.holders', { groupId: g.id })).length).toBe(3);
    expect(fieldCodes(await t.result('bulk.apply', { target: { ids }, action }))).toEqual({ target: 'nothing-to-change' });

    const before = await t.call('members.page', { id: ids[2] });
    const typeOp = await t.call('bulk.apply', { target: { ids: [ids[2], ids[3]] }, action: { kind: 'setType', membershipTypeId: 3, from: '2025-06-01' } });
    expect((await t.call('membershipTypes.periods', { memberId: ids[2] })).map((p) => p.to)).toEqual(['2025-05-31', null]);
    expect(fieldCodes(await t.result('bulk.undo', { operationId: op.id }))).toEqual({ operationId: 'bulk-undo-not-latest' });
    await t.call('bulk.undo', { operationId: typeOp.id });
    const after = await t.call('members.page', { id: ids[2] });
    expect(after.typePeriods).toEqual(before.typePeriods);
    expect(after.member.membershipTypeId).toBe(1);
    expect(after.history).toEqual(before.history);
    await t.call('bulk.undo', { operationId: op.id });
    expect((await t.call('groups.holders', { groupId: g.id })).length).toBe(1);
    expect(fieldCodes(await t.result('bulk.undo', { operationId: op.id }))).toEqual({ operationId: 'bulk-already-undone' });
  });

  it('archive and contact on a segment; undo refused once a value was changed since', async () => {
    let ids: number[];
    ({ t, ids } = await registerOn(3));
    const segment = { definition: { kind: 'status', values: ['active'] } } as const;
    const c = await t.call('bulk.apply', { target: { segment }, action: { kind: 'addContact', contact: { kind: 'call', on: '2025-06-10', outcome: 'reached', followUpOn: '2025-06-12' } } });
    expect((await t.call('contactLog.followUpsDue', {})).length).toBe(3);
    expect((await t.call('members.get', { id: ids[0] })).lastContactOn).toBe('2025-06-10');
    await t.call('bulk.undo', { operationId: c.id });
    expect((await t.call('members.get', { id: ids[0] })).lastContactOn).toBeNull();
    const a = await t.call('bulk.apply', { target: { segment }, action: { kind: 'archive' } });
    expect((await t.call('members.list', {})).total).toBe(0);
    expect(fieldCodes(await t.result('bulk.preview', { target: { segment }, action: { kind: 'archive' } }))).toEqual({ 'target.segment': 'segment-matches-nobody' });
    await t.call('members.unarchive', { id: ids[0] });
    expect(fieldCodes(await t.result('bulk.undo', { operationId: a.id }))).toEqual({ operationId: 'bulk-changed-since' });
    expect((await t.call('members.list', {})).total).toBe(1);
  });

  it('refuses bad input whole: unknown member, archived group, future type date', async () => {
    let ids: number[];
    ({ t, ids } = await registerOn(2));
    expect(fieldCodes(await t.result('bulk.preview', { target: { ids: [ids[0], 999] }, action: { kind: 'archive' } }))).toEqual({ 'target.ids': 'member-not-found' });
    const g = await t.call('groups.create', { name: 'Gammal', kind: 'other' });
    await t.call('groups.archive', { id: g.id });
    expect(fieldCodes(await t.result('bulk.apply', { target: { ids }, action: { kind: 'addToGroup', groupId: g.id, role: 'member', from: '2025-01-01' } }))).toEqual({ 'action.groupId': 'group-archived' });
    expect(fieldCodes(await t.result('bulk.apply', { target: { ids }, action: { kind: 'setType', membershipTypeId: 2, from: '2026-01-01' } }))).toEqual({ 'action.from': 'date-in-future' });
  });
});
