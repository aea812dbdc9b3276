import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendOutEntity } from '../../../shared/contract';
import { call } from '../../api';
import { useErrorText } from '../../components/ErrorAlert';
import { useFormat } from '../../member/format';
import { todayLocal } from '../dates';

/** "Mark as sent": each recipient of the exported files gets a contact-log entry; undoable. */
export function SentPanel(props: { send: SendOutEntity; dirty: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fmt = useFormat();
  const [on, setOn] = useState(todayLocal());
  const [busy, setBusy] = useState(false);
  const s = props.send;

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      notifications.show({ color: 'teal', message: await work() });
      props.onChanged();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e, 'communication') });
    } finally {
      setBusy(false);
    }
  };

  const markSent = () =>
    modals.openConfirmModal({
      title: t('communication.sent.confirmTitle'),
      children: <Text size="sm">{t('communication.sent.confirm', { date: fmt.date(on) })}</Text>,
      labels: { confirm: t('communication.sent.mark'), cancel: t('common.cancel') },
      onConfirm: () => void act(async () => t('communication.sent.done', { count: (await call('sendOuts.markSent', { id: s.id, on })).entries })),
    });

  const undo = () =>
    modals.openConfirmModal({
      title: t('communication.sent.undo'),
      children: <Text size="sm">{t('communication.sent.undoConfirm')}</Text>,
      labels: { confirm: t('communication.sent.undo'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void act(async () => t('communication.sent.undone', { count: (await call('sendOuts.undoSent', { id: s.id })).removed })),
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sent-title">
      <Stack gap="sm">
        <Title order={3} id="sent-title">
          {t('communication.sent.title')}
        </Title>
        {s.status === 'sent' ? (
          <>
            <Text data-testid="sent-on">{t('communication.sent.sentOn', { date: fmt.date(s.sentOn) })}</Text>
            <Group>
              <Button variant="default" color="red" onClick={undo} loading={busy}>
                {t('communication.sent.undo')}
              </Button>
            </Group>
          </>
        ) : s.exportedRoutes.length && !props.dirty ? (
          <>
            <Text size="sm">{t('communication.sent.intro')}</Text>
            <Group align="flex-end">
              <TextInput type="date" label={t('communication.sent.on')} value={on} max={todayLocal()} onChange={(e) => setOn(e.currentTarget.value)} w={200} />
              <Button onClick={markSent} loading={busy} data-testid="mark-sent">
                {t('communication.sent.mark')}
              </Button>
            </Group>
          </>
        ) : (
          <Text c="dimmed" size="sm">
            {t('communication.sent.exportFirst')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
