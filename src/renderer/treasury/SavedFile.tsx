import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bridge } from '../api';

/** "Saved: …" with the path and a button to show the file in its folder. */
export function SavedFile({ text, path, testId }: { text: string; path: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" role="status" data-testid={testId}>
      <Stack gap="xs" align="start">
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {text}
        </Text>
        <Button size="xs" variant="light" onClick={() => void bridge.host.showInFolder(path)}>
          {t('treasury.showInFolder')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** A refusal, translated (with the file's line when the core names one). */
export function Failure({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert color="red" role="alert" data-testid="treasury-failure">
      {text}
    </Alert>
  );
}
