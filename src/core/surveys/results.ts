import type { Answers, SegmentRef, SurveyEntity, SurveyResults, TextAnswer } from '../../shared/contract';
import { isKansliError, validationError } from '../../shared/result';
import { sql, type SqlQuery } from '../db/sql';
import type { RegisterContext } from '../register/context';
import { compileChecked, listSegments, segmentPredicate } from '../segments/queries';
import { aggregate, type Counted } from './aggregate';
import { surveyAudience } from './audience';

interface Current extends Counted {
  memberId: number;
}

/**
 * The current matched responses, in table order. Read as one text column per row (`[id,
 * member, date, answers]`, parsed once): sql.js builds an object with its column names for every
 * row of a multi-column query, which for 20,000 rows costs more than the whole aggregation; and
 * reading them in date order would visit the table's pages out of order.
 */
function currentResponses(ctx: RegisterContext, surveyId: number): Current[] {
  const rows = ctx.db.column<string>(sql`SELECT '[' || r.id || ',' || r.member_id || ',"' || r.answered_on || '",' || r.answers || ']'
    FROM survey_responses r WHERE r.survey_id = ${surveyId} AND r.member_id IS NOT NULL AND r.replaced_by IS NULL`);
  return rows.map((text) => {
    const [id, memberId, answeredOn, answers] = JSON.parse(text) as [number, number, string, Answers];
    return { id, memberId, answeredOn, answers };
  });
}

/** Ids of the members (not archived) a predicate takes: one pass, counted against the respondents in memory. */
const memberIds = (ctx: RegisterContext, who: SqlQuery) => ctx.db.column(sql`SELECT m.id FROM members m WHERE +m.archived_at IS NULL AND ${who}`);

function rate(ids: number[], responded: Set<number>): { members: number; responded: number } {
  let n = 0;
  for (const id of ids) if (responded.has(id)) n++;
  return { members: ids.length, responded: n };
}

export function textAnswersOf(ctx: RegisterContext, questionId: number, ids: number[]): TextAnswer[] {
  if (!ids.length) return [];
  const rows = ctx.db.all<{ id: number; answers: string; answered_on: string; member_number: number; first_name: string; last_name: string }>(sql`
    SELECT r.id, r.answers, r.answered_on, m.member_number, m.first_name, m.last_name
    FROM survey_responses r JOIN members m ON m.id = r.member_id
    WHERE r.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const text = (JSON.parse(r.answers) as Answers)[String(questionId)];
    return typeof text === 'string'
      ? [{ responseId: id, memberNumber: r.member_number, name: `${r.first_name} ${r.last_name}`.trim(), answeredOn: r.answered_on, text }]
      : [];
  });
}

/** The current responses of the segment's members (all of them without one). */
function inFilter(ctx: RegisterContext, surveyId: number, segment?: SegmentRef): Current[] {
  const all = currentResponses(ctx, surveyId);
  if (!segment) return all;
  const members = new Set(memberIds(ctx, segmentPredicate(ctx, segment)));
  return all.filter((r) => members.has(r.memberId));
}

/** Response rates (overall, per saved segment), a tally per question and the newest free-text answers. */
export function surveyResults(ctx: RegisterContext, survey: SurveyEntity, segment?: SegmentRef): SurveyResults {
  const audience = surveyAudience(ctx, survey);
  const all = currentResponses(ctx, survey.id);
  const responded = new Set(all.map((r) => r.memberId));
  const asked = memberIds(ctx, audience);
  let counted = all;
  let overall = rate(asked, responded);
  if (segment) {
    const members = new Set(memberIds(ctx, segmentPredicate(ctx, segment)));
    counted = all.filter((r) => members.has(r.memberId));
    overall = rate(asked.filter((id) => members.has(id)), responded);
  }
  const { results, textIds } = aggregate(survey.questions, counted);
  for (const q of results) {
    const ids = textIds.get(q.questionId);
    if (ids) q.texts.first = textAnswersOf(ctx, q.questionId, ids);
  }
  const perSegment: SurveyResults['perSegment'] = [];
  for (const s of listSegments(ctx.db)) {
    let p: SqlQuery;
    try {
      p = compileChecked(ctx, s.definition, 'segment');
    } catch (e) {
      // A saved segment that no longer compiles (a custom field removed) is left out, not fatal.
      if (isKansliError(e)) continue;
      throw e;
    }
    perSegment.push({ segmentId: s.id, name: s.name, ...rate(memberIds(ctx, sql`${audience} AND ${p}`), responded) });
  }
  // From the indexes alone: every response, the current ones, the unmatched ones.
  const total = ctx.db.column(sql`SELECT count(*) FROM survey_responses WHERE survey_id = ${survey.id}`)[0];
  const current = ctx.db.column(sql`SELECT count(*) FROM survey_responses WHERE survey_id = ${survey.id} AND replaced_by IS NULL`)[0];
  const unmatched = ctx.db.column(sql`SELECT count(*) FROM survey_responses WHERE survey_id = ${survey.id} AND member_id IS NULL`)[0];
  return {
    surveyId: survey.id,
    audience: overall.members,
    responded: overall.responded,
    responses: counted.length,
    unmatched,
    replaced: total - current,
    perSegment,
    questions: results,
  };
}

/** A text question's answers within the filter, newest first, a page at a time. */
export function textAnswers(
  ctx: RegisterContext,
  survey: SurveyEntity,
  q: { questionId: number; segment?: SegmentRef; offset: number; limit: number },
): { total: number; rows: TextAnswer[] } {
  const question = survey.questions.find((x) => x.id === q.questionId);
  if (!question || (question.kind !== 'short' && question.kind !== 'long')) throw validationError([{ field: 'questionId', code: 'question-not-found' }]);
  const key = String(q.questionId);
  const ids = inFilter(ctx, survey.id, q.segment)
    .filter((r) => typeof r.answers[key] === 'string')
    .sort((a, b) => (a.answeredOn === b.answeredOn ? b.id - a.id : a.answeredOn < b.answeredOn ? 1 : -1))
    .map((r) => r.id);
  return { total: ids.length, rows: textAnswersOf(ctx, q.questionId, ids.slice(q.offset, q.offset + q.limit)) };
}
