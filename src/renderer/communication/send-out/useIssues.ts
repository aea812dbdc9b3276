import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '../../../shared/result';

/** The core's refusals at their fields, in this feature's words first (then the shared ones). */
export function useIssues() {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const text = (code: string) => t(`communication.errors.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: t('errors.internal') }) });
  return {
    /** Takes a refusal's field issues; false when it was not about fields. */
    take(err: ApiError): boolean {
      const fields = err.code === 'validation' ? err.details?.fields : undefined;
      if (!fields?.length) return false;
      setIssues(fields);
      return true;
    },
    clear: () => setIssues([]),
    at(field: string): string | undefined {
      const found = issues.find((i) => i.field === field || i.field.startsWith(`${field}.`));
      return found ? text(found.code) : undefined;
    },
  };
}
