import type { Route } from '../../shared/contract';
import { sql } from '../db/sql';
import type { RegisterContext } from '../register/context';

const CONTACT_KIND: Record<Route, 'sms' | 'email' | 'letter'> = { sms: 'sms', email: 'email', post: 'letter' };

/**
 * The sent log: one contact-log entry (channel, date, the send-out's title) per member each
 * exported route went to — the recipients frozen at export, not the register of today. One
 * INSERT … SELECT per route: 100,000 entries without a round trip each.
 */
export function writeSentEntries(ctx: RegisterContext, sendOutId: number, title: string, on: string, at: string): number {
  let entries = 0;
  const routes = ctx.db.all<{ route: Route; member_ids: string }>(sql`SELECT route, member_ids FROM send_out_routes WHERE send_out_id = ${sendOutId}`);
  for (const r of routes) {
    entries += ctx.db.run(sql`INSERT INTO contact_log (member_id, kind, on_date, made_by, outcome, notes, created_at, send_out_id)
      SELECT j.value, ${CONTACT_KIND[r.route]}, ${on}, '', NULL, ${title}, ${at}, ${sendOutId}
      FROM json_each(${r.member_ids}) j JOIN members m ON m.id = j.value`).changes;
  }
  return entries;
}

/** Takes back exactly the entries the send-out wrote. */
export function removeSentEntries(ctx: RegisterContext, sendOutId: number): number {
  return ctx.db.run(sql`DELETE FROM contact_log WHERE send_out_id = ${sendOutId}`).changes;
}
