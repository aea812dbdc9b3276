import type { BulkAction } from '../../shared/contract';
import { sql, type SqlQuery } from '../db/sql';

export type ParsedBulkAction =
  | { kind: 'addToGroup'; groupId: number; role: string; from: string }
  | { kind: 'setType'; membershipTypeId: number; from: string }
  | { kind: 'addContact'; contact: { kind: string; on: string; madeBy: string; outcome: string | null; notes: string; followUpOn: string | null } }
  | { kind: 'archive' };

export type { BulkAction };

/**
 * Who changes and who does not, for every member of temp.bulk_members, as one query returning
 * (id, reason, old_value, new_value): reason NULL = changes. Preview shows it and apply acts on
 * exactly its NULL rows, so the two cannot disagree. The rules match the single-member ones:
 * a role must lie inside the member's current membership and not overlap the same role; a type
 * change may not reach back before the open period.
 */
export function classify(a: ParsedBulkAction, now: string): SqlQuery {
  const from = sql`FROM members m WHERE m.id IN (SELECT id FROM temp.bulk_members)`;
  switch (a.kind) {
    case 'addToGroup':
      return sql`SELECT m.id, CASE
          WHEN m.archived_at IS NOT NULL THEN 'member-archived'
          WHEN m.status != 'active' OR coalesce(m.status_since, '') > ${a.from} THEN 'member-not-active-at-date'
          WHEN EXISTS (SELECT 1 FROM group_roles r WHERE r.member_id = m.id AND r.group_id = ${a.groupId} AND r.role = ${a.role}
                       AND (r.to_on IS NULL OR r.to_on >= ${a.from})) THEN 'already-holds-role'
        END AS reason, NULL AS old_value, ${a.role} AS new_value ${from}`;
    case 'setType':
      return sql`SELECT m.id, CASE
          WHEN m.archived_at IS NOT NULL THEN 'member-archived'
          WHEN m.membership_type_id = ${a.membershipTypeId} THEN 'already-has-type'
          WHEN EXISTS (SELECT 1 FROM member_type_periods p WHERE p.member_id = m.id
                       AND ((p.to_on IS NULL AND p.from_on > ${a.from}) OR p.to_on >= ${a.from})) THEN 'date-before-current-period'
        END AS reason, m.membership_type_id AS old_value, ${a.membershipTypeId} AS new_value ${from}`;
    case 'addContact':
      return sql`SELECT m.id, CASE WHEN m.archived_at IS NOT NULL THEN 'member-archived' END AS reason,
        NULL AS old_value, ${a.contact.kind} AS new_value ${from}`;
    case 'archive':
      return sql`SELECT m.id, CASE WHEN m.archived_at IS NOT NULL THEN 'already-archived' END AS reason,
        NULL AS old_value, ${now} AS new_value ${from}`;
  }
}

export const CHANGE_FIELD = {
  addToGroup: 'role',
  setType: 'membershipTypeId',
  addContact: 'contact',
  archive: 'archivedAt',
} as const;
