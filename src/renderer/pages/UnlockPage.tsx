import { Alert, Anchor, Button, Card, Center, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, RegisterInfo } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import { call, errorOf } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguagePicker } from '../components/LanguagePicker';
import { localeOf } from '../i18n';

function restoredName(path: string, date: string): string {
  return path.replace(/\.kansli$/i, '') + ` (${date}).kansli`;
}

export function UnlockPage(props: {
  path: string;
  reason?: 'idle' | 'user';
  notice?: string;
  onOpened: (info: RegisterInfo) => void;
  onOther: () => void;
  onSwitch: (path: string, notice: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);

  const open = async (force = false) => {
    setBusy(true);
    setError(null);
    try {
      const info = await call('register.open', {
        path: props.path,
        secret: useRecovery ? { recoveryKey: secret } : { passphrase: secret },
        force,
      });
      props.onOpened(info);
    } catch (e) {
      const err = errorOf(e);
      setError(err);
      setSecret('');
      if (err.code === 'file-damaged') setBackups(await call('register.backups', { path: props.path }).catch(() => []));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (b: BackupEntry) => {
    try {
      const { path } = await call('register.restoreBackup', {
        backupPath: b.path,
        targetPath: restoredName(props.path, b.savedAt.slice(0, 10)),
      });
      props.onSwitch(path, t('unlock.restored', { path }));
    } catch (e) {
      setError(errorOf(e));
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(localeOf(i18n.language));
  const lockedBy = error?.code === 'locked-by-other' ? (error.details as { host?: string; since?: string } | undefined) : undefined;

  return (
    <Center mih="100%" p="xl">
      <Card withBorder w={560} p="xl">
        <Stack
          component="form"
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            if (secret) void open();
          }}
        >
          <Group justify="space-between">
            <Title order={2}>{t('unlock.title')}</Title>
            <LanguagePicker />
          </Group>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }} data-testid="unlock-path">
            {props.path}
          </Text>
          {props.reason && <Alert color="blue">{t(`unlock.lockedReason.${props.reason}`)}</Alert>}
          {props.notice && <Alert color="teal">{props.notice}</Alert>}
          {useRecovery ? (
            <TextInput
              label={t('unlock.recoveryKey')}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              className="recovery-key-input"
              data-testid="recovery-input"
            />
          ) : (
            <PasswordInput
              label={t('unlock.passphrase')}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              autoFocus
              autoComplete="current-password"
              data-testid="unlock-passphrase"
            />
          )}
          <ErrorAlert error={error}>
            {lockedBy && (
              <Stack gap="xs" mt="xs">
                <Text size="sm">{t('unlock.lockedBy', { host: lockedBy.host ?? '?', since: lockedBy.since ? when(lockedBy.since) : '?' })}</Text>
                <Button size="xs" variant="outline" color="red" onClick={() => open(true)} disabled={!secret}>
                  {t('unlock.openAnyway')}
                </Button>
              </Stack>
            )}
          </ErrorAlert>
          {backups && (
            <Stack gap="xs" data-testid="backups">
              <Text size="sm">{backups.some((b) => b.verified) ? t('unlock.damagedHelp') : t('unlock.noBackups')}</Text>
              {backups
                .filter((b) => b.verified)
                .slice(0, 5)
                .map((b) => (
                  <Group key={b.path} justify="space-between">
                    <Text size="sm">{when(b.savedAt)}</Text>
                    <Button size="xs" variant="light" onClick={() => restore(b)}>
                      {t('unlock.restore')}
                    </Button>
                  </Group>
                ))}
            </Stack>
          )}
          <Button type="submit" loading={busy} disabled={!secret}>
            {busy ? t('unlock.opening') : t('unlock.submit')}
          </Button>
          <Group justify="space-between">
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setSecret('');
                setError(null);
              }}
            >
              {useRecovery ? t('unlock.usePassphrase') : t('unlock.useRecovery')}
            </Anchor>
            <Anchor component="button" type="button" size="sm" onClick={props.onOther}>
              {t('unlock.other')}
            </Anchor>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
