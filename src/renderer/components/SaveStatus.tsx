import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../shared/contract';
import { bridge, call, errorOf } from '../api';
import { useErrorText } from './ErrorAlert';

const COLOR = { saved: 'teal', pending: 'gray', saving: 'blue', failed: 'red' } as const;

export function SaveBadge({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[info.saveState]} variant="light" data-testid="save-state" data-state={info.saveState}>
      {t(`shell.${info.saveState}`)}
    </Badge>
  );
}

/** Says plainly why a save failed, and offers what can be done; the changes stay in memory. */
export function SaveProblem({ info, onInfo }: { info: RegisterInfo; onInfo: (info: RegisterInfo) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fail = (e: unknown) => notifications.show({ color: 'red', message: errorText(errorOf(e)) });
  const retry = () => call('register.save', {}).then(onInfo).catch(fail);
  const saveCopy = async () => {
    const path = await bridge.host.pickSavePath({
      title: t('shell.saveAsCopy'),
      defaultName: info.path.replace(/^.*[\\/]/, '').replace(/\.kansli$/i, '') + ' (copy).kansli',
      filters: [{ name: t('welcome.fileType'), extensions: ['kansli'] }],
    });
    if (path) await call('register.saveAsCopy', { path }).then(onInfo).catch(fail);
  };

  return (
    <>
      {info.saveState === 'failed' && info.saveError && (
        <Alert color="red" role="alert" data-testid="save-problem">
          <Text size="sm">
            {info.saveError.code === 'changed-on-disk'
              ? t('shell.changedOnDisk')
              : t('shell.saveFailed', { message: info.saveError.message })}
          </Text>
          <Group mt="xs">
            {info.saveError.code !== 'changed-on-disk' && (
              <Button size="xs" variant="white" onClick={retry}>
                {t('shell.retry')}
              </Button>
            )}
            <Button size="xs" variant="white" onClick={saveCopy}>
              {t('shell.saveAsCopy')}
            </Button>
          </Group>
        </Alert>
      )}
      {info.conflictCopies.length > 0 && (
        <Alert color="yellow" data-testid="conflict-copies">
          {t('shell.conflictCopies', { files: info.conflictCopies.map((p) => p.replace(/^.*[\\/]/, '')).join(', ') })}
        </Alert>
      )}
    </>
  );
}
