import type { Api } from '../../shared/contract';
import { KansliError } from '../../shared/result';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { conflict } from '../members/errors';
import { listMembershipTypes, mustGetMember } from '../members/queries';
import { isoDate, isoTime, type ContextProvider } from '../register/context';
import { applyTypeChange, assertTypeAssignable, assertTypeExists, typePeriods } from './queries';

type TypesApi = Pick<
  Api,
  | 'membershipTypes.list'
  | 'membershipTypes.create'
  | 'membershipTypes.update'
  | 'membershipTypes.archive'
  | 'membershipTypes.unarchive'
  | 'membershipTypes.delete'
  | 'membershipTypes.periods'
  | 'membershipTypes.change'
>;

export function createMembershipTypesHandlers(context: ContextProvider): TypesApi {
  const one = (id: number) => {
    const t = listMembershipTypes(context().db).find((x) => x.id === id);
    if (!t) throw new KansliError('not-found', `No membership type ${id}`);
    return t;
  };
  const nameFree = (name: string, exceptId: number) => {
    const clash = context().db.get(sql`SELECT 1 AS x FROM membership_types WHERE lower(name) = lower(${name}) AND id != ${exceptId}`);
    if (clash) throw conflict('name-in-use', 'name');
  };

  return {
    async 'membershipTypes.list'({ includeArchived }) {
      return listMembershipTypes(context().db, includeArchived);
    },
    async 'membershipTypes.create'({ name, paysDues, mayVote }) {
      const ctx = context();
      return ctx.write(() => {
        nameFree(name, 0);
        const { lastId } = ctx.db.run(sql`INSERT INTO membership_types (name, pays_dues, may_vote, position)
          VALUES (${name}, ${paysDues}, ${mayVote}, (SELECT coalesce(max(position), 0) + 1 FROM membership_types))`);
        return one(lastId);
      });
    },
    async 'membershipTypes.update'({ id, name, paysDues, mayVote }) {
      const ctx = context();
      one(id);
      return ctx.write(() => {
        if (name !== undefined) nameFree(name, id);
        ctx.db.run(sql`UPDATE membership_types SET name = coalesce(${name ?? null}, name),
          pays_dues = coalesce(${paysDues ?? null}, pays_dues), may_vote = coalesce(${mayVote ?? null}, may_vote) WHERE id = ${id}`);
        return one(id);
      });
    },
    async 'membershipTypes.archive'({ id }) {
      const ctx = context();
      one(id);
      return ctx.write(() => {
        ctx.db.run(sql`UPDATE membership_types SET archived_at = coalesce(archived_at, ${isoTime(ctx.now())}) WHERE id = ${id}`);
        return one(id);
      });
    },
    async 'membershipTypes.unarchive'({ id }) {
      const ctx = context();
      one(id);
      return ctx.write(() => {
        ctx.db.run(sql`UPDATE membership_types SET archived_at = NULL WHERE id = ${id}`);
        return one(id);
      });
    },
    async 'membershipTypes.delete'({ id }) {
      const ctx = context();
      assertTypeExists(ctx.db, id);
      const used =
        ctx.db.get(sql`SELECT 1 AS x FROM members WHERE membership_type_id = ${id} LIMIT 1`) ??
        ctx.db.get(sql`SELECT 1 AS x FROM member_type_periods WHERE membership_type_id = ${id} LIMIT 1`);
      if (used) throw conflict('type-in-use');
      ctx.write(() => ctx.db.run(sql`DELETE FROM membership_types WHERE id = ${id}`));
      return { deleted: true };
    },
    async 'membershipTypes.periods'({ memberId }) {
      const { db } = context();
      mustGetMember(db, memberId);
      return typePeriods(db, memberId);
    },
    async 'membershipTypes.change'({ memberId, membershipTypeId, from }) {
      const ctx = context();
      const m = mustGetMember(ctx.db, memberId);
      const today = isoDate(ctx.now());
      return ctx.write(() => {
        assertTypeAssignable(ctx.db, membershipTypeId);
        if (applyTypeChange(ctx.db, memberId, membershipTypeId, from ?? today, today)) {
          const now = isoTime(ctx.now());
          ctx.db.run(sql`UPDATE members SET updated_at = ${now} WHERE id = ${memberId}`);
          recordHistory(ctx.db, memberId, now, [{ field: 'membershipTypeId', oldValue: m.membershipTypeId, newValue: membershipTypeId }], 'edit');
        }
        return typePeriods(ctx.db, memberId);
      });
    },
  };
}
