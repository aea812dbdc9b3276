import { Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuesLogEntry, RegisterInfo } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { call, errorOf } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../member/format';
import { useMoney } from '../money';

/** The dues history: runs, reminder rounds, strike-offs (and their undoing), credits and write-offs, newest first. */
export function DuesLogPanel({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney(info.currency);
  const [entries, setEntries] = useState<DuesLogEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    call('dues.log', { limit: 500 }).then(setEntries, (e) => setError(errorOf(e)));
  }, []);

  return (
    <Stack gap="md" pb="xl" component="section" aria-labelledby="dues-log-title">
      <Stack gap={4}>
        <Title order={2} id="dues-log-title">{t('dues.log.title')}</Title>
        <Text c="dimmed">{t('dues.log.intro')}</Text>
      </Stack>
      <ErrorAlert error={error} />
      {entries && entries.length === 0 && <Text>{t('dues.log.empty')}</Text>}
      {entries && entries.length > 0 && (
        <Table striped withTableBorder data-testid="dues-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dues.log.when')}</Table.Th>
              <Table.Th>{t('dues.log.what')}</Table.Th>
              <Table.Th>{t('dues.log.year')}</Table.Th>
              <Table.Th ta="right">{t('dues.log.count')}</Table.Th>
              <Table.Th ta="right">{t('dues.log.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={`${e.kind}-${e.refId}-${e.at}`} data-testid="dues-log-row" data-kind={e.kind}>
                {/* Some entries are dated by a day (a write-off's date), not a moment. */}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.at.length <= 10 ? fmt.date(e.at) : fmt.time(e.at)}</Table.Td>
                <Table.Td>{t(`dues.log.kinds.${e.kind}`, { label: e.label ?? '' })}</Table.Td>
                <Table.Td>{e.year}</Table.Td>
                <Table.Td ta="right">{t(`dues.log.counts.${e.kind === 'strikeOff' || e.kind === 'strikeOffUndone' ? 'members' : 'invoices'}`, { count: e.count })}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(e.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
