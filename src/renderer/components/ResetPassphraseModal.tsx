import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../shared/contract';
import { call, errorOf } from '../api';
import { useErrorText } from './ErrorAlert';
import { PassphraseFields, passphraseAcceptable } from './PassphraseFields';

/** After opening with the recovery key the forgotten passphrase still locks the file: replace it. */
export function ResetPassphraseModal({ info, onInfo }: { info: RegisterInfo; onInfo: (i: RegisterInfo) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [dismissed, setDismissed] = useState(false);
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);

  const submit = async () => {
    setTried(true);
    if (!passphraseAcceptable(next, repeat)) return;
    try {
      onInfo(await call('register.resetPassphrase', { next }));
      notifications.show({ color: 'teal', message: t('settings.changed') });
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(errorOf(e)) });
    }
  };

  return (
    <Modal opened={info.openedWithRecoveryKey && !dismissed} onClose={() => setDismissed(true)} title={t('resetPassphrase.title')} size="lg">
      <Stack>
        <Text size="sm">{t('resetPassphrase.intro')}</Text>
        <PassphraseFields value={next} repeat={repeat} onChange={setNext} onRepeat={setRepeat} showErrors={tried} label={t('settings.next')} repeatLabel={t('settings.repeat')} />
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => setDismissed(true)}>{t('resetPassphrase.later')}</Button>
          <Button onClick={submit}>{t('resetPassphrase.submit')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
