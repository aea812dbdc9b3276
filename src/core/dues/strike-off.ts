import type { StrikeOffEntity, StrikeOffProposal, StrikeOffProposalRow } from '../../shared/contract/dues';
import type { StrikeOffReason } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { checkStatusChange, recordStatusEvent, statusEvents } from '../members/lifecycle';
import { conflict, invalid, notFound } from '../members/errors';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import { currencyOf } from '../register/settings';
import { invoiceStates } from './state';

/**
 * Members still owing after the latest reminder round run: covered by an invoice of the year
 * that the round reminded and that is still owed, and still active. An invoice the round did not
 * remind (not yet due then) never puts anyone on the list.
 */
export function strikeOffProposal(ctx: RegisterContext, year: number): StrikeOffProposal {
  const db = ctx.db;
  const last = db.get<{ id: number; number: number }>(sql`SELECT id, number FROM dues_reminder_rounds
    WHERE year = ${year} AND run_at IS NOT NULL ORDER BY number DESC LIMIT 1`);
  if (!last) throw conflict('no-reminder-round-run', 'year');
  const rows = db.all<{ member_id: number; member_number: number; first_name: string; last_name: string; invoice_id: number; seq: number; owed: number; last_round: number }>(sql`
    SELECT m.id AS member_id, m.member_number, m.first_name, m.last_name, x.id AS invoice_id, x.seq, x.owed,
           (SELECT max(rr.number) FROM dues_reminders d JOIN dues_reminder_rounds rr ON rr.id = d.round_id WHERE d.invoice_id = x.id) AS last_round
    FROM (${invoiceStates(sql`i.year = ${year} AND i.kind = 'invoice'`)}) x
    JOIN invoice_members im ON im.invoice_id = x.id
    JOIN members m ON m.id = im.member_id
    WHERE x.owed > 0 AND m.status = 'active' AND m.archived_at IS NULL
      AND EXISTS (SELECT 1 FROM dues_reminders d WHERE d.round_id = ${last.id} AND d.invoice_id = x.id)
    ORDER BY m.sort_last, m.sort_first, m.id, x.seq`);
  const byMember = new Map<number, StrikeOffProposalRow>();
  const invoices = new Map<number, number>();
  for (const r of rows) {
    invoices.set(r.invoice_id, r.owed);
    const row = byMember.get(r.member_id) ?? {
      member: { memberId: r.member_id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name },
      invoiceNumbers: [],
      owed: 0,
      lastRound: 0,
    };
    row.invoiceNumbers.push(String(r.seq));
    row.owed += r.owed;
    row.lastRound = Math.max(row.lastRound, r.last_round);
    byMember.set(r.member_id, row);
  }
  const owedTotal = [...invoices.values()].reduce((n, o) => n + o, 0);
  return { year, currency: currencyOf(ctx.country), afterRound: last.number, rows: [...byMember.values()], owedTotal };
}

/**
 * The board's decision: each chosen member is struck off through the member life cycle (event,
 * status, roles ended that day), and what undo needs is kept. Call inside ctx.write.
 */
export function strikeOff(
  ctx: RegisterContext,
  a: { year: number; memberIds: number[]; on: string; reason: StrikeOffReason; note: string | null },
): StrikeOffEntity {
  const db = ctx.db;
  const today = isoDate(ctx.now());
  if (a.on > today) throw invalid('on', 'date-in-future');
  const proposed = new Set(strikeOffProposal(ctx, a.year).rows.map((r) => r.member.memberId));
  const ids = [...new Set(a.memberIds)];
  if (ids.some((id) => !proposed.has(id))) throw invalid('memberIds', 'member-not-in-proposal');
  for (const id of ids) {
    const problem = checkStatusChange(statusEvents(db, id), { to: 'struck_off', on: a.on }, today);
    if (problem) throw invalid('on', problem);
  }
  const now = isoTime(ctx.now());
  const { lastId: soId } = db.run(sql`INSERT INTO dues_strike_offs (year, on_date, reason, note, created_at)
    VALUES (${a.year}, ${a.on}, ${a.reason}, ${a.note}, ${now})`);
  for (const id of ids) {
    const prev = db.get<{ status: string; status_since: string | null }>(sql`SELECT status, status_since FROM members WHERE id = ${id}`)!;
    const roles = db.all<{ id: number; to_on: string | null }>(sql`SELECT id, to_on FROM group_roles
      WHERE member_id = ${id} AND from_on <= ${a.on} AND (to_on IS NULL OR to_on > ${a.on})`);
    recordStatusEvent(db, id, { to: 'struck_off', on: a.on, reason: a.reason, note: a.note ?? undefined }, 'active', now);
    const eventId = db.column(sql`SELECT max(id) FROM member_status_events WHERE member_id = ${id}`)[0];
    db.run(sql`INSERT INTO dues_strike_off_members (strike_off_id, member_id, status_event_id, prev_status, prev_status_since, roles)
      VALUES (${soId}, ${id}, ${eventId}, ${prev.status}, ${prev.status_since}, ${JSON.stringify(roles.map((r) => [r.id, r.to_on]))})`);
  }
  return getStrikeOff(db, soId);
}

interface DbSoMember {
  member_id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  status_event_id: number;
  prev_status: string;
  prev_status_since: string | null;
  roles: string;
  latest_event: number;
}

function soMembers(db: Db, id: number): DbSoMember[] {
  return db.all<DbSoMember>(sql`SELECT s.member_id, m.member_number, m.first_name, m.last_name, s.status_event_id, s.prev_status,
      s.prev_status_since, s.roles,
      (SELECT e.id FROM member_status_events e WHERE e.member_id = s.member_id ORDER BY e.on_date DESC, e.id DESC LIMIT 1) AS latest_event
    FROM dues_strike_off_members s JOIN members m ON m.id = s.member_id
    WHERE s.strike_off_id = ${id} ORDER BY m.sort_last, m.sort_first, m.id`);
}

/**
 * Puts every member back as before, in one step — but only while the strike-off is still the
 * latest thing that happened to each of them (a re-join or a later change since would be lost).
 */
export function undoStrikeOff(ctx: RegisterContext, id: number): StrikeOffEntity {
  const db = ctx.db;
  const so = getStrikeOff(db, id);
  if (so.undoneAt) throw conflict('strike-off-already-undone', 'id');
  const members = soMembers(db, id);
  if (members.some((m) => m.latest_event !== m.status_event_id)) throw conflict('strike-off-changed-since', 'id');
  const now = isoTime(ctx.now());
  for (const m of members) {
    db.run(sql`DELETE FROM member_status_events WHERE id = ${m.status_event_id}`);
    db.run(sql`UPDATE members SET status = ${m.prev_status}, status_since = ${m.prev_status_since}, updated_at = ${now} WHERE id = ${m.member_id}`);
    for (const [roleId, toOn] of JSON.parse(m.roles) as [number, string | null][]) {
      // Only roles still ended on the strike-off day: a role edited since keeps its new dates.
      db.run(sql`UPDATE group_roles SET to_on = ${toOn} WHERE id = ${roleId} AND to_on = ${so.on}`);
    }
    recordHistory(db, m.member_id, now, [{ field: 'status', oldValue: 'struck_off', newValue: m.prev_status }], 'undo');
  }
  db.run(sql`UPDATE dues_strike_offs SET undone_at = ${now} WHERE id = ${id}`);
  return getStrikeOff(db, id);
}

interface DbSo {
  id: number;
  year: number;
  on_date: string;
  reason: StrikeOffReason;
  note: string | null;
  created_at: string;
  undone_at: string | null;
}

function toEntity(db: Db, s: DbSo): StrikeOffEntity {
  const members = soMembers(db, s.id);
  return {
    id: s.id,
    year: s.year,
    on: s.on_date,
    reason: s.reason,
    note: s.note,
    members: members.map((m) => ({ memberId: m.member_id, memberNumber: m.member_number, firstName: m.first_name, lastName: m.last_name })),
    createdAt: s.created_at,
    undoneAt: s.undone_at,
    undoable: s.undone_at === null && members.every((m) => m.latest_event === m.status_event_id),
  };
}

export function getStrikeOff(db: Db, id: number): StrikeOffEntity {
  const s = db.get<DbSo>(sql`SELECT * FROM dues_strike_offs WHERE id = ${id}`);
  if (!s) throw notFound('strike-off', id, 'id');
  return toEntity(db, s);
}

export function listStrikeOffs(db: Db, year: number | undefined): StrikeOffEntity[] {
  const where = year === undefined ? sql`1` : sql`year = ${year}`;
  return db.all<DbSo>(sql`SELECT * FROM dues_strike_offs WHERE ${where} ORDER BY id DESC`).map((s) => toEntity(db, s));
}
