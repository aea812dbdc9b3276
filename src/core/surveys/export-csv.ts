import type { Answers, Language, ResponseSource, SegmentRef, SurveyEntity } from '../../shared/contract';
import { sql } from '../db/sql';
import { toCsv } from '../exports/csv';
import type { RegisterContext } from '../register/context';
import { segmentPredicate } from '../segments/queries';
import { pick, SURVEY_TEXTS } from './texts';

interface Row {
  member_number: number | null;
  first_name: string | null;
  last_name: string | null;
  source: ResponseSource;
  answered_on: string;
  answers: string;
  replaced_by: number | null;
  member_id: number | null;
  imported: string | null;
}

/**
 * One row per response — replaced ones too, marked, so nothing an export reader might look for is
 * missing — and a column per question: choices as the options' texts (joined with "; "), the
 * scale as its number, texts as written. With a segment: only its members' responses.
 */
export function surveyCsv(ctx: RegisterContext, survey: SurveyEntity, language: Language, segment?: SegmentRef): { csv: string; rows: number; people: number } {
  const t = SURVEY_TEXTS[language];
  const filter = segment ? segmentPredicate(ctx, segment) : null;
  const rows = filter
    ? ctx.db.all<Row>(sql`SELECT m.member_number, m.first_name, m.last_name, r.source, r.answered_on, r.answers, r.replaced_by, r.member_id, r.imported
        FROM survey_responses r JOIN members m ON m.id = r.member_id WHERE r.survey_id = ${survey.id} AND ${filter}
        ORDER BY m.member_number, r.answered_on DESC, r.id DESC`)
    : ctx.db.all<Row>(sql`SELECT m.member_number, m.first_name, m.last_name, r.source, r.answered_on, r.answers, r.replaced_by, r.member_id, r.imported
        FROM survey_responses r LEFT JOIN members m ON m.id = r.member_id WHERE r.survey_id = ${survey.id}
        ORDER BY m.member_number IS NULL, m.member_number, r.answered_on DESC, r.id DESC`);
  const header = [t.memberNumber, t.name, t.answeredOn, t.source, t.status, ...survey.questions.map((q) => pick(q.text, language))];
  const body = rows.map((r) => {
    const answers = JSON.parse(r.answers) as Answers;
    const importedName = r.imported ? ((JSON.parse(r.imported) as { name: string | null }).name ?? '') : '';
    return [
      r.member_number === null ? '' : String(r.member_number),
      r.member_id === null ? importedName : `${r.first_name} ${r.last_name}`.trim(),
      r.answered_on,
      t.sources[r.source],
      r.member_id === null ? t.unmatched : r.replaced_by !== null ? t.replaced : t.current,
      ...survey.questions.map((q) => {
        const v = answers[String(q.id)];
        if (v === undefined) return '';
        if (typeof v === 'number') return String(v);
        const keys = Array.isArray(v) ? v : [v];
        if (q.kind === 'short' || q.kind === 'long') return String(v);
        return keys.map((k) => pick(q.options.find((o) => o.key === k)?.text ?? {}, language) || k).join('; ');
      }),
    ];
  });
  // People for the export log: each member once (replaced responses too), each unmatched response as its own person.
  const people = new Set(rows.map((r, i) => r.member_id ?? `unmatched ${i}`)).size;
  return { csv: toCsv(header, body, language), rows: body.length, people };
}
