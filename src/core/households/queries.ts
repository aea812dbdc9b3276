import type { HouseholdEntity, HouseholdMember } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { notFound } from '../members/errors';

interface DbHM {
  id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
}
export const toHouseholdMember = (r: DbHM): HouseholdMember => ({
  id: r.id,
  memberNumber: r.member_number,
  firstName: r.first_name,
  lastName: r.last_name,
  street: r.street,
  postcode: r.postcode,
  city: r.city,
});

export function getHousehold(db: Db, id: number): HouseholdEntity | null {
  const h = db.get<{ id: number; name: string | null }>(sql`SELECT id, name FROM households WHERE id = ${id}`);
  if (!h) return null;
  const members = db
    .all<DbHM>(sql`SELECT id, member_number, first_name, last_name, street, postcode, city FROM members
                   WHERE household_id = ${id} ORDER BY sort_first, id`)
    .map(toHouseholdMember);
  return { id: h.id, name: h.name, members };
}

export function mustGetHousehold(db: Db, id: number): HouseholdEntity {
  const h = getHousehold(db, id);
  if (!h) throw notFound('household', id, 'id');
  return h;
}

/** Moves a member into a household (or out, with null), with a history row. */
export function setHousehold(db: Db, memberId: number, householdId: number | null, at: string, source: 'edit' | 'merge' = 'edit') {
  const cur = db.get<{ household_id: number | null }>(sql`SELECT household_id FROM members WHERE id = ${memberId}`);
  if (!cur) throw notFound('member', memberId, 'memberIds');
  if (cur.household_id === householdId) return;
  db.run(sql`UPDATE members SET household_id = ${householdId}, updated_at = ${at} WHERE id = ${memberId}`);
  recordHistory(db, memberId, at, [{ field: 'householdId', oldValue: cur.household_id, newValue: householdId }], source);
  if (cur.household_id !== null) dissolveIfAlone(db, cur.household_id, at);
}

/** A household of one is no household: the last member leaves it and it is removed. */
export function dissolveIfAlone(db: Db, householdId: number, at: string) {
  const ids = db.column(sql`SELECT id FROM members WHERE household_id = ${householdId}`);
  if (ids.length >= 2) return;
  for (const id of ids) {
    db.run(sql`UPDATE members SET household_id = NULL, updated_at = ${at} WHERE id = ${id}`);
    recordHistory(db, id, at, [{ field: 'householdId', oldValue: householdId, newValue: null }], 'edit');
  }
  db.run(sql`DELETE FROM households WHERE id = ${householdId}`);
}
