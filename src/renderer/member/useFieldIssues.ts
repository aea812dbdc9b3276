import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '../../shared/result';

/**
 * Field-level refusals from the core (or the form's own checks), translated: the member page's
 * own codes first, then the shared `errors.*`.
 */
export function useFieldIssues() {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const text = (code: string) =>
    t(`memberPage.errors.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: t('errors.unknownField') }) });
  return {
    issues,
    set: setIssues,
    /** Takes a failed call's field issues; false when the error was not about fields. */
    take(err: ApiError): boolean {
      const fields = err.code === 'validation' ? err.details?.fields : undefined;
      if (!fields?.length) return false;
      setIssues(fields);
      return true;
    },
    at(field: string): string | undefined {
      const found = issues.find((i) => i.field === field);
      return found ? text(found.code) : undefined;
    },
    clear(field: string) {
      setIssues((list) => list.filter((i) => i.field !== field));
    },
    text,
  };
}
