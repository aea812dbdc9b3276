import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { BulkOperationEntity } from '../../shared/contract';
import { call } from '../api';
import { errorText } from '../components/ErrorAlert';

/** Undoes one bulk operation and says so; a refusal (a later change) is said just as plainly. */
export async function undoOperation(op: Pick<BulkOperationEntity, 'id' | 'kind'>, t: TFunction, onDone: () => void) {
  notifications.hide(`bulk-${op.id}`);
  try {
    await call('bulk.undo', { operationId: op.id });
    notifications.show({ color: 'teal', message: t('bulk.undone', { action: t(`bulk.kinds.${op.kind}`) }), 'data-testid': 'bulk-undone' } as Parameters<typeof notifications.show>[0]);
    onDone();
  } catch (e) {
    notifications.show({ color: 'red', message: errorText(t, e, 'bulk') });
  }
}

/** "Done: N changed" with an undo button, kept up long enough to be noticed. */
export function notifyApplied(op: BulkOperationEntity, t: TFunction, onUndone: () => void) {
  notifications.show({
    id: `bulk-${op.id}`,
    color: 'teal',
    autoClose: 30_000,
    message: (
      <Group justify="space-between" wrap="nowrap" data-testid="bulk-done">
        <Text size="sm">{t('bulk.done', { action: t(`bulk.kinds.${op.kind}`), count: op.changed })}</Text>
        <Button size="compact-sm" variant="light" onClick={() => void undoOperation(op, t, onUndone)} data-testid="bulk-undo">
          {t('bulk.undo')}
        </Button>
      </Group>
    ),
  });
}
