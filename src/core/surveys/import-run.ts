import type {
  AnswerProblem,
  Answers,
  ImportedIdentity,
  SurveyColumnTarget,
  SurveyEntity,
  SurveyImportCheck,
  SurveyImportPreview,
  SurveyImportResult,
  SurveyRowProblem,
} from '../../shared/contract';
import { validationError } from '../../shared/result';
import { parseMobile } from '../../shared/nordic/phone';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { detectHeaderRow, isEmptyRow, readTable, type Table } from '../imports/parse';
import { isoDate, isoTime, type RegisterContext } from '../register/context';
import { cellAnswer, mappingIssues, parseAnsweredOn, suggestSurveyMapping } from './csv-answers';
import { insertResponse } from './responses';

/** The register's members (not archived) by what an imported row may name them by. */
export interface MemberIndex {
  byNumber: Map<number, number>;
  byEmail: Map<string, number[]>;
  byMobile: Map<string, number[]>;
}

export function memberIndex(db: Db): MemberIndex {
  const idx: MemberIndex = { byNumber: new Map(), byEmail: new Map(), byMobile: new Map() };
  const add = (map: Map<string, number[]>, key: string, id: number) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const r of db.all<{ id: number; member_number: number; email: string | null; mobile: string | null }>(
    sql`SELECT id, member_number, email, mobile FROM members WHERE archived_at IS NULL`,
  )) {
    idx.byNumber.set(r.member_number, r.id);
    if (r.email) add(idx.byEmail, r.email.trim().toLowerCase(), r.id);
    if (r.mobile) add(idx.byMobile, r.mobile, r.id);
  }
  return idx;
}

/**
 * Who a row is: by member number first; then by e-mail, then by mobile — a shared address or
 * phone (a household) counts only when the other detail narrows it to one member.
 */
export function matchIdentity(idx: MemberIndex, who: Omit<ImportedIdentity, 'reason' | 'row'>, country: string): { memberId: number | null; reason: ImportedIdentity['reason'] } {
  const number = who.memberNumber && /^\d{1,9}$/.test(who.memberNumber.trim()) ? Number(who.memberNumber.trim()) : null;
  if (number !== null && idx.byNumber.has(number)) return { memberId: idx.byNumber.get(number)!, reason: null };
  const byEmail = who.email ? idx.byEmail.get(who.email.trim().toLowerCase()) : undefined;
  const mobile = who.mobile ? parseMobile(who.mobile, country) : null;
  const byMobile = mobile?.ok ? idx.byMobile.get(mobile.e164) : undefined;
  let candidates: number[] | undefined;
  if (byEmail && byMobile) {
    const both = byEmail.filter((id) => byMobile.includes(id));
    candidates = both.length ? both : byEmail.length === 1 ? byEmail : byMobile.length === 1 ? byMobile : [...byEmail, ...byMobile];
  } else candidates = byEmail ?? byMobile;
  if (!candidates?.length) return { memberId: null, reason: 'no-match' };
  return candidates.length === 1 ? { memberId: candidates[0], reason: null } : { memberId: null, reason: 'ambiguous' };
}

interface PlannedRow {
  memberId: number | null;
  identity: ImportedIdentity;
  answeredOn: string;
  answers: Answers;
  problems: AnswerProblem[];
}

interface Plan {
  rows: PlannedRow[];
  check: SurveyImportCheck;
}

const PROBLEMS_SHOWN = 200;

/** Every data row read against the mapping: matched or not, its answers, and what could not be used. */
function planImport(ctx: RegisterContext, survey: SurveyEntity, table: Table, headerRow: number, mapping: (SurveyColumnTarget | null)[]): Plan {
  const issues = mappingIssues(mapping, survey.questions);
  if (issues.length) throw validationError(issues);
  const idx = memberIndex(ctx.db);
  const today = isoDate(ctx.now());
  const questions = new Map(survey.questions.map((q) => [`q:${q.id}`, q]));
  const answeredBefore = new Set(ctx.db.column(sql`SELECT DISTINCT member_id FROM survey_responses WHERE survey_id = ${survey.id} AND member_id IS NOT NULL`));
  const rows: PlannedRow[] = [];
  const problems: SurveyRowProblem[] = [];
  let problemCount = 0;
  let repeats = 0;
  const seen = new Set<number>();
  for (let r = headerRow; r < table.rows.length; r++) {
    const cells = table.rows[r];
    if (isEmptyRow(cells)) continue;
    const line = r + 1;
    const cellOf = (t: SurveyColumnTarget) => {
      const values = mapping.flatMap((m, i) => (m === t && cells[i]?.trim() ? [cells[i].trim()] : []));
      return values.length ? values.join(' ') : null;
    };
    const who = { name: cellOf('name'), memberNumber: cellOf('memberNumber'), email: cellOf('email'), mobile: cellOf('mobile') };
    const { memberId, reason } = matchIdentity(idx, who, ctx.country);
    const rowProblems: AnswerProblem[] = [];
    const dateCell = cellOf('answeredOn');
    let answeredOn = today;
    if (dateCell) {
      const d = parseAnsweredOn(dateCell);
      if (d && d <= today) answeredOn = d;
      // The row still goes in, dated today; the file's text is kept beside it.
      else rowProblems.push({ questionId: null, code: d ? 'date-in-future' : 'answered-on-invalid', value: dateCell });
    }
    const answers: Answers = {};
    mapping.forEach((t, i) => {
      const q = t ? questions.get(t) : undefined;
      if (!q) return;
      const a = cellAnswer(q, cells[i] ?? '');
      if (a.value !== undefined) answers[String(q.id)] = a.value;
      for (const p of a.problems) rowProblems.push({ questionId: q.id, ...p });
    });
    for (const p of rowProblems) {
      problemCount++;
      if (problems.length < PROBLEMS_SHOWN) problems.push({ row: line, ...p });
    }
    if (memberId !== null) {
      if (seen.has(memberId) || answeredBefore.has(memberId)) repeats++;
      seen.add(memberId);
    }
    rows.push({ memberId, identity: { row: line, ...who, reason }, answeredOn, answers, problems: rowProblems });
  }
  const matched = rows.filter((x) => x.memberId !== null).length;
  return { rows, check: { rows: rows.length, matched, unmatched: rows.length - matched, repeats, problems, problemCount } };
}

async function load(path: string, headerRow?: number): Promise<{ table: Table; headerRow: number }> {
  const table = await readTable(path);
  const h = headerRow ?? detectHeaderRow(table.rows);
  if (h > table.rows.length) throw validationError([{ field: 'headerRow', code: 'header-row-out-of-range' }]);
  return { table, headerRow: h };
}

export async function previewImport(
  ctx: RegisterContext,
  survey: SurveyEntity,
  args: { path: string; headerRow?: number; mapping?: (SurveyColumnTarget | null)[] },
): Promise<SurveyImportPreview> {
  const { table, headerRow } = await load(args.path, args.headerRow);
  const headers = table.rows[headerRow - 1] ?? [];
  const mapping = args.mapping ? headers.map((_, i) => args.mapping![i] ?? null) : suggestSurveyMapping(headers, survey.questions);
  const sample = table.rows.slice(headerRow).filter((r) => !isEmptyRow(r)).slice(0, 5);
  // A suggestion that cannot run yet (no identity column found) still shows: the user maps it.
  let check: SurveyImportCheck = { rows: 0, matched: 0, unmatched: 0, repeats: 0, problems: [], problemCount: 0 };
  if (args.mapping || !mappingIssues(mapping, survey.questions).length) check = planImport(ctx, survey, table, headerRow, mapping).check;
  return { fileName: table.fileName, headerRow, headers, sample, mapping, check };
}

/** Every row goes in: matched rows as responses (newer wins), the others kept for matching by hand. */
export async function runImport(
  ctx: RegisterContext,
  survey: SurveyEntity,
  args: { path: string; headerRow: number; mapping: (SurveyColumnTarget | null)[] },
): Promise<SurveyImportResult> {
  const { table, headerRow } = await load(args.path, args.headerRow);
  const headers = table.rows[headerRow - 1] ?? [];
  const plan = planImport(ctx, survey, table, headerRow, headers.map((_, i) => args.mapping[i] ?? null));
  if (!plan.rows.length) throw validationError([{ field: 'path', code: 'file-empty' }]);
  return ctx.write(() => {
    const importId = ctx.db.run(sql`INSERT INTO survey_imports (survey_id, file_name, rows, matched, unmatched, at)
      VALUES (${survey.id}, ${table.fileName}, ${plan.check.rows}, ${plan.check.matched}, ${plan.check.unmatched}, ${isoTime(ctx.now())})`).lastId;
    for (const row of plan.rows) {
      insertResponse(ctx, {
        surveyId: survey.id,
        memberId: row.memberId,
        source: 'form',
        answeredOn: row.answeredOn,
        answers: row.answers,
        problems: row.problems,
        imported: row.identity,
        importId,
      });
    }
    return { ...plan.check, importId, imported: plan.rows.length };
  });
}
