import type { Db } from '../db/database';
import { sql, type SqlQuery } from '../db/sql';

/**
 * "Unpaid after the first reminder", the dues' part of the member journey: a dues invoice the
 * member is on (as addressee or household) that a reminder round has reminded on or before
 * `today` and that is still owed now — not credited, written off or carried over, and paid less
 * than its total (the same "owed" as src/core/dues/state.ts). One query shape for the stage
 * rule (over alias `m`) and for the member page's fact, so both always agree.
 */
function reminded(member: SqlQuery, today: string): SqlQuery {
  return sql`FROM invoice_members im
    JOIN invoices i ON i.id = im.invoice_id
    JOIN dues_reminders dr ON dr.invoice_id = i.id
    JOIN dues_reminder_rounds rr ON rr.id = dr.round_id
    WHERE im.member_id = ${member} AND i.kind = 'invoice' AND rr.remind_on <= ${today}
      AND i.credited_by_id IS NULL AND i.written_off_on IS NULL AND i.carried_to_id IS NULL
      AND coalesce((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = i.id), 0) < i.total`;
}

/** Predicate over `members m`. */
export function unpaidAfterReminderSql(today: string): SqlQuery {
  return sql`EXISTS (SELECT 1 ${reminded(sql`m.id`, today)})`;
}

/** The earliest such reminder's date, or null. */
export function unpaidAfterReminderOn(db: Db, memberId: number, today: string): string | null {
  return db.get<{ on: string | null }>(sql`SELECT min(rr.remind_on) AS "on" ${reminded(sql`${memberId}`, today)}`)?.on ?? null;
}
