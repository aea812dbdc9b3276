import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '../../shared/result';

/**
 * Field refusals of the dues screens, translated: `dues.errors.<code>` first, then the shared
 * `errors.<code>`. Several issues may stand at once (the settings form shows them all).
 */
export function useDuesIssues() {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const text = useCallback(
    (code: string) => t(`dues.errors.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: t('errors.unknownField') }) }),
    [t],
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
