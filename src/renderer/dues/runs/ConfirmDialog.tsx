import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Are you sure?" for the steps that create or change many records at once (a run, a reminder
 * round, a strike-off): says what will happen with the numbers, and stays open while it happens.
 */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  confirm: string;
  busy: boolean;
  color?: string;
  onCancel: () => void;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title} centered size="md">
      <Stack gap="md">
        <Text component="div">{props.children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} disabled={props.busy}>
            {t('common.cancel')}
          </Button>
          <Button color={props.color} onClick={props.onConfirm} loading={props.busy} data-autofocus>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
