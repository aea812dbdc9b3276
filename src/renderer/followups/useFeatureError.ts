import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorOf } from '../api';

/**
 * The translated message of a failed call for one feature. The core puts the precise reason
 * (e.g. "merge-self") in details.fields[].code or details.reason, under a generic
 * "validation"/"conflict" code: the feature's own `errors` are tried first, then the shared ones.
 * Stable across renders (unlike useErrorText), so effects may depend on it.
 */
export function useFeatureError(featureKey: string) {
  const { t } = useTranslation();
  return useCallback(
    (e: unknown): string => {
      const err = errorOf(e);
      const reason = typeof err.details?.reason === 'string' ? err.details.reason : undefined;
      const code = err.details?.fields?.[0]?.code ?? reason ?? err.code;
      const shared = t(`errors.${err.code}`, { defaultValue: t('errors.internal') });
      return t(`${featureKey}.errors.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: shared }) });
    },
    [t, featureKey],
  );
}
