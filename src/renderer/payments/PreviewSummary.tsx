import { Alert, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BankFilePreview, BankFileTotals } from '../../shared/contract';
import type { BankFileFormat } from '../../shared/contract/payments';
import { formatNorwegianAccount } from '../../shared/nordic/kid';
import { formatBankgiro } from '../../shared/nordic/ocr';
import { useFormat } from '../member/format';
import { isCamt, outcomeText } from './labels';

/** The account the file is for, written as on the settings screen: 5402-9681, 1234.56.78903 (an IBAN as it came). */
function payeeText(format: BankFileFormat, payee: string): string {
  if (format === 'bgmax') return formatBankgiro(payee);
  return format === 'nets-ocr' ? formatNorwegianAccount(payee) : payee;
}

function Figure({ label, totals, money, color, testId }: { label: string; totals: BankFileTotals; money: (m: number) => string; color?: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={700} size="lg" c={color}>{t('payments.summary.count', { count: totals.count, amount: money(totals.amount) })}</Text>
    </Card>
  );
}

/**
 * That the file's own totals were checked, in the file's own terms. camt's totals count every
 * credit entry, the ones the bank has not booked yet too (left out of the import), so those are
 * said here as part of what was checked; the other formats' totals are exactly what is imported.
 */
function ControlLine({ preview, money }: { preview: BankFilePreview; money: (m: number) => string }) {
  const { t } = useTranslation();
  const control = preview.control!;
  const camt = isCamt(preview.format);
  return (
    <Alert color="teal" title={t('payments.checked')} data-testid="payments-checked">
      <Text size="sm">
        {t('payments.checkedLine', {
          items: t(`payments.checkedItems.${camt ? 'entries' : 'transactions'}`, { count: control.count }),
          amount: money(control.total),
          sections: t(`payments.checkedSections.${preview.format}`, { count: control.sections }),
        })}
      </Text>
      {camt && preview.leftOut.pending > 0 && <Text size="sm">{t('payments.checkedPending', { count: preview.leftOut.pending })}</Text>}
    </Alert>
  );
}

/** What the file is, that its own totals were checked, and what importing it will do. */
export function PreviewSummary({ preview, money }: { preview: BankFilePreview; money: (m: number) => string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // Not yet booked entries are told about with the totals that count them (ControlLine) when there are totals.
  const pendingApart = !(preview.control && isCamt(preview.format));
  const { outgoing, reversals, pending } = preview.leftOut;
  return (
    <Stack gap="md" data-testid="payments-preview">
      <Group gap="xl">
        <Text><b>{t('payments.file')}:</b> {preview.fileName}</Text>
        <Text data-testid="payments-format"><b>{t('payments.fileType')}:</b> {t(`payments.formats.${preview.format}`)}</Text>
        {preview.payee && <Text><b>{t('payments.payee')}:</b> {payeeText(preview.format, preview.payee)}</Text>}
      </Group>
      {preview.control ? (
        <ControlLine preview={preview} money={money} />
      ) : (
        <Alert color="yellow">{t('payments.noTotals')}</Alert>
      )}
      {(outgoing > 0 || reversals > 0 || (pendingApart && pending > 0)) && (
        <Stack gap={2} data-testid="payments-left-out">
          {outgoing > 0 && <Text c="dimmed">{t(isCamt(preview.format) ? 'payments.skippedEntries' : 'payments.skipped', { count: outgoing })}</Text>}
          {reversals > 0 && <Text c="orange">{t('payments.reversals', { count: reversals })}</Text>}
          {pendingApart && pending > 0 && <Text c="dimmed">{t('payments.pending', { count: pending })}</Text>}
        </Stack>
      )}
      {preview.alreadyImported && (
        <Alert color="red" role="alert">{t('payments.alreadyImported', { date: fmt.time(preview.alreadyImported.at), name: preview.alreadyImported.fileName })}</Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label={t('payments.summary.matched')} totals={preview.matched} money={money} color="teal" testId="payments-matched" />
        <Figure label={t('payments.summary.review')} totals={preview.review} money={money} color={preview.review.count ? 'orange' : undefined} testId="payments-review" />
        <Figure label={t('payments.summary.duplicates')} totals={preview.duplicates} money={money} testId="payments-duplicates" />
      </SimpleGrid>
      {preview.credit > 0 && <Text>{t('payments.summary.credit')}: <b>{money(preview.credit)}</b></Text>}
      <ScrollArea.Autosize mah={420} type="auto">
        <Table striped withTableBorder data-testid="payments-preview-table">
          <Table.Caption>{t('payments.table.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments.table.line')}</Table.Th>
              <Table.Th>{t('payments.table.date')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('payments.table.amount')}</Table.Th>
              <Table.Th>{t('payments.table.payer')}</Table.Th>
              <Table.Th>{t('payments.table.reference')}</Table.Th>
              <Table.Th>{t('payments.table.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.line} data-status={r.status}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(r.paidOn)}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{r.currency === preview.currency ? money(r.amount) : `${(r.amount / 100).toFixed(2)} ${r.currency}`}</Table.Td>
                <Table.Td>{r.payerName ?? ''}</Table.Td>
                <Table.Td>{[r.references.join(' '), r.message].filter(Boolean).join(' · ')}</Table.Td>
                <Table.Td>{outcomeText(t, r, money)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
