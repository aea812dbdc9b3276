import {
  CHOICE_KINDS,
  PREFERRED_CHANNELS,
  PREFERRED_FREQUENCIES,
  type LocalText,
  type QuestionKind,
  type SurveyOption,
  type SurveyQuestion,
} from '../../shared/contract';
import type { FieldIssue } from '../../shared/result';
import { foldForSearch } from '../../shared/text/fold';
import { CHANNEL_TEXTS, FREQUENCY_TEXTS, wordings } from './texts';

/** A question as the builder sends it (after the contract's parsing). */
export interface QuestionDraft {
  id?: number;
  kind: QuestionKind;
  text: LocalText;
  required: boolean;
  options: { key?: string; text: LocalText }[];
  interests: boolean;
}

export const fold = (s: string) => foldForSearch(s).trim();

/** The special kinds' options: Kansli's keys and words, whatever the builder sent. */
export function specialOptions(kind: 'channels' | 'frequency'): SurveyOption[] {
  return kind === 'channels'
    ? PREFERRED_CHANNELS.map((key) => ({ key, text: { ...CHANNEL_TEXTS[key] } }))
    : PREFERRED_FREQUENCIES.map((key) => ({ key, text: { ...FREQUENCY_TEXTS[key] } }));
}

export const isChoice = (kind: QuestionKind) => CHOICE_KINDS.includes(kind);
const hasText = (t: LocalText) => wordings(t).length > 0;

function cleanText(t: LocalText): LocalText {
  const out: LocalText = {};
  for (const l of ['sv', 'nb', 'en'] as const) {
    const v = t[l]?.trim();
    if (v) out[l] = v;
  }
  return out;
}

/**
 * The question as stored: the special kinds get Kansli's options, scale and text questions none,
 * and a choice question's new options the next free keys ("o1", "o2" …) — kept keys keep the
 * answers that hold them.
 */
export function normaliseQuestion(q: QuestionDraft): Omit<SurveyQuestion, 'id'> & { id?: number } {
  const base = { id: q.id, kind: q.kind, text: cleanText(q.text), required: q.required, interests: q.interests };
  if (q.kind === 'channels' || q.kind === 'frequency') return { ...base, options: specialOptions(q.kind) };
  if (q.kind !== 'single' && q.kind !== 'multiple') return { ...base, options: [], interests: false };
  const used = new Set(q.options.map((o) => o.key).filter((k): k is string => !!k));
  let next = 1;
  const options = q.options.map((o) => {
    let key = o.key;
    if (!key) {
      while (used.has(`o${next}`)) next++;
      key = `o${next}`;
      used.add(key);
    }
    return { key, text: cleanText(o.text) };
  });
  return { ...base, options };
}

/** Everything wrong with a survey's title and questions, each issue at its place ("questions.2.options"). */
export function surveyIssues(title: LocalText, questions: QuestionDraft[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!hasText(title)) issues.push({ field: 'title', code: 'survey-title-missing' });
  if (!questions.length) issues.push({ field: 'questions', code: 'survey-no-questions' });
  const special = new Set<QuestionKind>();
  let interests = 0;
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!hasText(q.text)) issues.push({ field: `${at}.text`, code: 'question-text-missing' });
    if (q.kind === 'channels' || q.kind === 'frequency') {
      if (special.has(q.kind)) issues.push({ field: `${at}.kind`, code: 'question-special-twice' });
      special.add(q.kind);
    }
    if (q.interests) {
      if (q.kind !== 'single' && q.kind !== 'multiple') issues.push({ field: `${at}.interests`, code: 'interests-not-a-choice' });
      else if (++interests > 1) issues.push({ field: `${at}.interests`, code: 'interests-twice' });
    }
    if (q.kind !== 'single' && q.kind !== 'multiple') return;
    if (!q.options.length) {
      issues.push({ field: `${at}.options`, code: 'question-no-options' });
      return;
    }
    // Two options worded alike could not be told apart on paper or in an imported file.
    const seenText = new Set<string>();
    const seenKey = new Set<string>();
    q.options.forEach((o, j) => {
      const place = `${at}.options.${j}`;
      const texts = wordings(o.text);
      if (!texts.length) {
        issues.push({ field: place, code: 'option-text-missing' });
        return;
      }
      const folded = texts.map(fold);
      if (folded.some((f) => seenText.has(f)) || (o.key && seenKey.has(o.key))) issues.push({ field: place, code: 'option-duplicate' });
      folded.forEach((f) => seenText.add(f));
      if (o.key) seenKey.add(o.key);
    });
  });
  return issues;
}

/** What answers a saved question holds, for refusing edits that would orphan them. */
export interface AnsweredUse {
  questionId: number;
  /** Option keys chosen in some response. */
  keys: Set<string>;
}

/**
 * Edits a survey with answers may not make: remove an answered question, change its kind, or drop
 * an option someone chose. Text, order, `required` and new options are fine.
 */
export function answeredEditIssues(
  saved: SurveyQuestion[],
  next: (Omit<SurveyQuestion, 'id'> & { id?: number })[],
  used: Map<number, AnsweredUse>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byId = new Map(next.map((q, i) => [q.id, { q, i }] as const));
  for (const old of saved) {
    const u = used.get(old.id);
    if (!u) continue;
    const found = byId.get(old.id);
    if (!found) {
      issues.push({ field: 'questions', code: 'question-has-answers' });
      continue;
    }
    if (found.q.kind !== old.kind) {
      issues.push({ field: `questions.${found.i}.kind`, code: 'question-has-answers' });
      continue;
    }
    const keys = new Set(found.q.options.map((o) => o.key));
    for (const k of u.keys) {
      if (!keys.has(k)) {
        issues.push({ field: `questions.${found.i}.options`, code: 'question-has-answers' });
        break;
      }
    }
  }
  return issues;
}
