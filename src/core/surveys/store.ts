import type { LocalText, SurveyEntity, SurveyQuestion, SurveySummary } from '../../shared/contract';
import { KansliError, validationError } from '../../shared/result';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { isoTime, type RegisterContext } from '../register/context';
import { answeredEditIssues, isChoice, normaliseQuestion, surveyIssues, type AnsweredUse, type QuestionDraft } from './rules';

interface DbSurvey {
  id: number;
  title: string;
  intro: string;
  audience_segment_id: number | null;
  created_at: string;
  updated_at: string;
}

interface DbQuestion {
  id: number;
  kind: SurveyQuestion['kind'];
  text: string;
  required: number;
  options: string;
  interests: number;
}

export function surveyNotFound(id: number): KansliError {
  return new KansliError('not-found', `No survey ${id}`, { fields: [{ field: 'surveyId', code: 'survey-not-found' }] });
}

export function readQuestions(db: Db, surveyId: number): SurveyQuestion[] {
  return db
    .all<DbQuestion>(sql`SELECT id, kind, text, required, options, interests FROM survey_questions WHERE survey_id = ${surveyId} ORDER BY position, id`)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      text: JSON.parse(r.text) as LocalText,
      required: r.required === 1,
      options: JSON.parse(r.options),
      interests: r.interests === 1,
    }));
}

export function mustGetSurvey(db: Db, id: number): SurveyEntity {
  const r = db.get<DbSurvey>(sql`SELECT * FROM surveys WHERE id = ${id}`);
  if (!r) throw surveyNotFound(id);
  const responses = db.column(sql`SELECT count(*) FROM survey_responses WHERE survey_id = ${id} AND member_id IS NOT NULL AND replaced_by IS NULL`)[0];
  return {
    id: r.id,
    title: JSON.parse(r.title),
    intro: JSON.parse(r.intro),
    audienceSegmentId: r.audience_segment_id,
    questions: readQuestions(db, id),
    responses,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listSurveys(db: Db): SurveySummary[] {
  return db
    .all<{ id: number; title: string; updated_at: string; questions: number; responses: number; unmatched: number }>(sql`
      SELECT s.id, s.title, s.updated_at,
        (SELECT count(*) FROM survey_questions q WHERE q.survey_id = s.id) AS questions,
        (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id AND r.member_id IS NOT NULL AND r.replaced_by IS NULL) AS responses,
        (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id AND r.member_id IS NULL) AS unmatched
      FROM surveys s ORDER BY s.updated_at DESC, s.id DESC`)
    .map((r) => ({ id: r.id, title: JSON.parse(r.title), questions: r.questions, responses: r.responses, unmatched: r.unmatched, updatedAt: r.updated_at }));
}

/** Per answered question, the option keys some response chose (every response, replaced ones too). */
function answeredUses(db: Db, surveyId: number, questions: SurveyQuestion[]): Map<number, AnsweredUse> {
  const uses = new Map<number, AnsweredUse>();
  const byId = new Map(questions.map((q) => [String(q.id), q]));
  for (const json of db.column<string>(sql`SELECT answers FROM survey_responses WHERE survey_id = ${surveyId}`)) {
    const answers = JSON.parse(json) as Record<string, unknown>;
    for (const [id, v] of Object.entries(answers)) {
      const q = byId.get(id);
      if (!q) continue;
      let u = uses.get(q.id);
      if (!u) uses.set(q.id, (u = { questionId: q.id, keys: new Set() }));
      if (isChoice(q.kind)) for (const k of Array.isArray(v) ? v : [v]) u.keys.add(String(k));
    }
  }
  return uses;
}

export interface SurveyWrite {
  id?: number;
  title: LocalText;
  intro: LocalText;
  audienceSegmentId: number | null;
  questions: QuestionDraft[];
}

/** Creates or replaces a survey; questions keep their ids (and so their answers) when sent with them. */
export function saveSurvey(ctx: RegisterContext, input: SurveyWrite): SurveyEntity {
  const { db } = ctx;
  const issues = surveyIssues(input.title, input.questions);
  if (issues.length) throw validationError(issues);
  if (input.audienceSegmentId !== null && !db.get(sql`SELECT 1 FROM segments WHERE id = ${input.audienceSegmentId}`)) {
    throw validationError([{ field: 'audienceSegmentId', code: 'segment-not-found' }]);
  }
  const next = input.questions.map(normaliseQuestion);
  const saved = input.id !== undefined ? mustGetSurvey(db, input.id) : null;
  if (saved) {
    const known = new Set(saved.questions.map((q) => q.id));
    next.forEach((q, i) => {
      if (q.id !== undefined && !known.has(q.id)) throw validationError([{ field: `questions.${i}.id`, code: 'question-not-found' }]);
    });
    const editIssues = answeredEditIssues(saved.questions, next, answeredUses(db, saved.id, saved.questions));
    if (editIssues.length) throw validationError(editIssues);
  } else if (next.some((q) => q.id !== undefined)) {
    throw validationError([{ field: 'questions', code: 'question-not-found' }]);
  }
  const now = isoTime(ctx.now());
  return ctx.write(() => {
    let id = input.id;
    if (id === undefined) {
      id = db.run(sql`INSERT INTO surveys (title, intro, audience_segment_id, created_at, updated_at)
        VALUES (${JSON.stringify(input.title)}, ${JSON.stringify(input.intro)}, ${input.audienceSegmentId}, ${now}, ${now})`).lastId;
    } else {
      db.run(sql`UPDATE surveys SET title = ${JSON.stringify(input.title)}, intro = ${JSON.stringify(input.intro)},
        audience_segment_id = ${input.audienceSegmentId}, updated_at = ${now} WHERE id = ${id}`);
      const keep = new Set(next.map((q) => q.id).filter((x): x is number => x !== undefined));
      for (const q of saved!.questions) if (!keep.has(q.id)) db.run(sql`DELETE FROM survey_questions WHERE id = ${q.id}`);
    }
    next.forEach((q, position) => {
      const text = JSON.stringify(q.text);
      const options = JSON.stringify(q.options);
      if (q.id !== undefined) {
        db.run(sql`UPDATE survey_questions SET position = ${position}, kind = ${q.kind}, text = ${text}, required = ${q.required},
          options = ${options}, interests = ${q.interests} WHERE id = ${q.id}`);
      } else {
        db.run(sql`INSERT INTO survey_questions (survey_id, position, kind, text, required, options, interests)
          VALUES (${id}, ${position}, ${q.kind}, ${text}, ${q.required}, ${options}, ${q.interests})`);
      }
    });
    return mustGetSurvey(db, id);
  });
}

export function deleteSurvey(ctx: RegisterContext, id: number): void {
  mustGetSurvey(ctx.db, id);
  const n = ctx.db.column(sql`SELECT count(*) FROM survey_responses WHERE survey_id = ${id}`)[0];
  if (n > 0) throw new KansliError('conflict', 'The survey has responses', { reason: 'survey-has-responses', fields: [{ field: 'id', code: 'survey-has-responses' }] });
  ctx.write(() => {
    ctx.db.run(sql`DELETE FROM survey_calls WHERE survey_id = ${id}`);
    ctx.db.run(sql`DELETE FROM survey_imports WHERE survey_id = ${id}`);
    ctx.db.run(sql`DELETE FROM survey_questions WHERE survey_id = ${id}`);
    ctx.db.run(sql`DELETE FROM surveys WHERE id = ${id}`);
  });
}
