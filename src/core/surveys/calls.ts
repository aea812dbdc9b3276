import type { Answers, CallListRow, ContactOutcome, RespondResult, SegmentRef, SurveyEntity } from '../../shared/contract';
import { validationError } from '../../shared/result';
import { refreshLastContact } from '../contact-log/queries';
import { contactIssues } from '../contact-log/rules';
import { sql } from '../db/sql';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import { checkAnswers } from './answers';
import { audiencePredicate } from './audience';
import { checkRespondent, insertResponse } from './responses';
import { pick } from './texts';

/**
 * The phone list: the segment's members (the survey's audience when none is chosen), by name, with
 * whether they have answered and the latest call made for this survey.
 */
export function callList(ctx: RegisterContext, survey: SurveyEntity, segment?: SegmentRef): CallListRow[] {
  const who = audiencePredicate(ctx, survey, segment);
  return ctx.db
    .all<{
      id: number;
      member_number: number;
      first_name: string;
      last_name: string;
      mobile: string | null;
      answered: number;
      last_outcome: ContactOutcome | null;
      last_on: string | null;
      calls: number;
    }>(sql`
      SELECT m.id, m.member_number, m.first_name, m.last_name, m.mobile,
        EXISTS (SELECT 1 FROM survey_responses r WHERE r.survey_id = ${survey.id} AND r.member_id = m.id) AS answered,
        (SELECT c.outcome FROM survey_calls sc JOIN contact_log c ON c.id = sc.contact_id
          WHERE sc.survey_id = ${survey.id} AND sc.member_id = m.id ORDER BY c.on_date DESC, c.id DESC LIMIT 1) AS last_outcome,
        (SELECT max(c.on_date) FROM survey_calls sc JOIN contact_log c ON c.id = sc.contact_id
          WHERE sc.survey_id = ${survey.id} AND sc.member_id = m.id) AS last_on,
        (SELECT count(*) FROM survey_calls sc WHERE sc.survey_id = ${survey.id} AND sc.member_id = m.id) AS calls
      FROM members m WHERE +m.archived_at IS NULL AND ${who}
      ORDER BY m.sort_last, m.sort_first, m.id`)
    .map((r) => ({
      memberId: r.id,
      memberNumber: r.member_number,
      firstName: r.first_name,
      lastName: r.last_name,
      mobile: r.mobile,
      answered: r.answered === 1,
      lastOutcome: r.last_outcome,
      lastCallOn: r.last_on,
      calls: r.calls,
    }));
}

export interface CallInput {
  memberId: number;
  on: string;
  outcome: ContactOutcome;
  answers?: Answers;
  notes: string;
  madeBy: string;
  followUpOn: string | null;
}

/**
 * One call: a contact-log entry (kind call, the outcome, the survey named in the notes) tied to the
 * survey, and — when the member was reached and answers are given — a phone response, in one transaction.
 */
export function recordCall(ctx: RegisterContext, survey: SurveyEntity, c: CallInput): { contactId: number; response: RespondResult | null } {
  checkRespondent(ctx, c.memberId, c.on);
  const dateIssues = contactIssues({ on: c.on, followUpOn: c.followUpOn }, isoDate(ctx.now()));
  if (dateIssues.length) throw validationError(dateIssues);
  if (c.answers && Object.keys(c.answers).length && c.outcome !== 'reached') throw validationError([{ field: 'answers', code: 'answers-need-reached' }]);
  // Answers sent with a reached call are a response, and must answer the required questions
  // (an empty set too); without answers the call is only logged.
  const checked = c.answers && c.outcome === 'reached' ? checkAnswers(survey.questions, c.answers) : null;
  if (checked?.issues.length) throw validationError(checked.issues);
  const title = pick(survey.title, ctx.language);
  const notes = [title, c.notes.trim()].filter(Boolean).join(' — ');
  return ctx.write(() => {
    const { lastId } = ctx.db.run(sql`INSERT INTO contact_log (member_id, kind, on_date, made_by, outcome, notes, follow_up_on, created_at)
      VALUES (${c.memberId}, 'call', ${c.on}, ${c.madeBy}, ${c.outcome}, ${notes}, ${c.followUpOn}, ${isoTime(ctx.now())})`);
    ctx.db.run(sql`INSERT INTO survey_calls (contact_id, survey_id, member_id) VALUES (${lastId}, ${survey.id}, ${c.memberId})`);
    refreshLastContact(ctx.db, c.memberId);
    const response = checked
      ? insertResponse(ctx, { surveyId: survey.id, memberId: c.memberId, source: 'phone', answeredOn: c.on, answers: checked.answers })
      : null;
    return { contactId: lastId, response };
  });
}
