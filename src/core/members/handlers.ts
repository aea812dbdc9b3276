import { memberListQuerySchema, type Api } from '../../shared/contract';
import { KansliError, validationError } from '../../shared/result';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { isoDate, isoTime, type ContextProvider, type RegisterContext } from '../register/context';
import { getMember, listIds, listMembershipTypes, rowsByIds, type ListFilter } from './queries';
import { normalizeMember, type NormalizedMember } from './rules';
import { searchText, searchTokens, sortKeys } from './search';

type MembersApi = Pick<
  Api,
  'members.list' | 'members.get' | 'members.create' | 'members.update' | 'members.archive' | 'members.unarchive' | 'members.types'
>;

/** Hands out member numbers from a counter, so a number is never reused, even after archiving. */
function nextMemberNumber(db: Db): number {
  const row = db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = 'nextMemberNumber'`);
  const highest = db.column(sql`SELECT coalesce(max(member_number), 0) FROM members`)[0];
  const n = Math.max(row ? Number(row.value) : 1, highest + 1);
  db.run(sql`INSERT INTO settings (key, value) VALUES ('nextMemberNumber', ${String(n + 1)})
             ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  return n;
}

function derived(ctx: RegisterContext, m: NormalizedMember, memberNumber: number) {
  const keys = sortKeys(m, ctx.language);
  return { search: searchText({ ...m, memberNumber }), ...keys };
}

function assertTypeExists(db: Db, id: number | null | undefined) {
  if (id == null) return;
  if (!db.get(sql`SELECT 1 AS x FROM membership_types WHERE id = ${id}`)) {
    throw validationError([{ field: 'membershipTypeId', code: 'not-found' }]);
  }
}

function assertIdentityFree(db: Db, identity: string | null, exceptId: number) {
  if (!identity) return;
  const other = db.get<{ member_number: number }>(
    sql`SELECT member_number FROM members WHERE identity_number = ${identity} AND id != ${exceptId}`,
  );
  if (other) throw new KansliError('validation', 'identity number in use', {
    fields: [{ field: 'identityNumber', code: 'identity-in-use' }],
    memberNumber: other.member_number,
  });
}

export function createMembersHandlers(context: ContextProvider): MembersApi {
  // The ordered ids of the last list query: scrolling asks for windows of the same list, and
  // must not sort 100,000 rows again for each. Any write clears it.
  let cache: { key: string; db: Db; generation: number; ids: number[] } | undefined;
  let generation = 0;

  const validated = (ctx: RegisterContext, input: Parameters<MembersApi['members.create']>[0]) => {
    const { value, issues } = normalizeMember(input, ctx.country, isoDate(ctx.now()));
    if (issues.length) throw validationError(issues);
    return value;
  };

  const mustGet = (ctx: RegisterContext, id: number) => {
    const m = getMember(ctx.db, id);
    if (!m) throw new KansliError('not-found', `No member with id ${id}`);
    return m;
  };

  const write = <T>(ctx: RegisterContext, fn: () => T) => {
    generation++;
    return ctx.write(fn);
  };

  return {
    async 'members.list'(args) {
      const ctx = context();
      const q = memberListQuerySchema.parse(args);
      const filter: ListFilter = {
        tokens: searchTokens(q.search),
        includeArchived: q.includeArchived,
        sort: q.sort,
        direction: q.direction,
      };
      const key = JSON.stringify(filter);
      if (!cache || cache.key !== key || cache.db !== ctx.db || cache.generation !== generation) {
        cache = { key, db: ctx.db, generation, ids: listIds(ctx.db, filter) };
      }
      const window = cache.ids.slice(q.offset, q.offset + q.limit);
      return { total: cache.ids.length, offset: q.offset, rows: rowsByIds(ctx.db, window, ctx.country) };
    },

    async 'members.get'({ id }) {
      return mustGet(context(), id);
    },

    async 'members.create'(input) {
      const ctx = context();
      const m = validated(ctx, input);
      return write(ctx, () => {
        assertTypeExists(ctx.db, m.membershipTypeId);
        assertIdentityFree(ctx.db, m.identityNumber, 0);
        const memberNumber = nextMemberNumber(ctx.db);
        const d = derived(ctx, m, memberNumber);
        const now = isoTime(ctx.now());
        const { lastId } = ctx.db.run(sql`
          INSERT INTO members (member_number, first_name, last_name, birth_date, identity_number, street, postcode,
            city, country, email, mobile, consent_sms, consent_email, consent_post, membership_type_id, joined_on,
            status, created_at, updated_at, search_text, sort_last, sort_first, sort_city)
          VALUES (${memberNumber}, ${m.firstName}, ${m.lastName}, ${m.birthDate}, ${m.identityNumber}, ${m.street},
            ${m.postcode}, ${m.city}, ${m.country}, ${m.email}, ${m.mobile}, ${m.consentSms}, ${m.consentEmail},
            ${m.consentPost}, ${m.membershipTypeId ?? null}, ${m.joinedOn ?? isoDate(ctx.now())}, ${m.status}, ${now}, ${now},
            ${d.search}, ${d.sortLast}, ${d.sortFirst}, ${d.sortCity})`);
        return mustGet(ctx, lastId);
      });
    },

    async 'members.update'({ id, input }) {
      const ctx = context();
      const existing = mustGet(ctx, id);
      const m = validated(ctx, input);
      return write(ctx, () => {
        assertTypeExists(ctx.db, m.membershipTypeId);
        assertIdentityFree(ctx.db, m.identityNumber, id);
        const d = derived(ctx, m, existing.memberNumber);
        ctx.db.run(sql`
          UPDATE members SET first_name = ${m.firstName}, last_name = ${m.lastName}, birth_date = ${m.birthDate},
            identity_number = ${m.identityNumber}, street = ${m.street}, postcode = ${m.postcode}, city = ${m.city},
            country = ${m.country}, email = ${m.email}, mobile = ${m.mobile}, consent_sms = ${m.consentSms},
            consent_email = ${m.consentEmail}, consent_post = ${m.consentPost},
            membership_type_id = ${m.membershipTypeId ?? null}, joined_on = ${m.joinedOn}, status = ${m.status},
            updated_at = ${isoTime(ctx.now())}, search_text = ${d.search}, sort_last = ${d.sortLast},
            sort_first = ${d.sortFirst}, sort_city = ${d.sortCity}
          WHERE id = ${id}`);
        return mustGet(ctx, id);
      });
    },

    async 'members.archive'({ id }) {
      const ctx = context();
      mustGet(ctx, id);
      return write(ctx, () => {
        const now = isoTime(ctx.now());
        ctx.db.run(sql`UPDATE members SET archived_at = coalesce(archived_at, ${now}), updated_at = ${now} WHERE id = ${id}`);
        return mustGet(ctx, id);
      });
    },

    async 'members.unarchive'({ id }) {
      const ctx = context();
      mustGet(ctx, id);
      return write(ctx, () => {
        ctx.db.run(sql`UPDATE members SET archived_at = NULL, updated_at = ${isoTime(ctx.now())} WHERE id = ${id}`);
        return mustGet(ctx, id);
      });
    },

    async 'members.types'() {
      return listMembershipTypes(context().db);
    },
  };
}
