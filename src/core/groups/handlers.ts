import type { Api, Role } from '../../shared/contract';
import { validationError } from '../../shared/result';
import { sql } from '../db/sql';
import { invalid } from '../members/errors';
import { statusEvents } from '../members/lifecycle';
import { mustGetMember } from '../members/queries';
import type { Period } from '../periods/rules';
import { isoDate, isoTime, type ContextProvider, type RegisterContext } from '../register/context';
import { getRole, holders, listGroups, memberRoles, mustGetGroup, samePeriods } from './queries';
import { activeSpans, roleProblem } from './rules';

type GroupsApi = Pick<
  Api,
  | 'groups.list'
  | 'groups.create'
  | 'groups.update'
  | 'groups.archive'
  | 'groups.unarchive'
  | 'groups.holders'
  | 'groups.memberRoles'
  | 'groups.addRole'
  | 'groups.updateRole'
  | 'groups.endRole'
  | 'groups.removeRole'
>;

/** Refuses a role period that overlaps the same role, reverses, or lies outside membership. */
function assertRoleAllowed(ctx: RegisterContext, memberId: number, groupId: number, role: Role, p: Period, exceptId: number) {
  const problem = roleProblem(p, samePeriods(ctx.db, memberId, groupId, role, exceptId), activeSpans(statusEvents(ctx.db, memberId)));
  if (problem) throw validationError([problem]);
}

export function createGroupsHandlers(context: ContextProvider): GroupsApi {
  const today = (ctx: RegisterContext) => isoDate(ctx.now());
  const setArchived = async (id: number, archived: boolean) => {
    const ctx = context();
    mustGetGroup(ctx.db, id, today(ctx));
    return ctx.write(() => {
      ctx.db.run(sql`UPDATE groups SET archived_at = ${archived ? isoTime(ctx.now()) : null} WHERE id = ${id}`);
      return mustGetGroup(ctx.db, id, today(ctx));
    });
  };

  return {
    async 'groups.list'({ includeArchived }) {
      const ctx = context();
      return listGroups(ctx.db, includeArchived, today(ctx));
    },
    async 'groups.create'({ name, kind }) {
      const ctx = context();
      return ctx.write(() => {
        const { lastId } = ctx.db.run(sql`INSERT INTO groups (name, kind, created_at) VALUES (${name}, ${kind}, ${isoTime(ctx.now())})`);
        return mustGetGroup(ctx.db, lastId, today(ctx));
      });
    },
    async 'groups.update'({ id, name, kind }) {
      const ctx = context();
      mustGetGroup(ctx.db, id, today(ctx));
      return ctx.write(() => {
        ctx.db.run(sql`UPDATE groups SET name = ${name}, kind = ${kind} WHERE id = ${id}`);
        return mustGetGroup(ctx.db, id, today(ctx));
      });
    },
    'groups.archive': ({ id }) => setArchived(id, true),
    'groups.unarchive': ({ id }) => setArchived(id, false),
    async 'groups.holders'({ groupId, at, from, to }) {
      const ctx = context();
      mustGetGroup(ctx.db, groupId, today(ctx));
      const lo = from ?? at ?? today(ctx);
      const hi = to ?? at ?? (from ? '9999-12-31' : lo);
      if (hi < lo) throw invalid('to', 'date-range-reversed');
      return holders(ctx.db, groupId, lo, hi);
    },
    async 'groups.memberRoles'({ memberId }) {
      const { db } = context();
      mustGetMember(db, memberId);
      return memberRoles(db, memberId);
    },
    async 'groups.addRole'({ memberId, groupId, role, from, to }) {
      const ctx = context();
      mustGetMember(ctx.db, memberId);
      const g = mustGetGroup(ctx.db, groupId, today(ctx));
      if (g.archived) throw invalid('groupId', 'group-archived');
      return ctx.write(() => {
        assertRoleAllowed(ctx, memberId, groupId, role, { from, to: to ?? null }, 0);
        const { lastId } = ctx.db.run(sql`INSERT INTO group_roles (member_id, group_id, role, from_on, to_on)
                                          VALUES (${memberId}, ${groupId}, ${role}, ${from}, ${to ?? null})`);
        return getRole(ctx.db, lastId);
      });
    },
    async 'groups.updateRole'({ id, from, to }) {
      const ctx = context();
      const r = getRole(ctx.db, id);
      return ctx.write(() => {
        assertRoleAllowed(ctx, r.memberId, r.groupId, r.role, { from, to }, id);
        ctx.db.run(sql`UPDATE group_roles SET from_on = ${from}, to_on = ${to} WHERE id = ${id}`);
        return getRole(ctx.db, id);
      });
    },
    async 'groups.endRole'({ id, on }) {
      const ctx = context();
      const r = getRole(ctx.db, id);
      const end = on ?? today(ctx);
      return ctx.write(() => {
        assertRoleAllowed(ctx, r.memberId, r.groupId, r.role, { from: r.from, to: end }, id);
        ctx.db.run(sql`UPDATE group_roles SET to_on = ${end} WHERE id = ${id}`);
        return getRole(ctx.db, id);
      });
    },
    async 'groups.removeRole'({ id }) {
      const ctx = context();
      getRole(ctx.db, id);
      ctx.write(() => ctx.db.run(sql`DELETE FROM group_roles WHERE id = ${id}`));
      return { removed: true };
    },
  };
}
