import { describe, expect, it } from 'vitest';
import { Db } from '../database';
import { sql } from '../sql';
import { migrate, MIGRATIONS } from './index';

describe('migration 002 (register)', () => {
  it('gives members of a version-1 register their first type period and life-cycle event', async () => {
    const db = await Db.create();
    migrate(db, MIGRATIONS.filter((m) => m.version === 1));
    db.run(sql`INSERT INTO members (member_number, first_name, last_name, country, membership_type_id, joined_on, status, created_at, updated_at, search_text, sort_last, sort_first)
               VALUES (1, 'A', 'B', 'SE', 2, '2019-04-01', 'active', '2024-01-01T00:00:00Z', 'x', '', '', ''),
                      (2, 'C', 'D', 'SE', NULL, NULL, 'left', '2024-02-01T00:00:00Z', 'x', '', '', '')`);
    expect(migrate(db)).toBe(MIGRATIONS.length - 1);
    expect(db.all(sql`SELECT member_id, membership_type_id, from_on, to_on FROM member_type_periods`)).toEqual([
      { member_id: 1, membership_type_id: 2, from_on: '2019-04-01', to_on: null },
    ]);
    expect(db.all(sql`SELECT member_id, status, kind, on_date, reason FROM member_status_events ORDER BY member_id`)).toEqual([
      { member_id: 1, status: 'active', kind: 'joined', on_date: '2019-04-01', reason: null },
      { member_id: 2, status: 'left', kind: 'left', on_date: '2024-02-01', reason: 'other' },
    ]);
    expect(db.column<string>(sql`SELECT status_since FROM members ORDER BY id`)).toEqual(['2019-04-01', '2024-02-01']);
  });
});
