import type { GroupEntity, Role, RoleHolderRow, RolePeriodEntity } from '../../shared/contract';
import type { Db } from '../db/database';
import { sql, type SqlQuery } from '../db/sql';
import { notFound } from '../members/errors';

interface DbRole {
  id: number;
  member_id: number;
  group_id: number;
  group_name: string;
  role: Role;
  from_on: string;
  to_on: string | null;
}

const ROLE_SELECT = sql`SELECT r.id, r.member_id, r.group_id, g.name AS group_name, r.role, r.from_on, r.to_on
                        FROM group_roles r JOIN groups g ON g.id = r.group_id`;

const toRole = (r: DbRole): RolePeriodEntity => ({
  id: r.id,
  memberId: r.member_id,
  groupId: r.group_id,
  groupName: r.group_name,
  role: r.role,
  from: r.from_on,
  to: r.to_on,
});

export function listGroups(db: Db, includeArchived: boolean, today: string): GroupEntity[] {
  return db
    .all<{ id: number; name: string; kind: GroupEntity['kind']; archived_at: string | null; n: number }>(
      sql`SELECT g.id, g.name, g.kind, g.archived_at,
            (SELECT count(*) FROM group_roles r WHERE r.group_id = g.id AND r.from_on <= ${today} AND (r.to_on IS NULL OR r.to_on >= ${today})) AS n
          FROM groups g WHERE ${includeArchived} OR g.archived_at IS NULL ORDER BY g.name, g.id`,
    )
    .map((g) => ({ id: g.id, name: g.name, kind: g.kind, archived: g.archived_at !== null, currentCount: g.n }));
}

export function mustGetGroup(db: Db, id: number, today: string): GroupEntity {
  const g = listGroups(db, true, today).find((x) => x.id === id);
  if (!g) throw notFound('group', id, 'groupId');
  return g;
}

export function memberRoles(db: Db, memberId: number): RolePeriodEntity[] {
  return db.all<DbRole>(sql`${ROLE_SELECT} WHERE r.member_id = ${memberId} ORDER BY r.from_on DESC, r.id DESC`).map(toRole);
}

export function getRole(db: Db, id: number): RolePeriodEntity {
  const r = db.get<DbRole>(sql`${ROLE_SELECT} WHERE r.id = ${id}`);
  if (!r) throw notFound('role', id, 'id');
  return toRole(r);
}

/** Holders of any role in the group at some day in [from, to]. */
export function holders(db: Db, groupId: number, from: string, to: string): RoleHolderRow[] {
  const q: SqlQuery = sql`SELECT r.id, r.member_id, r.group_id, g.name AS group_name, r.role, r.from_on, r.to_on,
      m.member_number, m.first_name, m.last_name
    FROM group_roles r JOIN groups g ON g.id = r.group_id JOIN members m ON m.id = r.member_id
    WHERE r.group_id = ${groupId} AND r.from_on <= ${to} AND (r.to_on IS NULL OR r.to_on >= ${from})
    ORDER BY r.role, m.sort_last, m.sort_first, r.from_on`;
  return db
    .all<DbRole & { member_number: number; first_name: string; last_name: string }>(q)
    .map((r) => ({ ...toRole(r), memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name }));
}

export function samePeriods(db: Db, memberId: number, groupId: number, role: Role, exceptId: number) {
  return db
    .all<{ from_on: string; to_on: string | null }>(
      sql`SELECT from_on, to_on FROM group_roles WHERE member_id = ${memberId} AND group_id = ${groupId} AND role = ${role} AND id != ${exceptId}`,
    )
    .map((r) => ({ from: r.from_on, to: r.to_on }));
}
