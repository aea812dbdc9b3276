import { LONG_TEXT_MAX, SCALE_MAX, SCALE_MIN, SHORT_TEXT_MAX, type Answers, type AnswerValue, type SurveyQuestion } from '../../shared/contract';
import type { FieldIssue } from '../../shared/result';

/**
 * Checks one member's answers against the survey's questions and returns them as stored:
 * choices in the options' order without repeats, texts trimmed, empty answers left out.
 *
 * `requireRequired`: entry on screen and on the phone insists on the required questions; an
 * imported file cannot be asked again, so its rows are stored with the gap reported instead.
 */
export function checkAnswers(
  questions: SurveyQuestion[],
  answers: Answers,
  options: { requireRequired: boolean } = { requireRequired: true },
): { answers: Answers; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const out: Answers = {};
  const byId = new Map(questions.map((q) => [String(q.id), q]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) issues.push({ field: `answers.${id}`, code: 'answer-unknown-question' });
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const r = checkOne(q, answers[String(q.id)]);
    if ('code' in r) issues.push({ field, code: r.code });
    else if (r.value === undefined) {
      if (q.required && options.requireRequired) issues.push({ field, code: 'answer-required' });
    } else out[String(q.id)] = r.value;
  }
  return { answers: out, issues };
}

type One = { value: AnswerValue | undefined } | { code: string };

/** One answer: its stored form (undefined = not answered) or why it cannot be stored. */
export function checkOne(q: SurveyQuestion, v: AnswerValue | undefined): One {
  if (v === undefined || v === null) return { value: undefined };
  switch (q.kind) {
    case 'single':
    case 'frequency': {
      if (Array.isArray(v)) {
        if (v.length > 1) return { code: 'answer-too-many' };
        v = v[0] ?? '';
      }
      if (typeof v !== 'string') return { code: 'answer-wrong-type' };
      if (v === '') return { value: undefined };
      return q.options.some((o) => o.key === v) ? { value: v } : { code: 'answer-not-an-option' };
    }
    case 'multiple':
    case 'channels': {
      const list = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : typeof v === 'string' ? [] : null;
      if (!list) return { code: 'answer-wrong-type' };
      if (list.some((k) => !q.options.some((o) => o.key === k))) return { code: 'answer-not-an-option' };
      const chosen = q.options.map((o) => o.key).filter((k) => list.includes(k));
      return { value: chosen.length ? chosen : undefined };
    }
    case 'scale': {
      const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
      if (typeof n === 'string' && n.trim() === '') return { value: undefined };
      if (typeof n !== 'number' || !Number.isInteger(n)) return { code: 'answer-wrong-type' };
      return n >= SCALE_MIN && n <= SCALE_MAX ? { value: n } : { code: 'answer-out-of-scale' };
    }
    case 'short':
    case 'long': {
      if (typeof v !== 'string') return { code: 'answer-wrong-type' };
      const text = v.trim();
      if (!text) return { value: undefined };
      return text.length > (q.kind === 'short' ? SHORT_TEXT_MAX : LONG_TEXT_MAX) ? { code: 'answer-too-long' } : { value: text };
    }
  }
}
