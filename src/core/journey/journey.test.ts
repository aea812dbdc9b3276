import { describe, expect, it } from 'vitest';
import type { JourneyFacts } from '../../shared/contract';
import { Db } from '../db/database';
import { migrate } from '../db/migrations';
import { sql } from '../db/sql';
import { journeyStage, journeyStageSql, lastRoleOn } from './rules';

const today = '2025-06-15';
const base: JourneyFacts = { status: 'active', statusSince: '2020-01-01', joinedOn: '2020-01-01', lastContactOn: null, lastRoleOn: null, unpaidAfterReminderOn: null };

describe('journey stage', () => {
  it('explains each stage with its reason and the facts used', () => {
    expect(journeyStage({ ...base, status: 'left', statusSince: '2025-01-01' }, today)).toMatchObject({ stage: 'lapsed', reason: 'left' });
    expect(journeyStage({ ...base, status: 'struck_off' }, today)).toMatchObject({ stage: 'lapsed', reason: 'struck-off' });
    expect(journeyStage({ ...base, joinedOn: '2025-07-01', statusSince: '2025-07-01' }, today)).toMatchObject({ stage: 'recruited', reason: 'not-yet-joined' });
    expect(journeyStage({ ...base, joinedOn: '2025-03-17', statusSince: '2025-03-17' }, today)).toMatchObject({ stage: 'new', reason: 'joined-recently' });
    expect(journeyStage({ ...base, joinedOn: '2025-03-16', statusSince: '2025-03-16' }, today).stage).toBe('at-risk');
    expect(journeyStage({ ...base, lastContactOn: '2024-06-15' }, today)).toMatchObject({ stage: 'engaged', reason: 'recent-contact' });
    expect(journeyStage({ ...base, lastContactOn: '2024-06-14' }, today)).toMatchObject({ stage: 'at-risk', reason: 'no-contact-12-months' });
    expect(journeyStage({ ...base, lastRoleOn: today }, today)).toMatchObject({ stage: 'engaged', reason: 'recent-role' });
    const e = journeyStage(base, today);
    expect(e.facts).toEqual(base);
    expect(e.thresholds).toEqual({ newSince: '2025-03-17', activeSince: '2024-06-15' });
  });

  it('a re-join counts as new from the re-join date', () => {
    expect(journeyStage({ ...base, statusSince: '2025-05-01' }, today).stage).toBe('new');
  });

  it('last role day: ongoing = today, future roles ignored', () => {
    expect(lastRoleOn([{ from: '2020-01-01', to: null }], today)).toBe(today);
    expect(lastRoleOn([{ from: '2020-01-01', to: '2023-12-31' }, { from: '2026-01-01', to: null }], today)).toBe('2023-12-31');
    expect(lastRoleOn([], today)).toBeNull();
  });

  it('the SQL form gives the same stage as the function, fact for fact', async () => {
    const db = await Db.create();
    migrate(db);
    const dates = [null, '2019-01-01', '2024-06-14', '2024-06-15', '2025-03-16', '2025-03-17', '2025-06-15', '2025-07-01'];
    const cases: JourneyFacts[] = [];
    let n = 0;
    for (const status of ['active', 'left', 'struck_off'] as const) {
      for (const joined of dates) for (const contact of dates) for (const role of [null, '2024-01-01', '2025-01-01']) {
        n++;
        db.run(sql`INSERT INTO members (id, member_number, first_name, last_name, country, created_at, updated_at, search_text, sort_last, sort_first,
                     status, status_since, joined_on, last_contact_on)
                   VALUES (${n}, ${n}, 'A', 'B', 'SE', 'x', 'x', '', '', '', ${status}, ${joined}, ${joined}, ${contact})`);
        if (role) {
          db.run(sql`INSERT OR IGNORE INTO groups (id, name, kind, created_at) VALUES (1, 'Board', 'board', 'x')`);
          db.run(sql`INSERT INTO group_roles (member_id, group_id, role, from_on, to_on) VALUES (${n}, 1, 'member', '2015-01-01', ${role})`);
        }
        cases.push({ status, statusSince: joined, joinedOn: joined, lastContactOn: contact, lastRoleOn: role ? lastRoleOn([{ from: '2015-01-01', to: role }], today) : null, unpaidAfterReminderOn: null });
      }
    }
    const fromSql = db.column<string>(sql`SELECT ${journeyStageSql(today)} FROM members m ORDER BY m.id`);
    expect(fromSql).toEqual(cases.map((f) => journeyStage(f, today).stage));
  });
});
