import { useTranslation } from 'react-i18next';
import { errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';

export interface FeatureError {
  /** The field the core blamed ("to", "options", …), when it named one. */
  field: string | null;
  text: string;
}

/**
 * A refusal from the core in the user's words: the feature's own `<key>.errors.<code>` first (the
 * codes of groups and setup that the shared strings lack), then the shared `errors.<code>`.
 */
export function useFeatureError(key: 'groups' | 'setup') {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (e: unknown): FeatureError => {
    const err = errorOf(e);
    const issue = err.details?.fields?.[0];
    const reason = typeof err.details?.reason === 'string' ? err.details.reason : null;
    const code = issue?.code ?? reason ?? err.code;
    const option = typeof err.details?.option === 'string' ? err.details.option : '';
    const text = t(`${key}.errors.${code}`, { option, defaultValue: errorText(code) });
    return { field: issue?.field ?? null, text };
  };
}
