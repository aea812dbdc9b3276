import type { MemberStatus, StatusEventEntity } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';

/**
 * The status life cycle: active → left / struck off → active again (a re-join). Every change is
 * an event row; members.status and members.status_since always mirror the latest event, and are
 * written only here.
 */
export function checkStatusChange(
  events: Pick<StatusEventEntity, 'status' | 'on' | 'reason'>[],
  change: { to: MemberStatus; on: string },
  today: string,
): string | null {
  if (change.on > today) return 'date-in-future';
  const last = events[events.length - 1];
  if (!last) return null;
  if (last.status === change.to) return 'status-unchanged';
  if (last.status !== 'active' && change.to !== 'active') return 'transition-invalid';
  if (change.on < last.on) return 'date-before-last-event';
  if (change.to === 'active' && last.reason === 'deceased') return 'member-deceased';
  return null;
}

interface DbEvent {
  id: number;
  member_id: number;
  status: MemberStatus;
  kind: StatusEventEntity['kind'];
  on_date: string;
  reason: StatusEventEntity['reason'];
  note: string | null;
}

export function statusEvents(db: Db, memberId: number): StatusEventEntity[] {
  return db
    .all<DbEvent>(sql`SELECT id, member_id, status, kind, on_date, reason, note FROM member_status_events
                      WHERE member_id = ${memberId} ORDER BY on_date, id`)
    .map((e) => ({ id: e.id, memberId: e.member_id, status: e.status, kind: e.kind, on: e.on_date, reason: e.reason, note: e.note }));
}

/** Records an event (already checked) and brings the member row in line. */
export interface StatusEventInput {
  to: MemberStatus;
  on: string;
  reason?: StatusEventEntity['reason'];
  note?: string;
}

export function recordStatusEvent(db: Db, memberId: number, change: StatusEventInput, previous: MemberStatus | null, at: string) {
  const kind = change.to === 'active' ? (previous === null ? 'joined' : 'rejoined') : change.to;
  const reason = change.reason ?? null;
  db.run(sql`INSERT INTO member_status_events (member_id, status, kind, on_date, reason, note, created_at)
             VALUES (${memberId}, ${change.to}, ${kind}, ${change.on}, ${reason}, ${change.note ?? null}, ${at})`);
  db.run(sql`UPDATE members SET status = ${change.to}, status_since = ${change.on}, updated_at = ${at} WHERE id = ${memberId}`);
  if (previous !== null) recordHistory(db, memberId, at, [{ field: 'status', oldValue: previous, newValue: change.to }], 'status');
  if (change.to !== 'active') {
    // Leaving ends every role held that day; roles cannot outlast membership.
    db.run(sql`UPDATE group_roles SET to_on = ${change.on}
               WHERE member_id = ${memberId} AND from_on <= ${change.on} AND (to_on IS NULL OR to_on > ${change.on})`);
  }
}
