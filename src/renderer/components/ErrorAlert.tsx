import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ErrorCode } from '../../shared/result';
import { errorOf } from '../api';

/** A refusal as the core sent it: from a thrown call, an ApiError, or a bare error code. */
function apiErrorOf(error: unknown): ApiError {
  if (typeof error === 'string') return { code: error as ErrorCode, message: error };
  if (typeof error === 'object' && error !== null && !(error instanceof Error) && 'code' in error) return error as ApiError;
  return errorOf(error); // a thrown ApiFailure, or anything else as 'internal'
}

/**
 * The most specific code of a refusal: the field's code ("group-archived"), else the conflict's
 * reason ("name-in-use"), else the general code ("validation").
 */
export function reasonOf(e: ApiError): string {
  const field = e.details?.fields?.[0]?.code;
  const reason = e.details?.reason;
  return field ?? (typeof reason === 'string' ? reason : e.code);
}

/**
 * The translated message for a refusal; never a stack trace. Tried in order: the feature's own
 * `<featureKey>.errors.<specific code>`, the shared `errors.<specific code>`, the shared
 * `errors.<general code>`, then `errors.internal`. The details' text values (e.g. {{option}})
 * may be used by the message.
 */
export function errorText(t: TFunction, error: unknown, featureKey?: string): string {
  const err = apiErrorOf(error);
  const code = reasonOf(err);
  const replace = Object.fromEntries(Object.entries(err.details ?? {}).filter(([, v]) => typeof v === 'string'));
  const shared = t(`errors.${code}`, { replace, defaultValue: t(`errors.${err.code}`, { defaultValue: t('errors.internal') }) });
  return featureKey ? t(`${featureKey}.errors.${code}`, { replace, defaultValue: shared }) : shared;
}

/** `errorText` in the current language; stable across renders, so effects may depend on it. */
export function useErrorText(): (error: unknown, featureKey?: string) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown, featureKey?: string) => errorText(t, error, featureKey), [t]);
}

/** The field a refusal names ("to", "options", …), if any. */
export function errorField(error: unknown): string | null {
  return apiErrorOf(error).details?.fields?.[0]?.field ?? null;
}

export function ErrorAlert({ error, children }: { error: ApiError | null; children?: React.ReactNode }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" data-error-code={error.code}>
      {text(error)}
      {children}
    </Alert>
  );
}
