import type { AnswerProblem, Answers, ImportedIdentity, RespondResult, ResponseRow, ResponseSource } from '../../shared/contract';
import { KansliError, validationError } from '../../shared/result';
import type { Db } from '../db/database';
import { raw, sql, type SqlQuery } from '../db/sql';
import { mustGetMember } from '../members/queries';
import { isoDate, isoTime, type RegisterContext } from '../register/context';

interface DbResponse {
  id: number;
  survey_id: number;
  member_id: number | null;
  member_number: number | null;
  first_name: string | null;
  last_name: string | null;
  source: ResponseSource;
  answered_on: string;
  answers: string;
  replaced_by: number | null;
  problems: string;
  imported: string | null;
  applied_at: string | null;
}

const COLUMNS = raw(`r.id, r.survey_id, r.member_id, m.member_number, m.first_name, m.last_name, r.source, r.answered_on,
  r.answers, r.replaced_by, r.problems, r.imported, r.applied_at`);

export const toResponse = (r: DbResponse): ResponseRow => ({
  id: r.id,
  surveyId: r.survey_id,
  memberId: r.member_id,
  memberNumber: r.member_number,
  name: r.first_name === null ? null : `${r.first_name} ${r.last_name}`.trim(),
  source: r.source,
  answeredOn: r.answered_on,
  answers: JSON.parse(r.answers) as Answers,
  replacedBy: r.replaced_by,
  problems: JSON.parse(r.problems) as AnswerProblem[],
  imported: r.imported ? (JSON.parse(r.imported) as ImportedIdentity) : null,
  appliedAt: r.applied_at,
});

export function mustGetResponse(db: Db, id: number): ResponseRow {
  const r = db.get<DbResponse>(sql`SELECT ${COLUMNS} FROM survey_responses r LEFT JOIN members m ON m.id = r.member_id WHERE r.id = ${id}`);
  if (!r) throw new KansliError('not-found', `No response ${id}`, { fields: [{ field: 'id', code: 'response-not-found' }] });
  return toResponse(r);
}

export function currentResponse(db: Db, surveyId: number, memberId: number): ResponseRow | null {
  const id = db.column(sql`SELECT id FROM survey_responses WHERE survey_id = ${surveyId} AND member_id = ${memberId} AND replaced_by IS NULL`)[0];
  return id === undefined ? null : mustGetResponse(db, id);
}

export function listResponses(
  db: Db,
  q: { surveyId: number; filter: 'all' | 'current' | 'unmatched'; memberId?: number; offset: number; limit: number },
): { total: number; rows: ResponseRow[] } {
  const conditions: SqlQuery[] = [sql`r.survey_id = ${q.surveyId}`];
  if (q.filter === 'unmatched') conditions.push(sql`r.member_id IS NULL`);
  if (q.filter === 'current') conditions.push(sql`r.member_id IS NOT NULL AND r.replaced_by IS NULL`);
  if (q.memberId !== undefined) conditions.push(sql`r.member_id = ${q.memberId}`);
  const where = conditions.reduce((a, b) => sql`${a} AND ${b}`);
  const total = db.column(sql`SELECT count(*) FROM survey_responses r WHERE ${where}`)[0];
  // A member's responses stay together, newest first, so a replaced one shows beside its newer.
  const rows = db
    .all<DbResponse>(sql`SELECT ${COLUMNS} FROM survey_responses r LEFT JOIN members m ON m.id = r.member_id WHERE ${where}
      ORDER BY r.member_id IS NULL DESC, m.sort_last, m.sort_first, r.member_id, r.answered_on DESC, r.id DESC
      LIMIT ${q.limit} OFFSET ${q.offset}`)
    .map(toResponse);
  return { total, rows };
}

/**
 * Newer wins: of a member's responses to the survey, the latest answered (then the latest
 * entered) is current; every older one points at it and is kept.
 */
export function settleMember(db: Db, surveyId: number, memberId: number): number | null {
  const ids = db.column(sql`SELECT id FROM survey_responses WHERE survey_id = ${surveyId} AND member_id = ${memberId}
    ORDER BY answered_on DESC, id DESC`);
  if (!ids.length) return null;
  const [current, ...older] = ids;
  db.run(sql`UPDATE survey_responses SET replaced_by = NULL WHERE id = ${current}`);
  for (const id of older) db.run(sql`UPDATE survey_responses SET replaced_by = ${current} WHERE id = ${id}`);
  return current;
}

/** A member may answer unless archived (left the register); the answer date cannot be in the future. */
export function checkRespondent(ctx: RegisterContext, memberId: number, answeredOn: string, field = 'memberId'): void {
  const m = mustGetMember(ctx.db, memberId);
  if (m.archivedAt) throw validationError([{ field, code: 'member-archived' }]);
  if (answeredOn > isoDate(ctx.now())) throw validationError([{ field: 'answeredOn', code: 'date-in-future' }]);
}

export interface NewResponse {
  surveyId: number;
  memberId: number | null;
  source: ResponseSource;
  answeredOn: string;
  answers: Answers;
  problems?: AnswerProblem[];
  imported?: ImportedIdentity | null;
  importId?: number | null;
}

/** Inserts a response (inside the caller's write) and settles which of the member's is current. */
export function insertResponse(ctx: RegisterContext, r: NewResponse): RespondResult {
  const { db } = ctx;
  const before = r.memberId === null ? null : db.column(sql`SELECT id FROM survey_responses WHERE survey_id = ${r.surveyId} AND member_id = ${r.memberId} AND replaced_by IS NULL`)[0] ?? null;
  const { lastId } = db.run(sql`INSERT INTO survey_responses (survey_id, member_id, source, answered_on, answers, problems, imported, import_id, created_at)
    VALUES (${r.surveyId}, ${r.memberId}, ${r.source}, ${r.answeredOn}, ${JSON.stringify(r.answers)}, ${JSON.stringify(r.problems ?? [])},
            ${r.imported ? JSON.stringify(r.imported) : null}, ${r.importId ?? null}, ${isoTime(ctx.now())})`);
  return settled(ctx, lastId, before);
}

function settled(ctx: RegisterContext, id: number, before: number | null): RespondResult {
  const row = mustGetResponse(ctx.db, id);
  if (row.memberId === null) return { response: row, replaced: null, olderThanCurrent: false };
  const current = settleMember(ctx.db, row.surveyId, row.memberId);
  const response = mustGetResponse(ctx.db, id);
  return { response, replaced: current === id && before !== null && before !== id ? before : null, olderThanCurrent: current !== id };
}

/** An unmatched imported row given its member by hand; newer wins against what the member had. */
export function matchResponse(ctx: RegisterContext, id: number, memberId: number): RespondResult {
  const row = mustGetResponse(ctx.db, id);
  if (row.memberId !== null) throw validationError([{ field: 'id', code: 'response-already-matched' }]);
  checkRespondent(ctx, memberId, row.answeredOn);
  return ctx.write(() => {
    const before = ctx.db.column(sql`SELECT id FROM survey_responses WHERE survey_id = ${row.surveyId} AND member_id = ${memberId} AND replaced_by IS NULL`)[0] ?? null;
    ctx.db.run(sql`UPDATE survey_responses SET member_id = ${memberId} WHERE id = ${id}`);
    return settled(ctx, id, before);
  });
}

/** Removes a response entered by mistake; the member's previous one becomes current again. */
export function removeResponse(ctx: RegisterContext, id: number): void {
  const row = mustGetResponse(ctx.db, id);
  ctx.write(() => {
    ctx.db.run(sql`UPDATE survey_responses SET replaced_by = NULL WHERE replaced_by = ${id}`);
    ctx.db.run(sql`DELETE FROM survey_responses WHERE id = ${id}`);
    if (row.memberId !== null) settleMember(ctx.db, row.surveyId, row.memberId);
  });
}
