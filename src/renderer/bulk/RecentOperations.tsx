import { Button, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkOperationEntity } from '../../shared/contract';
import { call } from '../api';
import { localeOf } from '../i18n';
import { undoOperation } from './undo';

/** The latest bulk operations, the newest undoable in one step from here as well. */
export function RecentOperations({ refreshKey, onUndone }: { refreshKey: number; onUndone: () => void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [ops, setOps] = useState<BulkOperationEntity[]>([]);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!open) return;
    call('bulk.operations', { limit: 20 }).then(setOps).catch(() => setOps([]));
  }, [open, refreshKey, tick]);

  const when = (iso: string) => new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

  return (
    <>
      <Button variant="subtle" onClick={() => setOpen(true)} data-testid="bulk-recent">{t('bulk.recent')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('bulk.recent')} size="lg">
        {ops.length === 0 ? (
          <Text c="dimmed">{t('bulk.recentEmpty')}</Text>
        ) : (
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bulk.when')}</Table.Th><Table.Th>{t('bulk.action')}</Table.Th>
                <Table.Th>{t('bulk.changed')}</Table.Th><Table.Th>{t('bulk.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ops.map((op) => (
                <Table.Tr key={op.id} data-testid="bulk-operation">
                  <Table.Td>{when(op.createdAt)}</Table.Td>
                  <Table.Td>{t(`bulk.kinds.${op.kind}`)}</Table.Td>
                  <Table.Td>{op.changed.toLocaleString(localeOf(i18n.language))}</Table.Td>
                  <Table.Td>
                    {op.undoneAt ? (
                      <Text size="sm" c="dimmed">{t('bulk.wasUndone')}</Text>
                    ) : op.undoable ? (
                      <Button size="compact-sm" variant="light"
                        onClick={() => void undoOperation(op, t, () => { setTick((n) => n + 1); onUndone(); })}>
                        {t('bulk.undo')}
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed">{t('bulk.notUndoable')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Modal>
    </>
  );
}
