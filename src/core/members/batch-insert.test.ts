import { afterEach, describe, expect, it } from 'vitest';
import { memberInputSchema, type MemberInput } from '../../shared/contract';
import { isKansliError } from '../../shared/result';
import { sql } from '../db/sql';
import { registerOn, type TestCore } from '../test-support';
import { insertMembers, type NewMember } from './batch-insert';
import { insertMember, reserveMemberNumbers, validated } from './writes';

let cores: TestCore[] = [];
afterEach(async () => {
  await Promise.all(cores.map((t) => t.dispose()));
  cores = [];
});

async function register() {
  const { t } = await registerOn(2);
  cores.push(t);
  return t;
}

const tables = ['members', 'member_status_events', 'member_type_periods', 'member_history', 'settings'];
function dump(t: TestCore) {
  const db = t.core.context().db;
  return Object.fromEntries(tables.map((name) => [name, db.all({ text: `SELECT * FROM ${name} WHERE ${name === 'settings' ? "key = 'nextMemberNumber'" : '1'} ORDER BY 1`, params: [] })]));
}

const input = (x: Partial<MemberInput>): MemberInput => ({ country: 'SE', firstName: 'A', lastName: 'B', ...x });

describe('insertMembers', () => {
  it('writes, member by member, what insertMember writes: numbers kept and handed out, types, a member entered as already gone', async () => {
    const people: [Partial<MemberInput>, number | null][] = [
      [{ firstName: 'Åsa', lastName: 'Öberg', membershipTypeId: 2, joinedOn: '2020-02-02', mobile: '0701234567' }, 50],
      [{ firstName: 'Per', lastName: 'Ek', identityNumber: '19900101-0017' }, null],
      [{ firstName: 'Kari', lastName: 'Nordmann', country: 'NO', status: 'left', membershipTypeId: 1 }, null],
      [{ firstName: 'Ola', lastName: 'Dunk', email: 'ola@example.no', membershipTypeId: 1 }, 9],
      [{ firstName: 'Lisa', lastName: 'Berg' }, null],
    ];
    const a = await register();
    const b = await register();
    const items = (t: TestCore): NewMember[] =>
      people.map(([x, memberNumber]) => ({ member: validated(t.core.context(), memberInputSchema.parse(input(x))), memberNumber }));
    const batchIds = a.core.context().write(() => insertMembers(a.core.context(), items(a)));
    const singleIds = b.core.context().write(() => {
      const ctx = b.core.context();
      // The batch hands out new numbers after the highest number it keeps: the single path, told the same.
      reserveMemberNumbers(ctx.db, 0, 50);
      return items(b).map((it) => insertMember(ctx, it.member, it.memberNumber ?? undefined));
    });
    expect(batchIds).toEqual(singleIds);
    expect(dump(a)).toEqual(dump(b));
    expect(a.core.context().db.column(sql`SELECT member_number FROM members ORDER BY id`)).toEqual([1, 2, 50, 51, 52, 9, 53]);
    // The next member from the form continues after them.
    expect((await a.call('members.create', input({ firstName: 'Ny' }))).memberNumber).toBe(54);
  });

  it('refuses, before writing anything, an identity number or a member number in use, or given twice', async () => {
    const t = await register();
    const ctx = t.core.context();
    const eva = validated(ctx, memberInputSchema.parse(input({ identityNumber: '19880320-0016' })));
    ctx.write(() => insertMember(ctx, eva));
    const count = () => ctx.db.column(sql`SELECT count(*) FROM members`)[0];
    const before = count();
    const attempt = (items: NewMember[]) => {
      try {
        ctx.write(() => insertMembers(ctx, items));
      } catch (e) {
        return isKansliError(e) ? e.details?.fields?.[0] : e;
      }
      return 'written';
    };
    const plain = validated(ctx, memberInputSchema.parse(input({})));
    expect(attempt([{ member: plain, memberNumber: null }, { member: eva, memberNumber: null }])).toEqual({ field: 'identityNumber', code: 'identity-in-use' });
    expect(attempt([{ member: plain, memberNumber: 1 }])).toEqual({ field: 'memberNumber', code: 'member-number-in-use' });
    expect(attempt([{ member: plain, memberNumber: 70 }, { member: plain, memberNumber: 70 }])).toEqual({ field: 'memberNumber', code: 'member-number-in-use' });
    expect(count()).toBe(before);
  });
});
