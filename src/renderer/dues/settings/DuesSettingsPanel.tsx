import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../../shared/contract';

export function DuesSettingsPanel(_props: { info: RegisterInfo }) {
  const { t } = useTranslation();
  return <Alert color="gray">{t('dues.placeholder')}</Alert>;
}
