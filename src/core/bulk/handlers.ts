import type { Api, BulkChangeRow, BulkTarget, BulkUnchangedRow } from '../../shared/contract';
import { validationError } from '../../shared/result';
import { sql } from '../db/sql';
import { contactIssues } from '../contact-log/rules';
import { mustGetGroup } from '../groups/queries';
import { assertTypeAssignable } from '../membership-types/queries';
import { invalid } from '../members/errors';
import { isoDate, isoTime, type ContextProvider, type RegisterContext } from '../register/context';
import { segmentIds } from '../segments/queries';
import { applyAction, getOperation, listOperations, prepareSelection, selectChanging, undoOperation } from './queries';
import { CHANGE_FIELD, classify, type ParsedBulkAction } from './rules';

type BulkApi = Pick<Api, 'bulk.preview' | 'bulk.apply' | 'bulk.undo' | 'bulk.operations'>;

/** The members targeted, checked: unknown ids are refused, an empty segment too. */
function targetIds(ctx: RegisterContext, target: BulkTarget): number[] {
  if ('ids' in target) {
    const ids = [...new Set(target.ids)];
    const found = ctx.db.column(sql`SELECT count(*) FROM members WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)[0];
    if (found !== ids.length) throw invalid('target.ids', 'member-not-found');
    return ids;
  }
  const ids = segmentIds(ctx, target.segment);
  if (!ids.length) throw invalid('target.segment', 'segment-matches-nobody');
  return ids;
}

/** What does not depend on the members: the group or type exists and is open, dates are sane. */
function checkAction(ctx: RegisterContext, a: ParsedBulkAction) {
  const today = isoDate(ctx.now());
  switch (a.kind) {
    case 'addToGroup':
      if (mustGetGroup(ctx.db, a.groupId, today).archived) throw invalid('action.groupId', 'group-archived');
      return;
    case 'setType':
      assertTypeAssignable(ctx.db, a.membershipTypeId, 'action.membershipTypeId');
      if (a.from > today) throw invalid('action.from', 'date-in-future');
      return;
    case 'addContact': {
      const issues = contactIssues(a.contact, today);
      if (issues.length) throw validationError(issues.map((i) => ({ ...i, field: `action.contact.${i.field}` })));
      return;
    }
    case 'archive':
      return;
  }
}

type Classified = { id: number; reason: BulkUnchangedRow['reason'] | null; old_value: string | number | null; new_value: string | number | null; member_number: number; first_name: string; last_name: string };

export function createBulkHandlers(context: ContextProvider): BulkApi {
  const parse = (ctx: RegisterContext, action: Parameters<BulkApi['bulk.apply']>[0]['action']): ParsedBulkAction =>
    action.kind === 'setType' ? { ...action, from: action.from ?? isoDate(ctx.now()) } : action;

  return {
    async 'bulk.preview'({ target, action, limit }) {
      const ctx = context();
      const a = parse(ctx, action);
      checkAction(ctx, a);
      const ids = targetIds(ctx, target);
      const now = isoTime(ctx.now());
      // The scratch table is written inside a transaction that is rolled back: preview changes nothing.
      let rows: Classified[] = [];
      try {
        ctx.db.transaction(() => {
          prepareSelection(ctx.db, ids);
          rows = ctx.db.all<Classified>(sql`SELECT c.id, c.reason, c.old_value, c.new_value, m.member_number, m.first_name, m.last_name
            FROM (${classify(a, now)}) c JOIN members m ON m.id = c.id ORDER BY m.sort_last, m.sort_first, m.id`);
          throw new Rollback();
        });
      } catch (e) {
        if (!(e instanceof Rollback)) throw e;
      }
      const ref = (r: Classified) => ({ memberId: r.id, memberNumber: r.member_number, firstName: r.first_name, lastName: r.last_name });
      const text = (v: string | number | null) => (v === null ? null : String(v));
      const changes: BulkChangeRow[] = [];
      const unchanged: BulkUnchangedRow[] = [];
      let changeCount = 0;
      for (const r of rows) {
        if (r.reason === null) {
          changeCount++;
          if (changes.length < limit) changes.push({ ...ref(r), field: CHANGE_FIELD[a.kind], from: text(r.old_value), to: text(r.new_value) });
        } else if (unchanged.length < limit) unchanged.push({ ...ref(r), reason: r.reason });
      }
      return { total: rows.length, changeCount, unchangedCount: rows.length - changeCount, changes, unchanged };
    },

    async 'bulk.apply'({ target, action }) {
      const ctx = context();
      const a = parse(ctx, action);
      checkAction(ctx, a);
      const ids = targetIds(ctx, target);
      const now = isoTime(ctx.now());
      return ctx.write(() => {
        prepareSelection(ctx.db, ids);
        const changed = selectChanging(ctx.db, a, now);
        if (!changed) throw invalid('target', 'nothing-to-change');
        const { lastId: op } = ctx.db.run(sql`INSERT INTO operations (kind, summary, created_at)
          VALUES (${a.kind}, ${JSON.stringify({ changed, action: a })}, ${now})`);
        applyAction(ctx.db, a, op, now);
        return getOperation(ctx.db, op);
      });
    },

    async 'bulk.undo'({ operationId }) {
      const ctx = context();
      return ctx.write(() => {
        undoOperation(ctx.db, operationId, isoTime(ctx.now()));
        return getOperation(ctx.db, operationId);
      });
    },

    async 'bulk.operations'({ limit }) {
      return listOperations(context().db, limit);
    },
  };
}

class Rollback extends Error {}
