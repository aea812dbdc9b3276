import type { ContactEntity, FollowUpRow } from '../../shared/contract';
import type { Db } from '../db/database';
import { raw, sql } from '../db/sql';
import { notFound } from '../members/errors';
import { COUNTS_AS_CONTACT } from './rules';

interface DbContact {
  id: number;
  member_id: number;
  kind: ContactEntity['kind'];
  on_date: string;
  made_by: string;
  outcome: ContactEntity['outcome'];
  notes: string;
  follow_up_on: string | null;
  follow_up_done_on: string | null;
}

const COLUMNS = raw('c.id, c.member_id, c.kind, c.on_date, c.made_by, c.outcome, c.notes, c.follow_up_on, c.follow_up_done_on');

export const toContact = (r: DbContact): ContactEntity => ({
  id: r.id,
  memberId: r.member_id,
  kind: r.kind,
  on: r.on_date,
  madeBy: r.made_by,
  outcome: r.outcome,
  notes: r.notes,
  followUpOn: r.follow_up_on,
  followUpDoneOn: r.follow_up_done_on,
});

export function listContacts(db: Db, memberId: number, limit: number): ContactEntity[] {
  return db
    .all<DbContact>(sql`SELECT ${COLUMNS} FROM contact_log c WHERE c.member_id = ${memberId} ORDER BY c.on_date DESC, c.id DESC LIMIT ${limit}`)
    .map(toContact);
}

export function mustGetContact(db: Db, id: number): ContactEntity {
  const r = db.get<DbContact>(sql`SELECT ${COLUMNS} FROM contact_log c WHERE c.id = ${id}`);
  if (!r) throw notFound('contact', id, 'id');
  return toContact(r);
}

export function followUpsDue(db: Db, until: string, limit: number): FollowUpRow[] {
  return db
    .all<DbContact & { member_number: number; first_name: string; last_name: string; mobile: string | null }>(
      sql`SELECT ${COLUMNS}, m.member_number, m.first_name, m.last_name, m.mobile
          FROM contact_log c JOIN members m ON m.id = c.member_id
          WHERE c.follow_up_on IS NOT NULL AND c.follow_up_done_on IS NULL AND c.follow_up_on <= ${until} AND m.archived_at IS NULL
          ORDER BY c.follow_up_on, c.id LIMIT ${limit}`,
    )
    .map((r) => ({ ...toContact(r), memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name, mobile: r.mobile }));
}

/** members.last_contact_on for one member, from the log (the journey reads the column). */
export function refreshLastContact(db: Db, memberId: number) {
  db.run(sql`UPDATE members SET last_contact_on =
      (SELECT max(on_date) FROM contact_log WHERE member_id = ${memberId} AND ${raw(COUNTS_AS_CONTACT)}) WHERE id = ${memberId}`);
}

/** The same for a set of members in temp.bulk_members (bulk actions, undo, merge). */
export function refreshLastContactOfSelection(db: Db) {
  db.run(sql`UPDATE members SET last_contact_on =
      (SELECT max(on_date) FROM contact_log c WHERE c.member_id = members.id AND ${raw(COUNTS_AS_CONTACT)})
    WHERE id IN (SELECT id FROM temp.bulk_members)`);
}
