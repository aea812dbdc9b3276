import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerWith, testCore, type TestCore } from '../test-support';
import { isRealIsoDate } from './rules';

let t: TestCore;
beforeEach(async () => {
  t = await testCore();
});
afterEach(() => t.dispose());

const base = { country: 'SE' } as const;

describe('members', () => {
  it('get an automatic number, never the identity number, and numbers are not reused', async () => {
    await registerWith(t);
    const a = await t.call('members.create', { ...base, firstName: 'Åsa', lastName: 'Öberg', identityNumber: '880320-0016' });
    const b = await t.call('members.create', { ...base, firstName: 'Per', lastName: 'Ek' });
    expect([a.memberNumber, b.memberNumber]).toEqual([1, 2]);
    expect(a.identityNumber).toBe('198803200016');
    expect(a.birthDate).toBe('1988-03-20');
    await t.call('members.archive', { id: b.id });
    const c = await t.call('members.create', { ...base, firstName: 'Eva', lastName: 'Al' });
    expect(c.memberNumber).toBe(3);
  });

  it('refuse invalid input at the field, saving nothing', async () => {
    await registerWith(t);
    const r = await t.result('members.create', {
      ...base,
      firstName: '',
      lastName: 'Ek',
      identityNumber: '880320-0018',
      mobile: '08-123 456 78',
      email: 'not an address',
      postcode: '012 34',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    const fields = Object.fromEntries((r.error.details?.fields ?? []).map((f) => [f.field, f.code]));
    expect(fields.firstName).toBe('required');
    expect(fields.identityNumber).toBe('personnummer-check-digit');
    expect(fields.mobile).toBe('phone-not-mobile');
    expect(fields.email).toMatch(/email/);
    expect(fields.postcode).toMatch(/postcode/);
    expect((await t.call('members.list', {})).total).toBe(0);
  });

  it('store mobiles as E.164 by the member’s country', async () => {
    await registerWith(t);
    const se = await t.call('members.create', { ...base, firstName: 'A', lastName: 'B', mobile: '070-123 45 67' });
    const no = await t.call('members.create', { country: 'NO', firstName: 'C', lastName: 'D', mobile: '412 34 567' });
    expect(se.mobile).toBe('+46701234567');
    expect(no.mobile).toBe('+4741234567');
  });

  it('refuse a second member with the same identity number', async () => {
    await registerWith(t);
    await t.call('members.create', { ...base, firstName: 'A', lastName: 'B', identityNumber: '198803200016' });
    const r = await t.result('members.create', { ...base, firstName: 'C', lastName: 'D', identityNumber: '880320-0016' });
    expect(r.ok || r.error.details?.fields?.[0]).toEqual({ field: 'identityNumber', code: 'identity-in-use' });
  });

  it('show identity numbers masked in the list', async () => {
    await registerWith(t);
    await t.call('members.create', { ...base, firstName: 'A', lastName: 'B', identityNumber: '880320-0016' });
    const { rows } = await t.call('members.list', {});
    expect(rows[0].identityMasked).not.toContain('0016');
    expect(JSON.stringify(rows)).not.toContain('198803200016');
  });
});

describe('member search and sort', () => {
  beforeEach(async () => {
    await registerWith(t);
    const people = [
      ['Kari', 'Ødegård', 'Tromsø', 'kari@example.no', '+4741234567'],
      ['Åsa', 'Lindström', 'Umeå', 'asa@example.se', '0701234567'],
      ['Örjan', 'Zetterberg', 'Örebro', null, null],
      ['Anna', 'Andersson', 'Göteborg', 'anna@example.se', null],
      ['Ärla', 'Åberg', 'Malmö', null, null],
    ] as const;
    for (const [firstName, lastName, city, email, mobile] of people) {
      await t.call('members.create', { country: mobile?.startsWith('+47') ? 'NO' : 'SE', firstName, lastName, city, email, mobile });
    }
  });

  const names = async (args: object) => (await t.call('members.list', args)).rows.map((r) => r.lastName);

  it('ignores case and diacritics: "odegard" finds Ødegård, "asa" finds Åsa', async () => {
    expect(await names({ search: 'odegard' })).toEqual(['Ødegård']);
    expect(await names({ search: 'ASA' })).toEqual(['Lindström']);
    expect(await names({ search: 'örebro' })).toEqual(['Zetterberg']);
  });

  it('searches number, e-mail and phone as typed', async () => {
    expect(await names({ search: 'anna@example' })).toEqual(['Andersson']);
    expect(await names({ search: '070-123 45 67' })).toEqual(['Lindström']);
    expect(await names({ search: '412 34 567' })).toEqual(['Ødegård']);
    expect(await names({ search: 'kari tromso' })).toEqual(['Ødegård']);
    expect(await names({ search: 'nobody-like-this' })).toEqual([]);
  });

  it('sorts names the Swedish way (å ä ö after z), both directions', async () => {
    expect(await names({ sort: 'lastName' })).toEqual(['Andersson', 'Lindström', 'Zetterberg', 'Åberg', 'Ødegård']);
    expect(await names({ sort: 'lastName', direction: 'desc' })).toEqual(['Ødegård', 'Åberg', 'Zetterberg', 'Lindström', 'Andersson']);
  });

  it('sorts by every column without error, empty values last', async () => {
    for (const sort of ['memberNumber', 'firstName', 'email', 'mobile', 'postcode', 'city', 'membershipType', 'status', 'joinedOn'] as const) {
      const r = await t.call('members.list', { sort });
      expect(r.total).toBe(5);
    }
    const byEmail = await t.call('members.list', { sort: 'email', direction: 'desc' });
    expect(byEmail.rows.at(-1)?.email).toBeNull();
  });

  it('pages through the list by offset', async () => {
    const page = await t.call('members.list', { offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.lastName)).toEqual(['Zetterberg', 'Åberg']);
  });

  it('hides archived members unless asked, and updates keep search current', async () => {
    const first = (await t.call('members.list', { search: 'zetterberg' })).rows[0];
    await t.call('members.archive', { id: first.id });
    expect(await names({ search: 'zetterberg' })).toEqual([]);
    expect(await names({ search: 'zetterberg', includeArchived: true })).toEqual(['Zetterberg']);
    const m = await t.call('members.get', { id: first.id });
    await t.call('members.update', { id: m.id, input: { ...m, lastName: 'Öst', birthDate: m.birthDate, identityNumber: null } });
    expect(await names({ search: 'ost', includeArchived: true })).toEqual(['Öst']);
  });
});

describe('isRealIsoDate', () => {
  it('accepts calendar dates only: leap years by the Gregorian rule, month lengths, the form YYYY-MM-DD', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2025-01-31', '2025-04-30', '2025-12-31', '1901-01-01']) expect(isRealIsoDate(ok), ok).toBe(true);
    for (const bad of ['2023-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-01', '2025-01-01T00:00', '']) {
      expect(isRealIsoDate(bad), bad).toBe(false);
    }
  });
});
