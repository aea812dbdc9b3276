import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderPreview, ReminderRoundEntity } from '../../../shared/contract';
import { call } from '../../api';
import { useMoney } from '../money';
import { ConfirmDialog } from '../runs/ConfirmDialog';
import { useRunsErrors } from '../runs/errors';

const PREVIEW_LIMIT = 300;

/**
 * Who a round would remind (invoices still owed and due before its date) and what they owe, then
 * "Run reminder n…" with a confirmation that names the count, the amount and the fee.
 */
export function RoundPreview({ roundId, currency, onRan }: { roundId: number; currency: 'SEK' | 'NOK'; onRan: (round: ReminderRoundEntity) => void }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const errors = useRunsErrors();
  const [preview, setPreview] = useState<ReminderPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('dues.reminderPreview', { roundId, limit: PREVIEW_LIMIT }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setFailure(errors.error(e)),
    );
    return () => {
      live = false;
    };
  }, [roundId, errors]);

  const run = async () => {
    setBusy(true);
    try {
      onRan(await call('dues.runReminder', { roundId }));
    } catch (e) {
      setFailure(errors.error(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  if (failure)
    return (
      <Alert color="red" role="alert" data-testid="round-failure">
        {failure}
      </Alert>
    );
  if (!preview) return <Loader size="sm" />;
  const round = preview.round.round;
  return (
    <Stack gap="sm" data-testid="round-preview">
      <Text fw={600}>{preview.count === 0 ? t('duesRuns.reminders.nobody') : t('duesRuns.reminders.previewSummary', { count: preview.count, owed: money(preview.owedTotal) })}</Text>
      {preview.feeTotal > 0 && <Text size="sm">{t('duesRuns.reminders.feeSummary', { fees: money(preview.feeTotal) })}</Text>}
      {preview.rows.length > 0 && (
        <Table striped withTableBorder verticalSpacing={4} data-testid="round-preview-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duesRuns.reminders.invoice')}</Table.Th>
              <Table.Th>{t('duesRuns.member')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('duesRuns.total')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('duesRuns.reminders.paid')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('duesRuns.reminders.owed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.invoiceId}>
                <Table.Td>{r.invoiceNumber}</Table.Td>
                <Table.Td>
                  {r.member.firstName} {r.member.lastName} ({r.member.memberNumber})
                  {!r.printable && (
                    <Badge size="xs" variant="light" color="yellow" ml={6}>
                      {t('duesRuns.emailOnly')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(r.total)}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(r.paid)}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={600}>
                  {money(r.owed)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {preview.rows.length < preview.count && (
        <Text size="xs" c="dimmed">
          {t('duesRuns.more', { shown: preview.rows.length, count: preview.count })}
        </Text>
      )}
      <Group>
        <Button onClick={() => setConfirming(true)} disabled={preview.count === 0}>
          {t('duesRuns.reminders.run', { round })}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('duesRuns.reminders.confirmTitle', { round })}
        confirm={t('duesRuns.reminders.confirm', { count: preview.count })}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run()}
      >
        {t('duesRuns.reminders.confirmBody', { round, count: preview.count, owed: money(preview.owedTotal) })}
        {preview.round.fee > 0 && ` ${t('duesRuns.reminders.confirmFee', { fee: money(preview.round.fee) })}`}
      </ConfirmDialog>
    </Stack>
  );
}
