import { Alert, Button, Group, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpRow, RegisterInfo } from '../../shared/contract';
import { call } from '../api';
import { FollowUpTableRow } from './FollowUpTableRow';
import { useErrorText } from '../components/ErrorAlert';
import { useOpenMember } from './useOpenMember';

/** Follow-ups due today or earlier, across all members, oldest first. */
export function FollowUpsPage({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [rows, setRows] = useState<FollowUpRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const load = useCallback(() => {
    call('contactLog.followUpsDue', {})
      .then((r) => {
        setRows(r);
        setError(null);
      })
      .catch((e) => setError(errorText(e, 'followups')));
  }, [errorText]);
  useEffect(load, [load]);
  const { open, drawer } = useOpenMember(info, load);

  const markDone = async (row: FollowUpRow) => {
    setBusyId(row.id);
    try {
      await call('contactLog.completeFollowUp', { id: row.id });
      setRows((list) => list?.filter((r) => r.id !== row.id) ?? null);
      notifications.show({ color: 'teal', message: t('followups.done', { name: `${row.firstName} ${row.lastName}` }) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e, 'followups') });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('followups.title')}</Title>
          <Text c="dimmed" maw={720}>{t('followups.intro')}</Text>
        </div>
        <Group>
          {rows && rows.length > 0 && <Text c="dimmed" data-testid="followup-count">{t('followups.count', { count: rows.length })}</Text>}
          <Button variant="default" onClick={load}>{t('followups.refresh')}</Button>
        </Group>
      </Group>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {rows === null && !error && <Loader />}
      {rows?.length === 0 && (
        <Text c="dimmed" ta="center" mt="xl" data-testid="followups-empty">{t('followups.empty')}</Text>
      )}
      {rows && rows.length > 0 && (
        <ScrollArea style={{ flex: 1 }}>
          <Table striped verticalSpacing="sm" stickyHeader data-testid="followups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('followups.columns.due')}</Table.Th>
                <Table.Th>{t('followups.columns.member')}</Table.Th>
                <Table.Th>{t('followups.columns.contact')}</Table.Th>
                <Table.Th>{t('followups.columns.outcome')}</Table.Th>
                <Table.Th>{t('followups.columns.notes')}</Table.Th>
                <Table.Th>{t('followups.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <FollowUpTableRow key={r.id} row={r} country={info.country} busy={busyId === r.id} onOpen={open} onDone={(x) => void markDone(x)} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {drawer}
    </Stack>
  );
}
