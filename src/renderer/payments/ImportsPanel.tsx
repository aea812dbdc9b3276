import { Alert, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentImportEntity, RegisterInfo } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { useMoney } from '../dues/money';
import { useFormat } from '../member/format';

/** Every imported bank file with what became of its payments; one that nothing depends on can be undone. */
export function ImportsPanel({ info, onChanged }: { info: RegisterInfo; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const money = useMoney(info.currency);
  const fmt = useFormat();
  const [imports, setImports] = useState<PaymentImportEntity[] | null>(null);
  const [confirm, setConfirm] = useState<PaymentImportEntity | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(() => call('payments.imports', {}).then(setImports, (e) => setError(errorOf(e))), []);
  useEffect(() => {
    void load();
  }, [load]);

  const undo = async (imp: PaymentImportEntity) => {
    setConfirm(null);
    setBusy(true);
    setError(null);
    try {
      await call('payments.undoImport', { importId: imp.id });
      setDone(t('payments.imports.undoneDone', { name: imp.fileName }));
      await load();
      onChanged();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const booked = (i: PaymentImportEntity) => i.matched.count + i.assigned.count;
  return (
    <Stack gap="md" maw={1000}>
      {error && <Alert color="red" role="alert">{errorText(error, 'payments')}</Alert>}
      {done && <Alert color="teal" data-testid="payments-undone">{done}</Alert>}
      {imports?.length === 0 && <Text c="dimmed">{t('payments.imports.empty')}</Text>}
      {imports?.map((i) => (
        <Card key={i.id} withBorder padding="md" data-testid="payments-import-row" data-undone={i.undoneAt ? 'yes' : 'no'}>
          <Stack gap={4}>
            <Group justify="space-between">
              <Text fw={700} td={i.undoneAt ? 'line-through' : undefined}>{i.fileName}</Text>
              <Text c="dimmed" size="sm">{fmt.time(i.at)}</Text>
            </Group>
            <Text>{t(`payments.formats.${i.format}`)} · {t('payments.imports.total', { count: i.all.count, amount: money(i.all.amount) })}</Text>
            {i.undoneAt ? (
              <Text c="dimmed">{t('payments.imports.undone', { date: fmt.time(i.undoneAt) })}</Text>
            ) : (
              <Text size="sm" data-testid="payments-import-parts">
                {(['matched', 'review', 'assigned', 'left', 'duplicates'] as const)
                  .filter((k) => i[k].count > 0)
                  .map((k) => t(`payments.imports.part.${k}`, { count: i[k].count }))
                  .join(' · ')}
              </Text>
            )}
            {!i.undoneAt && i.undoBlocked && <Text c="orange" size="sm">{t(`payments.undoBlocked.${i.undoBlocked}`, { invoices: i.blockedBy.join(', ') })}</Text>}
            {!i.undoneAt && !i.undoBlocked && (
              <Group justify="flex-end">
                <Button variant="default" color="red" onClick={() => setConfirm(i)} loading={busy}>{t('payments.imports.undo')}</Button>
              </Group>
            )}
          </Stack>
        </Card>
      ))}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm ? t('payments.imports.undoTitle', { name: confirm.fileName }) : ''} centered>
        <Text>{confirm && t('payments.imports.undoText', { count: booked(confirm) })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirm(null)}>{t('common.cancel')}</Button>
          <Button color="red" onClick={() => confirm && undo(confirm)} data-autofocus>{t('payments.imports.undoConfirm')}</Button>
        </Group>
      </Modal>
    </Stack>
  );
}
