import type { Api } from '../../shared/contract';
import { sql } from '../db/sql';
import { invalid } from '../members/errors';
import { mustGetMember } from '../members/queries';
import { isoTime, type ContextProvider } from '../register/context';
import { getHousehold, mustGetHousehold, setHousehold, toHouseholdMember } from './queries';
import { suggestHouseholds } from './rules';

type HouseholdsApi = Pick<
  Api,
  'households.get' | 'households.create' | 'households.rename' | 'households.addMembers' | 'households.removeMember' | 'households.suggestions'
>;

export function createHouseholdsHandlers(context: ContextProvider): HouseholdsApi {
  return {
    async 'households.get'({ id }) {
      return mustGetHousehold(context().db, id);
    },
    async 'households.create'({ name, memberIds }) {
      const ctx = context();
      const ids = [...new Set(memberIds)];
      if (ids.length < 2) throw invalid('memberIds', 'household-too-small');
      return ctx.write(() => {
        const at = isoTime(ctx.now());
        const { lastId } = ctx.db.run(sql`INSERT INTO households (name, created_at) VALUES (${name ?? null}, ${at})`);
        for (const id of ids) setHousehold(ctx.db, id, lastId, at);
        return mustGetHousehold(ctx.db, lastId);
      });
    },
    async 'households.rename'({ id, name }) {
      const ctx = context();
      mustGetHousehold(ctx.db, id);
      return ctx.write(() => {
        ctx.db.run(sql`UPDATE households SET name = ${name} WHERE id = ${id}`);
        return mustGetHousehold(ctx.db, id);
      });
    },
    async 'households.addMembers'({ id, memberIds }) {
      const ctx = context();
      mustGetHousehold(ctx.db, id);
      return ctx.write(() => {
        const at = isoTime(ctx.now());
        for (const m of memberIds) setHousehold(ctx.db, m, id, at);
        return mustGetHousehold(ctx.db, id);
      });
    },
    async 'households.removeMember'({ memberId }) {
      const ctx = context();
      const m = mustGetMember(ctx.db, memberId);
      if (m.householdId === null) throw invalid('memberId', 'not-in-household');
      const householdId = m.householdId;
      return ctx.write(() => {
        setHousehold(ctx.db, memberId, null, isoTime(ctx.now()));
        return getHousehold(ctx.db, householdId);
      });
    },
    async 'households.suggestions'({ limit }) {
      const { db } = context();
      const rows = db.all<{ id: number; street: string | null; postcode: string | null; household_id: number | null }>(
        sql`SELECT id, street, postcode, household_id FROM members
            WHERE archived_at IS NULL AND status = 'active' AND street IS NOT NULL AND postcode IS NOT NULL`,
      );
      const suggestions = suggestHouseholds(rows.map((r) => ({ id: r.id, street: r.street, postcode: r.postcode, householdId: r.household_id }))).slice(0, limit);
      const ids = suggestions.flatMap((s) => s.memberIds);
      const members = new Map(
        ids.length
          ? db
              .all<Parameters<typeof toHouseholdMember>[0]>(
                sql`SELECT id, member_number, first_name, last_name, street, postcode, city FROM members
                    WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
              )
              .map((r) => [r.id, toHouseholdMember(r)])
          : [],
      );
      return suggestions.map((s) => ({ addressKey: s.addressKey, householdId: s.householdId, members: s.memberIds.map((id) => members.get(id)!) }));
    },
  };
}
