import { memberListQuerySchema, type Api } from '../../shared/contract';
import { validationError } from '../../shared/result';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { segmentPredicate } from '../segments/queries';
import { MemberListIndex } from './list-index';
import { isoDate, isoTime, type ContextProvider, type RegisterContext } from '../register/context';
import { recordCreated } from '../history/queries';
import { extraColumns } from './columns';
import { checkStatusChange, recordStatusEvent, statusEvents } from './lifecycle';
import { memberPage } from './page';
import { listMembershipTypes, mustGetMember, rowsByIds } from './queries';
import { searchTokens } from './search';
import { insertMember, updateMember, validated } from './writes';

type MembersApi = Pick<
  Api,
  | 'members.list'
  | 'members.get'
  | 'members.create'
  | 'members.update'
  | 'members.archive'
  | 'members.unarchive'
  | 'members.types'
  | 'members.page'
  | 'members.changeStatus'
>;

/** Rows changed since the database was opened, by any domain: the list cache's generation. */
const generationOf = (db: Db) => db.column(sql`SELECT total_changes()`)[0];

export function createMembersHandlers(context: ContextProvider): MembersApi {
  // Search and order come from the in-memory index (it follows every write to members itself).
  const indexes = new WeakMap<Db, MemberListIndex>();
  const indexFor = (db: Db) => {
    let index = indexes.get(db);
    if (!index) indexes.set(db, (index = new MemberListIndex(db)));
    return index;
  };
  // The members of the last segment asked for: scrolling and typing ask again and again, and
  // must not evaluate it for each window. Any write anywhere in the register — a role, a contact,
  // a custom value the segment may look at — clears it, and so does a new day (segments and
  // journey stages depend on the date).
  let segmentCache: { key: string; db: Db; generation: number; ids: Set<number> } | undefined;

  const setArchived = (ctx: RegisterContext, id: number, archived: boolean) => {
    const before = mustGetMember(ctx.db, id);
    return ctx.write(() => {
      const now = isoTime(ctx.now());
      if ((before.archivedAt !== null) !== archived) {
        ctx.db.run(sql`UPDATE members SET archived_at = ${archived ? now : null}, updated_at = ${now} WHERE id = ${id}`);
        ctx.db.run(sql`INSERT INTO member_history (member_id, at, field, old_value, new_value, source)
                       VALUES (${id}, ${now}, 'archivedAt', ${before.archivedAt}, ${archived ? now : null}, 'edit')`);
      }
      return mustGetMember(ctx.db, id);
    });
  };

  return {
    async 'members.list'(args) {
      const ctx = context();
      const q = memberListQuerySchema.parse(args);
      const today = isoDate(ctx.now());
      let within: Set<number> | undefined;
      if (q.segment) {
        const predicate = segmentPredicate(ctx, q.segment);
        const key = JSON.stringify({ predicate, today });
        const generation = generationOf(ctx.db);
        if (!segmentCache || segmentCache.key !== key || segmentCache.db !== ctx.db || segmentCache.generation !== generation) {
          const ids = ctx.db.column(sql`SELECT m.id FROM members m WHERE ${predicate}`);
          segmentCache = { key, db: ctx.db, generation: generationOf(ctx.db), ids: new Set(ids) };
        }
        within = segmentCache.ids;
      }
      const ids = indexFor(ctx.db).ids({
        tokens: searchTokens(q.search),
        includeArchived: q.includeArchived,
        sort: q.sort,
        direction: q.direction,
        within,
      });
      const window = ids.slice(q.offset, q.offset + q.limit);
      const rows = rowsByIds(ctx.db, window, ctx.country);
      if (q.columns.length) {
        const extra = extraColumns(ctx.db, window, q.columns, today);
        for (const r of rows) r.extra = extra.get(r.id);
      }
      return { total: ids.length, offset: q.offset, rows };
    },

    async 'members.get'({ id }) {
      return mustGetMember(context().db, id);
    },

    async 'members.create'(input) {
      const ctx = context();
      const m = validated(ctx, input);
      return ctx.write(() => {
        // The history entry is written here, not by insertMember: an import's members get theirs
        // from its range record, and its batch insert must write exactly what insertMember writes.
        const created = mustGetMember(ctx.db, insertMember(ctx, m));
        recordCreated(ctx.db, created.id, created.createdAt);
        return created;
      });
    },

    async 'members.update'({ id, input }) {
      const ctx = context();
      const existing = mustGetMember(ctx.db, id);
      const m = validated(ctx, input);
      return ctx.write(() => {
        updateMember(ctx, existing, m);
        return mustGetMember(ctx.db, id);
      });
    },

    async 'members.archive'({ id }) {
      return setArchived(context(), id, true);
    },

    async 'members.unarchive'({ id }) {
      return setArchived(context(), id, false);
    },

    async 'members.types'() {
      return listMembershipTypes(context().db);
    },

    async 'members.page'({ id }) {
      const ctx = context();
      return memberPage(ctx.db, id, isoDate(ctx.now()));
    },

    async 'members.changeStatus'(change) {
      const ctx = context();
      const m = mustGetMember(ctx.db, change.memberId);
      if (m.archivedAt) throw validationError([{ field: 'memberId', code: 'member-archived' }]);
      const problem = checkStatusChange(statusEvents(ctx.db, m.id), change, isoDate(ctx.now()));
      if (problem) throw validationError([{ field: problem === 'status-unchanged' || problem === 'transition-invalid' ? 'to' : 'on', code: problem }]);
      return ctx.write(() => {
        recordStatusEvent(ctx.db, m.id, { to: change.to, on: change.on, reason: 'reason' in change ? change.reason : null, note: change.note }, m.status, isoTime(ctx.now()));
        return mustGetMember(ctx.db, m.id);
      });
    },
  };
}
