import type { Audience, SegmentNode } from '../../shared/contract';
import { invalid } from '../members/errors';
import type { Db } from '../db/database';
import { sql, type SqlQuery } from '../db/sql';
import type { RegisterContext } from '../register/context';
import { compileChecked } from '../segments/queries';

/**
 * An audience as a segment definition, so it compiles through the same checked path as the
 * member list's filters (no second SQL dialect for "who"): all members = active status; a
 * group's roles and roles anywhere = the role condition at the send-out's date.
 */
function definitionOf(db: Db, audience: Audience, at: string): SegmentNode {
  switch (audience.kind) {
    case 'all':
      return { kind: 'status', values: ['active'] };
    case 'segment': {
      const row = db.get<{ definition: string }>(sql`SELECT definition FROM segments WHERE id = ${audience.segmentId}`);
      if (!row) throw invalid('audience', 'segment-not-found');
      return JSON.parse(row.definition) as SegmentNode;
    }
    case 'group':
      if (!db.get(sql`SELECT id FROM groups WHERE id = ${audience.groupId}`)) throw invalid('audience', 'group-not-found');
      return { kind: 'role', groupId: audience.groupId, ...(audience.roles ? { roles: audience.roles } : {}), at };
    case 'roles':
      return { kind: 'role', roles: audience.roles, at };
  }
}

/** A predicate over `members m` for the audience on `at` (archived members are excluded by the caller). */
export function audiencePredicate(ctx: RegisterContext, audience: Audience, at: string): SqlQuery {
  return compileChecked(ctx, definitionOf(ctx.db, audience, at), 'audience');
}

/** Refuses an audience that names a segment or group that is not there. */
export function checkAudience(db: Db, audience: Audience): void {
  definitionOf(db, audience, '2000-01-01');
}

/** The segment's or group's name, for the plan and the calendar file; null for all / roles. */
export function audienceName(db: Db, audience: Audience): string | null {
  if (audience.kind === 'segment') return db.get<{ name: string }>(sql`SELECT name FROM segments WHERE id = ${audience.segmentId}`)?.name ?? null;
  if (audience.kind === 'group') return db.get<{ name: string }>(sql`SELECT name FROM groups WHERE id = ${audience.groupId}`)?.name ?? null;
  return null;
}
