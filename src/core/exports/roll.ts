import { sql, type SqlQuery } from '../db/sql';

/**
 * Entitled to vote on `on`: active that day (the latest status event on or before it; members
 * with no events count as active from the day they joined, if their status is active) and, that
 * day, of a membership type that may vote (the type period covering the day; members with no
 * periods at all: their current type). "Paid the year's dues" is a separate, optional condition
 * (src/core/dues/paid.ts), since not every association requires it.
 */
export function entitledToVote(on: string): SqlQuery {
  return sql`(
    coalesce(
      (SELECT e.status FROM member_status_events e WHERE e.member_id = m.id AND e.on_date <= ${on}
        ORDER BY e.on_date DESC, e.id DESC LIMIT 1),
      CASE WHEN NOT EXISTS (SELECT 1 FROM member_status_events e2 WHERE e2.member_id = m.id)
                AND (m.joined_on IS NULL OR m.joined_on <= ${on}) THEN m.status END
    ) = 'active'
    AND coalesce(
      (SELECT t.may_vote FROM member_type_periods p JOIN membership_types t ON t.id = p.membership_type_id
        WHERE p.member_id = m.id AND p.from_on <= ${on} AND (p.to_on IS NULL OR p.to_on >= ${on})
        ORDER BY p.from_on DESC LIMIT 1),
      CASE WHEN NOT EXISTS (SELECT 1 FROM member_type_periods p2 WHERE p2.member_id = m.id)
           THEN (SELECT t2.may_vote FROM membership_types t2 WHERE t2.id = m.membership_type_id) END
    ) = 1
  )`;
}
