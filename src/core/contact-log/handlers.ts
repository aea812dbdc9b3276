import type { Api } from '../../shared/contract';
import { validationError } from '../../shared/result';
import { sql } from '../db/sql';
import { mustGetMember } from '../members/queries';
import { isoDate, isoTime, type ContextProvider, type RegisterContext } from '../register/context';
import { followUpsDue, listContacts, mustGetContact, refreshLastContact } from './queries';
import { contactIssues } from './rules';

type ContactApi = Pick<
  Api,
  'contactLog.list' | 'contactLog.add' | 'contactLog.update' | 'contactLog.remove' | 'contactLog.completeFollowUp' | 'contactLog.followUpsDue'
>;

export function createContactLogHandlers(context: ContextProvider): ContactApi {
  const check = (ctx: RegisterContext, c: { on: string; followUpOn: string | null }) => {
    const issues = contactIssues(c, isoDate(ctx.now()));
    if (issues.length) throw validationError(issues);
  };
  return {
    async 'contactLog.list'({ memberId, limit }) {
      const { db } = context();
      mustGetMember(db, memberId);
      return listContacts(db, memberId, limit);
    },
    async 'contactLog.add'({ memberId, kind, on, madeBy, outcome, notes, followUpOn }) {
      const ctx = context();
      mustGetMember(ctx.db, memberId);
      check(ctx, { on, followUpOn });
      return ctx.write(() => {
        const { lastId } = ctx.db.run(sql`INSERT INTO contact_log (member_id, kind, on_date, made_by, outcome, notes, follow_up_on, created_at)
          VALUES (${memberId}, ${kind}, ${on}, ${madeBy}, ${outcome}, ${notes}, ${followUpOn}, ${isoTime(ctx.now())})`);
        refreshLastContact(ctx.db, memberId);
        return mustGetContact(ctx.db, lastId);
      });
    },
    async 'contactLog.update'({ id, kind, on, madeBy, outcome, notes, followUpOn }) {
      const ctx = context();
      const c = mustGetContact(ctx.db, id);
      check(ctx, { on, followUpOn });
      return ctx.write(() => {
        ctx.db.run(sql`UPDATE contact_log SET kind = ${kind}, on_date = ${on}, made_by = ${madeBy}, outcome = ${outcome},
          notes = ${notes}, follow_up_on = ${followUpOn} WHERE id = ${id}`);
        refreshLastContact(ctx.db, c.memberId);
        return mustGetContact(ctx.db, id);
      });
    },
    async 'contactLog.remove'({ id }) {
      const ctx = context();
      const c = mustGetContact(ctx.db, id);
      ctx.write(() => {
        ctx.db.run(sql`DELETE FROM contact_log WHERE id = ${id}`);
        refreshLastContact(ctx.db, c.memberId);
      });
      return { removed: true };
    },
    async 'contactLog.completeFollowUp'({ id, on }) {
      const ctx = context();
      const c = mustGetContact(ctx.db, id);
      if (c.followUpOn === null) throw validationError([{ field: 'id', code: 'no-follow-up' }]);
      return ctx.write(() => {
        ctx.db.run(sql`UPDATE contact_log SET follow_up_done_on = ${on ?? isoDate(ctx.now())} WHERE id = ${id}`);
        return mustGetContact(ctx.db, id);
      });
    },
    async 'contactLog.followUpsDue'({ until, limit }) {
      const ctx = context();
      return followUpsDue(ctx.db, until ?? isoDate(ctx.now()), limit);
    },
  };
}
