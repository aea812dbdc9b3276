import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/result';

/** The translated message for an error code; never a stack trace. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: ApiError | string) => {
    const code = typeof error === 'string' ? error : error.code;
    return t(`errors.${code}`, { defaultValue: t('errors.internal') });
  };
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
