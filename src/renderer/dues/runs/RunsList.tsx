import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceRunEntity } from '../../../shared/contract';
import { useFormat } from '../../member/format';
import { LettersButton } from '../letters/LettersButton';
import { useMoney } from '../money';

/** The letters of one run: named by the year and, when a year has several runs, their numbers. */
export function useRunLetters() {
  const { t } = useTranslation();
  return (run: InvoiceRunEntity, several: boolean) => ({
    source: { kind: 'run' as const, runId: run.id },
    sourceKey: `run:${run.id}`,
    what:
      several && run.firstNumber
        ? t('duesRuns.letters.names.runNumbered', { year: run.year, first: run.firstNumber, last: run.lastNumber ?? run.firstNumber })
        : t('duesRuns.letters.names.run', { year: run.year }),
  });
}

/** The year's invoice runs with their totals, each with its letters. */
export function RunsList({ year, runs, currency }: { year: number; runs: InvoiceRunEntity[]; currency: 'SEK' | 'NOK' }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const { date } = useFormat();
  const letters = useRunLetters();
  return (
    <Stack gap="xs" component="section" aria-labelledby="runs-title">
      <Title order={3} id="runs-title">
        {t('duesRuns.runs.title')}
      </Title>
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('duesRuns.runs.empty', { year })}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing="xs" data-testid="runs-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duesRuns.runs.date')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('duesRuns.runs.invoices')}</Table.Th>
              <Table.Th>{t('duesRuns.runs.numbers')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('duesRuns.runs.total')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((run) => (
              <Table.Tr key={run.id} data-run={run.id}>
                <Table.Td>{date(run.invoiceDate)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{run.invoices}</Table.Td>
                <Table.Td>{run.firstNumber ? (run.firstNumber === run.lastNumber ? run.firstNumber : `${run.firstNumber}–${run.lastNumber}`) : '—'}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(run.total)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <LettersButton size="xs" variant="light" target={letters(run, runs.length > 1)} disabled={run.invoices === 0} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
