import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/result';
import { errorOf } from '../../api';
import { errorText, reasonOf } from '../../components/ErrorAlert';

function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && !(e instanceof Error) && typeof (e as ApiError).code === 'string';
}

/**
 * Refusals on the run, reminder, strike-off and letters screens, translated: this feature's own
 * words (`duesRuns.errors.<code>`), then the dues screens' (`dues.errors.<code>`), then the shared
 * ones — so a code the settings screen explains reads the same here.
 */
export function useRunsErrors() {
  const { t } = useTranslation();
  /** One field issue's code or a conflict's reason. */
  const code = useCallback(
    (c: string) => t(`duesRuns.errors.${c}`, { defaultValue: t(`dues.errors.${c}`, { defaultValue: t(`errors.${c}`, { defaultValue: t('errors.invalid-value') }) }) }),
    [t],
  );
  /** A failed call (thrown), or its ApiError as kept. */
  const error = useCallback(
    (e: unknown) => {
      const err = isApiError(e) ? e : errorOf(e);
      const specific = reasonOf(err);
      const fallback = t(`dues.errors.${specific}`, { defaultValue: errorText(t, err) });
      return t(`duesRuns.errors.${specific}`, { defaultValue: fallback });
    },
    [t],
  );
  // Stable across renders, so effects may depend on it.
  return useMemo(() => ({ code, error }), [code, error]);
}
