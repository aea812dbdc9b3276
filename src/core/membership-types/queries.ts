import type { TypePeriodEntity } from '../../shared/contract';
import { KansliError, validationError } from '../../shared/result';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { planTypeChange, type OpenPeriod } from './rules';

export function typePeriods(db: Db, memberId: number): TypePeriodEntity[] {
  return db
    .all<{ id: number; member_id: number; membership_type_id: number; from_on: string; to_on: string | null }>(
      sql`SELECT id, member_id, membership_type_id, from_on, to_on FROM member_type_periods WHERE member_id = ${memberId} ORDER BY from_on, id`,
    )
    .map((r) => ({ id: r.id, memberId: r.member_id, membershipTypeId: r.membership_type_id, from: r.from_on, to: r.to_on }));
}

export function openPeriod(db: Db, memberId: number): OpenPeriod | null {
  const r = db.get<{ id: number; membership_type_id: number; from_on: string }>(
    sql`SELECT id, membership_type_id, from_on FROM member_type_periods WHERE member_id = ${memberId} AND to_on IS NULL ORDER BY from_on DESC LIMIT 1`,
  );
  return r ? { id: r.id, typeId: r.membership_type_id, from: r.from_on } : null;
}

export function assertTypeAssignable(db: Db, typeId: number, field = 'membershipTypeId') {
  const t = db.get<{ archived_at: string | null }>(sql`SELECT archived_at FROM membership_types WHERE id = ${typeId}`);
  if (!t) throw validationError([{ field, code: 'not-found' }]);
  if (t.archived_at) throw validationError([{ field, code: 'type-archived' }]);
}

/**
 * Changes a member's type from `from`, keeping the periods and members.membership_type_id in
 * step. Returns false when the type is already the one asked for.
 */
export function applyTypeChange(db: Db, memberId: number, typeId: number, from: string, today: string): boolean {
  const plan = planTypeChange(openPeriod(db, memberId), typeId, from, today);
  switch (plan.kind) {
    case 'refused':
      if (plan.code === 'type-unchanged') return false;
      throw validationError([{ field: 'from', code: plan.code }]);
    case 'open':
      db.run(sql`INSERT INTO member_type_periods (member_id, membership_type_id, from_on) VALUES (${memberId}, ${typeId}, ${plan.from})`);
      break;
    case 'retype':
      db.run(sql`UPDATE member_type_periods SET membership_type_id = ${typeId} WHERE id = ${plan.periodId}`);
      break;
    case 'close-and-open':
      db.run(sql`UPDATE member_type_periods SET to_on = ${plan.closeOn} WHERE id = ${plan.periodId}`);
      db.run(sql`INSERT INTO member_type_periods (member_id, membership_type_id, from_on) VALUES (${memberId}, ${typeId}, ${plan.from})`);
      break;
  }
  db.run(sql`UPDATE members SET membership_type_id = ${typeId} WHERE id = ${memberId}`);
  return true;
}

/** A member's type cleared (the form's "no type"): the open period ends today. */
export function endTypePeriod(db: Db, memberId: number, today: string) {
  const open = openPeriod(db, memberId);
  if (open) {
    if (open.from >= today) db.run(sql`DELETE FROM member_type_periods WHERE id = ${open.id}`);
    else db.run(sql`UPDATE member_type_periods SET to_on = ${today} WHERE id = ${open.id}`);
  }
  db.run(sql`UPDATE members SET membership_type_id = NULL WHERE id = ${memberId}`);
}

export function assertTypeExists(db: Db, id: number) {
  if (!db.get(sql`SELECT 1 AS x FROM membership_types WHERE id = ${id}`)) throw new KansliError('not-found', `No membership type ${id}`);
}
