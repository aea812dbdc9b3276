import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../../shared/contract';

/**
 * Placeholder until the screen is built (owned by the invoice-run / reminders / strike-off work);
 * the section's tab already renders this component with the open register.
 */
export function RemindersPanel(_props: { info: RegisterInfo }) {
  const { t } = useTranslation();
  return <Alert color="gray" data-testid="dues-placeholder-reminders">{t('dues.placeholder')}</Alert>;
}
