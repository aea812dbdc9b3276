import type { Answers, SegmentRef, SurveyEntity, SurveyResults, TextAnswer } from '../../shared/contract';
import { isKansliError, validationError } from '../../shared/result';
import { sql, type SqlQuery } from '../db/sql';
import type { RegisterContext } from '../register/context';
import { compileChecked, listSegments, segmentPredicate } from '../segments/queries';
import { aggregate, type Counted } from './aggregate';
import { surveyAudience } from './audience';

/** The current matched responses within the filter, newest first. */
function currentResponses(ctx: RegisterContext, surveyId: number, filter: SqlQuery | null): { id: number; answers: string }[] {
  return filter
    ? ctx.db.all(sql`SELECT r.id, r.answers FROM survey_responses r JOIN members m ON m.id = r.member_id
        WHERE r.survey_id = ${surveyId} AND r.replaced_by IS NULL AND ${filter} ORDER BY r.answered_on DESC, r.id DESC`)
    : ctx.db.all(sql`SELECT r.id, r.answers FROM survey_responses r
        WHERE r.survey_id = ${surveyId} AND r.member_id IS NOT NULL AND r.replaced_by IS NULL ORDER BY r.answered_on DESC, r.id DESC`);
}

/** Members the predicate takes (not archived) and how many of them have a current response. */
function rate(ctx: RegisterContext, surveyId: number, who: SqlQuery): { members: number; responded: number } {
  const r = ctx.db.get<{ members: number; responded: number | null }>(sql`
    SELECT count(*) AS members,
      sum(EXISTS (SELECT 1 FROM survey_responses r WHERE r.survey_id = ${surveyId} AND r.member_id = m.id AND r.replaced_by IS NULL)) AS responded
    FROM members m WHERE +m.archived_at IS NULL AND ${who}`);
  return { members: r?.members ?? 0, responded: r?.responded ?? 0 };
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

/** Response rates (overall, per saved segment), a tally per question and the newest free-text answers. */
export function surveyResults(ctx: RegisterContext, survey: SurveyEntity, segment?: SegmentRef): SurveyResults {
  const filter = segment ? segmentPredicate(ctx, segment) : null;
  const audience = surveyAudience(ctx, survey);
  const overall = rate(ctx, survey.id, filter ? sql`${audience} AND ${filter}` : audience);
  const parsed: Counted[] = currentResponses(ctx, survey.id, filter).map((r) => ({ id: r.id, answers: JSON.parse(r.answers) as Answers }));
  const { results, textIds } = aggregate(survey.questions, parsed);
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
    const r = rate(ctx, survey.id, sql`${audience} AND ${p}`);
    perSegment.push({ segmentId: s.id, name: s.name, ...r });
  }
  const counts = ctx.db.get<{ unmatched: number; replaced: number }>(sql`
    SELECT sum(member_id IS NULL) AS unmatched, sum(replaced_by IS NOT NULL) AS replaced FROM survey_responses WHERE survey_id = ${survey.id}`);
  return {
    surveyId: survey.id,
    audience: overall.members,
    responded: overall.responded,
    responses: parsed.length,
    unmatched: counts?.unmatched ?? 0,
    replaced: counts?.replaced ?? 0,
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
  const filter = q.segment ? segmentPredicate(ctx, q.segment) : null;
  const key = String(q.questionId);
  const ids = currentResponses(ctx, survey.id, filter)
    .filter((r) => typeof (JSON.parse(r.answers) as Answers)[key] === 'string')
    .map((r) => r.id);
  return { total: ids.length, rows: textAnswersOf(ctx, q.questionId, ids.slice(q.offset, q.offset + q.limit)) };
}
