import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebitReportResult, RegisterInfo } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { useMoney } from '../dues/money';
import { useFormat } from '../member/format';
import { pickBankFile } from './files';
import { Failure } from './Failure';

/** The bank's answer to the debits: Bankgirot's payment specification, or Nets' OCR giro file. */
export function AnswersCard({ info, onChanged }: { info: RegisterInfo; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney(info.currency);
  const errorText = useErrorText();
  const se = info.country !== 'NO';
  const [result, setResult] = useState<DebitReportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const read = async () => {
    setFailure(null);
    setResult(null);
    const path = await pickBankFile(t);
    if (!path) return;
    setBusy(true);
    try {
      setResult(await call('directDebit.importReport', { path }));
      onChanged();
    } catch (err) {
      setFailure(errorText(err, 'treasury'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('treasury.answers.title')}</Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t(se ? 'treasury.answers.introSE' : 'treasury.answers.introNO')}
        </Text>
        <Group>
          <Button variant="light" onClick={() => void read()} loading={busy}>
            {t(se ? 'treasury.answers.import' : 'treasury.answers.importNO')}
          </Button>
        </Group>
        {result && (
          <Alert color="teal" role="status" data-testid="report-done">
            <Text size="sm">
              {t('treasury.answers.done', { paid: result.paid, total: money(result.paidTotal), failed: result.failed, refunded: result.refunded, already: result.alreadyBooked })}
            </Text>
            {result.unmatched.length > 0 && (
              <Stack gap={2} mt="xs">
                <Text size="sm">{t('treasury.answers.unmatched', { count: result.unmatched.length })}</Text>
                {result.unmatched.map((u) => (
                  <Text size="xs" key={u.line}>
                    {t('treasury.answers.line', { line: u.line })}: {u.reference} · {money(u.amount)} · {fmt.date(u.date)}
                  </Text>
                ))}
              </Stack>
            )}
          </Alert>
        )}
        <Failure text={failure} />
      </Stack>
    </Paper>
  );
}
