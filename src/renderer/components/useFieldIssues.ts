import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '../../shared/result';

/**
 * Field-level refusals from the core (or the form's own checks), translated: the feature's own
 * `<feature>.errors.<code>` first, then the shared `errors.<code>`. Several issues may stand at
 * once (a settings form shows them all).
 */
export function useFieldIssues(feature: string) {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const text = useCallback(
    (code: string) => t(`${feature}.errors.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: t('errors.unknownField') }) }),
    [t, feature],
  );
  return {
    issues,
    set: setIssues,
    /** Takes a failed call's field issues; false when the refusal was not about fields. */
    take(err: ApiError): boolean {
      const fields = err.code === 'validation' ? err.details?.fields : undefined;
      if (!fields?.length) return false;
      setIssues(fields);
      return true;
    },
    /** The translated message at a field, if it has one. */
    at(field: string): string | undefined {
      const found = issues.find((i) => i.field === field);
      return found ? text(found.code) : undefined;
    },
    /** Sets or clears one field's issue, keeping the others (inline checks while typing). */
    put(field: string, code: string | null) {
      setIssues((list) => [...list.filter((i) => i.field !== field), ...(code ? [{ field, code }] : [])]);
    },
    clear(field: string) {
      setIssues((list) => list.filter((i) => i.field !== field));
    },
    text,
  };
}
