import { Button, Card, Center, Checkbox, Code, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoverySheetButton } from '../components/RecoverySheetButton';

/** Shown once after creating a register: the recovery key, and the sheet to print. */
export function RecoveryKeyPage({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <Center mih="100%" p="xl">
      <Card withBorder w={640} p="xl">
        <Stack>
          <Title order={2}>{t('recovery.title')}</Title>
          <Text>{t('recovery.intro')}</Text>
          <Code block className="recovery-key" data-testid="recovery-key">
            {recoveryKey}
          </Code>
          <RecoverySheetButton recoveryKey={recoveryKey} />
          <Checkbox label={t('recovery.confirm')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
          <Button disabled={!confirmed} onClick={onDone}>
            {t('recovery.continue')}
          </Button>
        </Stack>
      </Card>
    </Center>
  );
}
