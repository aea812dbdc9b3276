import type { JourneyExplanation, JourneyStage } from '../../shared/contract';
import { JOURNEY_STAGES } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { notFound } from '../members/errors';
import { unpaidAfterReminderOn } from './dues-facts';
import { journeyStage, journeyStageSql, lastRoleOn } from './rules';

/** One member's facts, and the stage with its reason. */
export function journeyOf(db: Db, memberId: number, today: string): JourneyExplanation {
  const m = db.get<{ status: 'active' | 'left' | 'struck_off'; status_since: string | null; joined_on: string | null; last_contact_on: string | null }>(
    sql`SELECT status, status_since, joined_on, last_contact_on FROM members WHERE id = ${memberId}`,
  );
  if (!m) throw notFound('member', memberId, 'memberId');
  const roles = db
    .all<{ from_on: string; to_on: string | null }>(sql`SELECT from_on, to_on FROM group_roles WHERE member_id = ${memberId}`)
    .map((r) => ({ from: r.from_on, to: r.to_on }));
  return journeyStage(
    {
      status: m.status,
      statusSince: m.status_since,
      joinedOn: m.joined_on,
      lastContactOn: m.last_contact_on,
      lastRoleOn: lastRoleOn(roles, today),
      unpaidAfterReminderOn: unpaidAfterReminderOn(db, memberId, today),
    },
    today,
  );
}

export function journeyCounts(db: Db, today: string): Record<JourneyStage, number> {
  const out = Object.fromEntries(JOURNEY_STAGES.map((s) => [s, 0])) as Record<JourneyStage, number>;
  for (const r of db.all<{ stage: JourneyStage; n: number }>(
    sql`SELECT ${journeyStageSql(today)} AS stage, count(*) AS n FROM members m WHERE m.archived_at IS NULL GROUP BY 1`,
  )) {
    out[r.stage] = r.n;
  }
  return out;
}
