import type { Answers, Language, LocalText, SurveyQuestion } from '../../shared/contract';

const ORDER: Language[] = ['sv', 'nb', 'en'];

/** The UI's language as one the survey texts are written in. */
export function asLanguage(lang: string): Language {
  return ORDER.find((l) => lang.startsWith(l)) ?? 'en';
}

/** A survey text in the UI's language, else the first language it has (a form may not be translated). */
export function pickText(text: LocalText, lang: string): string {
  const own = text[asLanguage(lang)]?.trim();
  if (own) return own;
  for (const l of ORDER) {
    const v = text[l]?.trim();
    if (v) return v;
  }
  return '';
}

/** An option's words, or its key when it has none (never happens for a saved survey). */
export function optionText(q: SurveyQuestion, key: string, lang: string): string {
  const o = q.options.find((x) => x.key === key);
  return o ? pickText(o.text, lang) || key : key;
}

/** How many questions a response answered, e.g. for a list of responses. */
export function answeredCount(answers: Answers): number {
  return Object.keys(answers).length;
}

/** Today as YYYY-MM-DD (UTC, as the core dates things). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "Anna Andersson (12)": a member as lists show them. */
export function memberLabel(name: string | null, number: number | null): string {
  return number === null ? (name ?? '') : `${name ?? ''} (${number})`;
}
