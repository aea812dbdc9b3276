import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../shared/result';
import { errorOf } from '../api';
import { errorText } from '../components/ErrorAlert';

/** A failed call's field issues (validation), or none. */
export function fieldIssues(e: unknown): FieldIssue[] {
  const err = errorOf(e);
  return err.code === 'validation' ? (err.details?.fields ?? []) : [];
}

/**
 * The survey screens' words for a refusal: `surveys.errors.<code>` first, then the shared ones.
 * `issueText` for one field code, `failure` for a whole failed call.
 */
export function useSurveyErrors() {
  const { t } = useTranslation();
  const issueText = useCallback(
    (code: string) => t(`surveys.errors.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: t('errors.validation') }) }),
    [t],
  );
  const failure = useCallback((e: unknown) => errorText(t, errorOf(e), 'surveys'), [t]);
  /** Issues at `answers.<questionId>`, keyed by the question id; the rest as one text. */
  const answerIssues = useCallback(
    (e: unknown): { byQuestion: Record<string, string>; other: string | null } => {
      const byQuestion: Record<string, string> = {};
      const rest: string[] = [];
      for (const i of fieldIssues(e)) {
        const m = /^answers\.(\d+)$/.exec(i.field);
        if (m) byQuestion[m[1]] = issueText(i.code);
        else rest.push(issueText(i.code));
      }
      if (!Object.keys(byQuestion).length && !rest.length) return { byQuestion, other: failure(e) };
      return { byQuestion, other: rest.length ? rest.join(' ') : null };
    },
    [issueText, failure],
  );
  return { issueText, failure, answerIssues };
}
