import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectDebitFileEntity, RegisterInfo } from '../../shared/contract';
import { call } from '../api';
import { useMoney } from '../dues/money';
import { useFormat } from '../member/format';

/** Every file sent to or read from the bank, newest first. */
export function FilesCard({ info, version }: { info: RegisterInfo; version: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney(info.currency);
  const [files, setFiles] = useState<DirectDebitFileEntity[]>([]);
  useEffect(() => {
    call('directDebit.files', {}).then(setFiles, () => setFiles([]));
  }, [version]);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('treasury.files.title')}</Title>
        {files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('treasury.files.empty')}
          </Text>
        ) : (
          <Table striped withTableBorder data-testid="dd-files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('treasury.files.at')}</Table.Th>
                <Table.Th />
                <Table.Th>{t('treasury.files.name')}</Table.Th>
                <Table.Th ta="right">{t('treasury.files.records')}</Table.Th>
                <Table.Th ta="right">{t('treasury.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {files.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.time(f.at)}</Table.Td>
                  <Table.Td>
                    {t(`treasury.files.direction.${f.direction}`)}: {t(`treasury.files.kinds.${f.kind}`)}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{f.fileName}</Table.Td>
                  <Table.Td ta="right">{f.records}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {f.amount ? money(f.amount) : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
