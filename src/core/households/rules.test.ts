import { describe, expect, it } from 'vitest';
import { addressKey, suggestHouseholds } from './rules';

describe('household suggestions', () => {
  it('addresses match regardless of case, accents, spacing and postcode spaces', () => {
    expect(addressKey('Östra Vägen 1 B', '114 18')).toBe(addressKey('östra vägen 1b', '11418'));
    expect(addressKey('Storgatan 1', '11418')).not.toBe(addressKey('Storgatan 11', '11418'));
    expect(addressKey(null, '11418')).toBeNull();
  });

  it('suggests members at one address, adds to an existing household, leaves mixed ones alone', () => {
    const s = suggestHouseholds([
      { id: 1, street: 'Storgatan 1', postcode: '111 11', householdId: null },
      { id: 2, street: 'STORGATAN 1', postcode: '11111', householdId: null },
      { id: 3, street: 'Ågatan 2', postcode: '22222', householdId: 7 },
      { id: 4, street: 'Agatan 2', postcode: '22222', householdId: null },
      { id: 5, street: 'Bygatan 3', postcode: '33333', householdId: 8 },
      { id: 6, street: 'Bygatan 3', postcode: '33333', householdId: 8 },
      { id: 7, street: 'Torget 4', postcode: '44444', householdId: 1 },
      { id: 8, street: 'Torget 4', postcode: '44444', householdId: 2 },
      { id: 9, street: 'Ensam 5', postcode: '55555', householdId: null },
    ]);
    expect(s).toEqual([
      { addressKey: 'agatan2|22222', householdId: 7, memberIds: [3, 4] },
      { addressKey: 'storgatan1|11111', householdId: null, memberIds: [1, 2] },
    ]);
  });
});
