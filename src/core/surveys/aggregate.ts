import { SCALE_MAX, SCALE_MIN, type Answers, type QuestionResult, type SurveyQuestion } from '../../shared/contract';

/** One current response as the results read it. */
export interface Counted {
  id: number;
  answeredOn: string;
  answers: Answers;
}

/** How many free-text answers each question lists in the results (the rest are paged for). */
export const TEXTS_LISTED = 50;

/**
 * The results per question, in one pass over the responses (in any order): counts per option or
 * scale step in the options' order, the scale's mean, and the ids of each text question's newest
 * answers (answered on, then entered). Answers to options no longer offered are not counted (the
 * builder refuses to remove an answered option, so there are none).
 */
export function aggregate(questions: SurveyQuestion[], responses: Counted[]): { results: QuestionResult[]; textIds: Map<number, number[]> } {
  const tallies = questions.map((q) => {
    const steps = q.kind === 'scale' ? Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i)) : q.options.map((o) => o.key);
    return { q, key: String(q.id), answered: 0, counts: new Map(steps.map((k) => [k, 0])), sum: 0, texts: [] as Counted[] };
  });
  for (const r of responses) {
    const a = r.answers;
    for (const t of tallies) {
      const v = a[t.key];
      if (v === undefined) continue;
      t.answered++;
      switch (t.q.kind) {
        case 'scale':
          t.sum += v as number;
          bump(t.counts, String(v));
          break;
        case 'short':
        case 'long':
          t.texts.push(r);
          break;
        default:
          if (Array.isArray(v)) for (const k of v) bump(t.counts, k);
          else bump(t.counts, v as string);
      }
    }
  }
  const textIds = new Map<number, number[]>();
  const results = tallies.map((t): QuestionResult => {
    const text = t.q.kind === 'short' || t.q.kind === 'long';
    if (text) textIds.set(t.q.id, newest(t.texts).map((r) => r.id));
    return {
      questionId: t.q.id,
      kind: t.q.kind,
      answered: t.answered,
      counts: text ? [] : [...t.counts].map(([key, count]) => ({ key, count })),
      mean: t.q.kind === 'scale' && t.answered ? Math.round((t.sum / t.answered) * 100) / 100 : null,
      texts: { total: t.texts.length, first: [] },
    };
  });
  return { results, textIds };
}

/** The TEXTS_LISTED newest, newest first. */
function newest(list: Counted[]): Counted[] {
  return [...list]
    .sort((a, b) => (a.answeredOn === b.answeredOn ? b.id - a.id : a.answeredOn < b.answeredOn ? 1 : -1))
    .slice(0, TEXTS_LISTED);
}

function bump(counts: Map<string, number>, key: string) {
  const n = counts.get(key);
  if (n !== undefined) counts.set(key, n + 1);
}
