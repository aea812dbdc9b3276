import type { DuplicateCandidate, DuplicateMember } from '../../shared/contract';
import type { Db } from '../db/database';
import { raw, sql } from '../db/sql';
import { PairCollector, similarNames } from './rules';

const SAME: Record<'same-identity' | 'same-email' | 'same-mobile', string> = {
  'same-identity': 'identity_number',
  'same-email': 'email',
  'same-mobile': 'mobile',
};

/** Candidate pairs among members not archived, most reasons first. */
export function findDuplicates(db: Db, limit: number): DuplicateCandidate[] {
  const pairs = new PairCollector();
  for (const [reason, col] of Object.entries(SAME) as [keyof typeof SAME, string][]) {
    const groups = db.column<string>(sql`SELECT group_concat(id) FROM members WHERE archived_at IS NULL AND ${raw(col)} IS NOT NULL
                                         GROUP BY ${raw(col)} HAVING count(*) > 1`);
    for (const g of groups) pairs.addGroup(g.split(',').map(Number), reason);
  }
  const sameBirth = db.all<{ id: number; first_name: string; last_name: string; birth_date: string }>(
    sql`SELECT id, first_name, last_name, birth_date FROM members WHERE archived_at IS NULL AND birth_date IN
          (SELECT birth_date FROM members WHERE archived_at IS NULL AND birth_date IS NOT NULL GROUP BY birth_date HAVING count(*) > 1)
        ORDER BY birth_date, id`,
  );
  for (let i = 0; i < sameBirth.length; i++) {
    for (let j = i + 1; j < sameBirth.length && sameBirth[j].birth_date === sameBirth[i].birth_date; j++) {
      const x = sameBirth[i];
      const y = sameBirth[j];
      if (similarNames({ firstName: x.first_name, lastName: x.last_name }, { firstName: y.first_name, lastName: y.last_name })) {
        pairs.add(x.id, y.id, 'similar-name-same-birth-date');
      }
    }
  }
  const found = pairs.list().slice(0, limit);
  const ids = [...new Set(found.flatMap((p) => [p.a, p.b]))];
  const members = new Map(
    db
      .all<{ id: number; member_number: number; first_name: string; last_name: string; birth_date: string | null; email: string | null; mobile: string | null; city: string | null }>(
        sql`SELECT id, member_number, first_name, last_name, birth_date, email, mobile, city FROM members
            WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
      )
      .map((r): [number, DuplicateMember] => [
        r.id,
        { id: r.id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date, email: r.email, mobile: r.mobile, city: r.city },
      ]),
  );
  return found.map((p) => ({ a: members.get(p.a)!, b: members.get(p.b)!, reasons: p.reasons }));
}

export function moveCounts(db: Db, keepId: number, otherId: number) {
  const n = (q: ReturnType<typeof sql>) => db.column(q)[0];
  return {
    contacts: n(sql`SELECT count(*) FROM contact_log WHERE member_id = ${otherId}`),
    roles: n(sql`SELECT count(*) FROM group_roles WHERE member_id = ${otherId}`),
    typePeriods: n(sql`SELECT count(*) FROM member_type_periods WHERE member_id = ${otherId}`),
    history: n(sql`SELECT count(*) FROM member_history WHERE member_id = ${otherId} AND field != 'created'`),
    customValues: n(sql`SELECT count(*) FROM custom_values v WHERE v.member_id = ${otherId}
      AND NOT EXISTS (SELECT 1 FROM custom_values k WHERE k.member_id = ${keepId} AND k.field_id = v.field_id)`),
  };
}
