import type { Audience, DuesStep, Route, SendOutChannel, SendOutEntity, SendOutFileEntry, SendOutFileKind, SendOutStatus } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { notFound } from '../members/errors';
import { audienceName } from './audience';

interface DbSendOut {
  id: number;
  title: string;
  channel: SendOutChannel;
  status: SendOutStatus;
  planned_on: string | null;
  audience: string;
  body: string;
  dues_year: number | null;
  dues_step: DuesStep | null;
  frequency_limit: number | null;
  paper_for_others: number;
  important: number;
  exported_at: string | null;
  sent_on: string | null;
  created_at: string;
  updated_at: string;
  routes: string | null;
}

const SELECT = sql`SELECT s.*, (SELECT group_concat(route) FROM send_out_routes r WHERE r.send_out_id = s.id) AS routes FROM send_outs s`;

function toEntity(db: Db, r: DbSendOut): SendOutEntity {
  const audience = JSON.parse(r.audience) as Audience;
  return {
    id: r.id,
    title: r.title,
    channel: r.channel,
    status: r.status,
    plannedOn: r.planned_on,
    audience,
    audienceName: audienceName(db, audience),
    body: r.body,
    duesYear: r.dues_year,
    duesStep: r.dues_step,
    frequencyLimit: r.frequency_limit,
    paperForOthers: r.paper_for_others === 1,
    important: r.important === 1,
    exportedAt: r.exported_at,
    sentOn: r.sent_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    exportedRoutes: r.routes ? (r.routes.split(',').sort() as Route[]) : [],
  };
}

export function mustGetSendOut(db: Db, id: number): SendOutEntity {
  const r = db.get<DbSendOut>(sql`${SELECT} WHERE s.id = ${id}`);
  if (!r) throw notFound('send-out', id, 'id');
  return toEntity(db, r);
}

/** By planned date, undated ideas last, then by creation. */
export function listSendOuts(db: Db, from: string | undefined, to: string | undefined): SendOutEntity[] {
  const lo = from ? sql` AND s.planned_on >= ${from}` : sql``;
  const hi = to ? sql` AND s.planned_on <= ${to}` : sql``;
  const undated = from || to ? sql`` : sql` OR s.planned_on IS NULL`;
  return db
    .all<DbSendOut>(sql`${SELECT} WHERE (s.planned_on IS NOT NULL${lo}${hi})${undated} ORDER BY s.planned_on IS NULL, s.planned_on, s.id`)
    .map((r) => toEntity(db, r));
}

export function listFiles(db: Db, sendOutId: number): SendOutFileEntry[] {
  return db
    .all<{ id: number; at: string; kind: SendOutFileKind; file_name: string; people: number; messages: number }>(
      sql`SELECT id, at, kind, file_name, people, messages FROM send_out_files WHERE send_out_id = ${sendOutId} ORDER BY at DESC, id DESC LIMIT 100`,
    )
    .map((r) => ({ id: r.id, at: r.at, kind: r.kind, fileName: r.file_name, people: r.people, messages: r.messages }));
}

/** The members an export of `route` went to; replaces the route's earlier export. */
export function freezeRoute(db: Db, sendOutId: number, route: Route, memberIds: number[], at: string): void {
  db.run(sql`INSERT INTO send_out_routes (send_out_id, route, member_ids, exported_at) VALUES (${sendOutId}, ${route}, ${JSON.stringify(memberIds)}, ${at})
             ON CONFLICT (send_out_id, route) DO UPDATE SET member_ids = excluded.member_ids, exported_at = excluded.exported_at`);
}

export function clearRoutes(db: Db, sendOutId: number): void {
  db.run(sql`DELETE FROM send_out_routes WHERE send_out_id = ${sendOutId}`);
}
