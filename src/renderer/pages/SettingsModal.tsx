import { Button, Code, Divider, Modal, NumberInput, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, RegisterInfo } from '../../shared/contract';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { LanguagePicker } from '../components/LanguagePicker';
import { PassphraseFields, passphraseAcceptable } from '../components/PassphraseFields';
import { RecoverySheetButton } from '../components/RecoverySheetButton';

export function SettingsModal(props: { opened: boolean; onClose: () => void; info: RegisterInfo; onInfo: (i: RegisterInfo) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('settings.title')} size="lg">
      {props.opened && <SettingsBody info={props.info} onInfo={props.onInfo} />}
    </Modal>
  );
}

/** Mounted each time the dialog opens, so it starts from the register's current settings. */
function SettingsBody(props: { info: RegisterInfo; onInfo: (i: RegisterInfo) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState(props.info.associationName);
  const [idle, setIdle] = useState<number>(props.info.idleLockMinutes);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const [renewPass, setRenewPass] = useState('');
  const [newKey, setNewKey] = useState<string | null>(null);

  const fail = (e: unknown) => notifications.show({ color: 'red', message: errorText(errorOf(e)) });

  const saveSettings = () =>
    call('register.updateSettings', { associationName: name, idleLockMinutes: idle })
      .then((info) => {
        props.onInfo(info);
        notifications.show({ color: 'teal', message: t('settings.saved') });
      })
      .catch(fail);

  const changeLanguage = (language: Language) => call('register.updateSettings', { language }).then(props.onInfo).catch(fail);

  const changePassphrase = async () => {
    setTried(true);
    if (!current || !passphraseAcceptable(next, repeat)) return;
    try {
      await call('register.changePassphrase', { current, next });
      notifications.show({ color: 'teal', message: t('settings.changed') });
      setCurrent('');
      setNext('');
      setRepeat('');
      setTried(false);
    } catch (e) {
      fail(e);
    }
  };

  const renew = () =>
    call('register.renewRecoveryKey', { passphrase: renewPass })
      .then(({ recoveryKey }) => {
        setNewKey(recoveryKey);
        setRenewPass('');
      })
      .catch(fail);

  return (
    <Stack>
        <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {t('settings.file')}: {props.info.path}
        </Text>
        <TextInput label={t('settings.associationName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} />
        <NumberInput label={t('settings.idleLock')} value={idle} onChange={(v) => setIdle(Number(v) || 1)} min={1} max={240} data-testid="idle-minutes" />
        <Button onClick={saveSettings} disabled={!name.trim()}>
          {t('settings.save')}
        </Button>
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('settings.language')}</Text>
          <LanguagePicker onChange={changeLanguage} />
        </Stack>
        <Divider />
        <Title order={4}>{t('settings.changePassphrase')}</Title>
        <PasswordInput label={t('settings.current')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} autoComplete="current-password" error={tried && !current ? t('errors.required') : undefined} />
        <PassphraseFields value={next} repeat={repeat} onChange={setNext} onRepeat={setRepeat} showErrors={tried} label={t('settings.next')} repeatLabel={t('settings.repeat')} />
        <Button variant="light" onClick={changePassphrase}>{t('settings.changePassphrase')}</Button>
        <Divider />
        <Title order={4}>{t('recovery.renewTitle')}</Title>
        <Text size="sm">{t('recovery.renewIntro')}</Text>
        {newKey ? (
          <Stack>
            <Code block className="recovery-key" data-testid="new-recovery-key">{newKey}</Code>
            <RecoverySheetButton recoveryKey={newKey} />
          </Stack>
        ) : (
          <>
            <PasswordInput label={t('unlock.passphrase')} value={renewPass} onChange={(e) => setRenewPass(e.currentTarget.value)} autoComplete="current-password" />
            <Button variant="light" color="orange" onClick={renew} disabled={!renewPass}>{t('recovery.renew')}</Button>
          </>
        )}
    </Stack>
  );
}
