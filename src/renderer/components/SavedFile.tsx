import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bridge } from '../api';

/** "Saved: …" with the path and a button to show the file in its folder (exports, reports, forms). */
export function SavedFile({ text, path, testId }: { text: string; path: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" role="status" data-testid={testId}>
      <Stack gap="xs" align="start">
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {text}
        </Text>
        <Button size="xs" variant="light" onClick={() => void bridge.host.showInFolder(path)}>
          {t('common.showInFolder')}
        </Button>
      </Stack>
    </Alert>
  );
}
