import { Divider, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportForm } from './ExportForm';
import { ExportLog } from './ExportLog';

/** Exports and the export log on one screen: what was just made shows up in the log below. */
export function ExportsPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  return (
    <Stack gap="lg" p="md">
      <Stack gap={4}>
        <Title order={2}>{t('exports.title')}</Title>
        <Text c="dimmed">{t('exports.intro')}</Text>
      </Stack>
      <ExportForm onExported={() => setVersion((v) => v + 1)} />
      <Divider />
      <ExportLog version={version} />
    </Stack>
  );
}
