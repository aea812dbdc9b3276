import { isRealIsoDate, type AnswerProblem, type AnswerValue, type SurveyColumnTarget, type SurveyQuestion } from '../../shared/contract';
import type { FieldIssue } from '../../shared/result';
import { suggestMapping } from '../imports/mapping';
import { checkOne } from './answers';
import { fold } from './rules';
import { wordings } from './texts';

/**
 * Reading a form tool's export (Google Forms, Microsoft Forms, Netigate, a spreadsheet typed by
 * hand): which column is what, and each cell as an answer. Pure: the import runner does the rest.
 */

const NUMBER_HEADERS = ['medlemsnummer', 'medlemsnr', 'medlnr', 'member number', 'membership number', 'member no', 'member nr', 'member id'];
const NAME_HEADERS = ['namn', 'navn', 'name', 'ditt namn', 'ditt navn', 'your name', 'full name', 'fullstandigt namn', 'fullt navn'];
const DATE_HEADERS = ['tidstampel', 'tidsstempel', 'timestamp', 'datum', 'dato', 'date', 'besvarad', 'besvart', 'answered', 'submitted', 'submitted at', 'inskickad', 'innsendt', 'completion time', 'start time'];

/** Headers compared without spaces or punctuation: "Medl.nr", "Member no" and "E-post" as written anywhere. */
const squash = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');
const NUMBERS = new Set(NUMBER_HEADERS.map(squash));
const NAMES = new Set(NAME_HEADERS.map(squash));
const DATES = new Set(DATE_HEADERS.map(squash));

/**
 * One suggestion per column: who answered (the member import's names for e-mail and mobile; a
 * first-name and a last-name column both become "name"), when, and the questions by their text.
 */
export function suggestSurveyMapping(headers: string[], questions: SurveyQuestion[]): (SurveyColumnTarget | null)[] {
  const member = suggestMapping(headers);
  const used = new Set<SurveyColumnTarget>();
  const take = (t: SurveyColumnTarget | null) => {
    if (!t || used.has(t)) return null;
    used.add(t);
    return t;
  };
  const texts = questions.map((q) => ({ q, folded: wordings(q.text).map(fold) }));
  return headers.map((h, i) => {
    const f = fold(h);
    if (!f) return null;
    const m = member[i];
    const k = squash(h);
    if (NUMBERS.has(k)) return take('memberNumber');
    if (m === 'email' || m === 'mobile') return take(m);
    if (NAMES.has(k) || m === 'firstName' || m === 'lastName') return 'name';
    if (DATES.has(k)) return take('answeredOn');
    // Form tools head a column with the question's text, sometimes cut short or with a number in front.
    const exact = texts.find((t) => t.folded.includes(f));
    if (exact) return take(`q:${exact.q.id}`);
    const near = f.length >= 8 ? texts.find((t) => t.folded.some((x) => x.includes(f) || f.includes(x))) : undefined;
    return near ? take(`q:${near.q.id}`) : null;
  });
}

/** A mapping the import can run with: someone to match on, a question, nothing twice (but the name's parts). */
export function mappingIssues(mapping: (SurveyColumnTarget | null)[], questions: SurveyQuestion[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const known = new Set(questions.map((q) => `q:${q.id}`));
  mapping.forEach((t, i) => {
    if (!t) return;
    if (t.startsWith('q:') && !known.has(t)) issues.push({ field: `mapping.${i}`, code: 'question-not-found' });
    if (seen.has(t) && t !== 'name') issues.push({ field: `mapping.${i}`, code: 'import-column-twice' });
    seen.add(t);
  });
  if (!mapping.some((t) => t === 'memberNumber' || t === 'email' || t === 'mobile')) issues.push({ field: 'mapping', code: 'import-no-identity-column' });
  if (!mapping.some((t) => t?.startsWith('q:'))) issues.push({ field: 'mapping', code: 'import-no-question-columns' });
  return issues;
}

/** The option a cell names: its key, or its text in any language (case, accents and spacing ignored). */
function optionKey(q: SurveyQuestion, cell: string): string | null {
  const f = fold(cell);
  if (!f) return null;
  for (const o of q.options) {
    if (o.key === cell.trim() || wordings(o.text).some((w) => fold(w) === f)) return o.key;
  }
  return null;
}

/**
 * A cell as the question's answer, and the parts that could not be used (kept as problems with
 * the file's text, never dropped). Multiple choices come joined by ";" or "," (Google Forms: ", ").
 */
export function cellAnswer(q: SurveyQuestion, cell: string): { value?: AnswerValue; problems: Omit<AnswerProblem, 'questionId'>[] } {
  const text = cell.trim();
  if (!text) return { problems: q.required ? [{ code: 'answer-required', value: '' }] : [] };
  switch (q.kind) {
    case 'single':
    case 'frequency': {
      const key = optionKey(q, text);
      return key ? { value: key, problems: [] } : { problems: [{ code: 'answer-not-an-option', value: text }] };
    }
    case 'multiple':
    case 'channels': {
      const whole = optionKey(q, text);
      if (whole) return { value: [whole], problems: [] };
      const keys: string[] = [];
      const problems: Omit<AnswerProblem, 'questionId'>[] = [];
      // ";" and line breaks first; a comma splits only a part that is not an option as it stands.
      for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
        const key = optionKey(q, part);
        if (key) {
          keys.push(key);
          continue;
        }
        for (const piece of part.split(',').map((p) => p.trim()).filter(Boolean)) {
          const k = optionKey(q, piece);
          if (k) keys.push(k);
          else problems.push({ code: 'answer-not-an-option', value: piece });
        }
      }
      const r = checkOne(q, keys);
      return { value: 'value' in r ? r.value : undefined, problems };
    }
    case 'scale': {
      // "4", "4 - Bra", "4.0"
      const m = /^(\d+)(?:[.,]0+)?(?:\s*[-–:.]\s*.*|\s.*)?$/.exec(text);
      if (!m) return { problems: [{ code: 'answer-wrong-type', value: text }] };
      const r = checkOne(q, Number(m[1]));
      return 'value' in r ? { value: r.value, problems: [] } : { problems: [{ code: r.code, value: text }] };
    }
    case 'short':
    case 'long': {
      const r = checkOne(q, text);
      return 'value' in r ? { value: r.value, problems: [] } : { problems: [{ code: r.code, value: text }] };
    }
  }
}

/**
 * A form tool's timestamp as an ISO date: "2025-03-04", "2025-03-04 12:33:00", "2025/03/04 12:33:00"
 * (Google Forms), "04.03.2025 12:33" (Norwegian), "4.3.2025". Null when it is none of them.
 */
export function parseAnsweredOn(cell: string): string | null {
  const s = cell.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(s);
  let iso: string | null = null;
  if (m) iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$/.exec(s))) iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return iso && isRealIsoDate(iso) ? iso : null;
}
