import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectDebitOrderEntity, OrdersPreview, RegisterInfo } from '../../shared/contract';
import { call } from '../api';
import { todayIso } from '../bulk/today';
import { useErrorText } from '../components/ErrorAlert';
import { useMoney } from '../dues/money';
import { useDuesYear, validYear } from '../dues/runs/useDuesYear';
import { YearField } from '../dues/runs/YearField';
import { useFormat } from '../member/format';
import { pickSavePath } from './files';
import { SavedFile } from '../components/SavedFile';
import { Failure } from './Failure';

const STATE_COLORS: Record<DirectDebitOrderEntity['status'], string> = { notSent: 'gray', sent: 'blue', paid: 'teal', failed: 'orange', refunded: 'red' };

/** Two weeks ahead: time to upload the file before the bank's deadline. */
function inTwoWeeks(): string {
  const d = new Date();
  d.setDate(d.getDate() + 14);
  return d.toLocaleDateString('sv-SE');
}

/**
 * The year's debits: who is debited and for how much (the fee schedule's amounts), who is not
 * and why, the file for the bank, and the year's orders with what the bank answered.
 */
export function OrdersCard({ info, version, onChanged }: { info: RegisterInfo; version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney(info.currency);
  const errorText = useErrorText();
  const se = info.country !== 'NO';
  const [year, setYear] = useDuesYear(info.path);
  const [debitOn, setDebitOn] = useState(inTwoWeeks);
  const [preview, setPreview] = useState<OrdersPreview | null>(null);
  const [orders, setOrders] = useState<DirectDebitOrderEntity[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ text: string; path: string } | null>(null);

  useEffect(() => {
    if (!validYear(year)) return;
    call('directDebit.orders', { year }).then(setOrders, () => setOrders([]));
  }, [year, version]);

  const showPreview = async () => {
    setFailure(null);
    setSaved(null);
    try {
      setPreview(await call('directDebit.ordersPreview', { year, debitOn }));
    } catch (err) {
      setPreview(null);
      setFailure(errorText(err, 'treasury'));
    }
  };

  const exportFile = async () => {
    setFailure(null);
    setSaved(null);
    const path = await pickSavePath(t, se ? `autogiro-betalningar-${year}` : `avtalegiro-krav-${year}`, 'txt', se ? 'Autogiro' : 'AvtaleGiro');
    if (!path) return;
    setBusy(true);
    try {
      const r = await call('directDebit.exportOrders', { year, debitOn, path });
      setSaved({ text: t('treasury.orders.exported', { count: r.count, total: money(r.total), path: r.path }), path: r.path });
      setPreview(null);
      onChanged();
    } catch (err) {
      setFailure(errorText(err, 'treasury'));
    } finally {
      setBusy(false);
    }
  };

  const canExport = preview !== null && preview.blocking.length === 0 && preview.count + preview.unsent > 0;
  const name = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t(se ? 'treasury.orders.titleSE' : 'treasury.orders.titleNO')}</Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t(se ? 'treasury.orders.introSE' : 'treasury.orders.introNO')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void showPreview();
          }}
          aria-label={t(se ? 'treasury.orders.titleSE' : 'treasury.orders.titleNO')}
        >
          <Group align="end" gap="md">
            <YearField
              year={year}
              onYear={(y) => {
                setYear(y);
                setPreview(null);
              }}
            />
            <TextInput
              type="date"
              label={t(se ? 'treasury.orders.debitOnSE' : 'treasury.orders.debitOnNO')}
              value={debitOn}
              min={todayIso()}
              onChange={(e) => {
                setDebitOn(e.currentTarget.value);
                setPreview(null);
              }}
              w={190}
              required
            />
            <Button type="submit" disabled={!validYear(year) || !debitOn}>
              {preview ? t('treasury.orders.refresh') : t('treasury.orders.preview')}
            </Button>
          </Group>
        </form>

        {preview && (
          <Stack gap="sm" data-testid="orders-preview">
            {preview.blocking.length > 0 && (
              <Alert color="orange" data-testid="orders-blocking">
                <List size="sm" spacing={4}>
                  {preview.blocking.map((b) => (
                    <List.Item key={`${b.field}-${b.code}`} data-code={b.code}>
                      <Text span fw={600} size="sm">
                        {t(`treasury.orders.fields.${b.field.split('.')[0]}`, { defaultValue: b.field })}
                      </Text>
                      : {errorText(b.code, 'treasury')}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
              <Group justify="space-between">
                <Stack gap={2}>
                  <Text fw={700} size="lg" data-testid="orders-summary">
                    {preview.count ? t('treasury.orders.summary', { count: preview.count, total: money(preview.total) }) : t('treasury.orders.noneToDebit')}
                  </Text>
                  {preview.unsent > 0 && <Text size="sm">{t('treasury.orders.unsent', { count: preview.unsent })}</Text>}
                </Stack>
                <Button size="md" onClick={() => void exportFile()} loading={busy} disabled={!canExport}>
                  {t(se ? 'treasury.orders.export' : 'treasury.orders.exportNO')}
                </Button>
              </Group>
            </Paper>
            {preview.orders.length > 0 && (
              <Table withTableBorder striped>
                <Table.Tbody>
                  {preview.orders.map((o) => (
                    <Table.Tr key={o.member.memberId}>
                      <Table.Td>{o.member.memberNumber}</Table.Td>
                      <Table.Td>{name(o.member)}</Table.Td>
                      <Table.Td c="dimmed">{o.lines.map((l) => l.description).join(' · ')}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {money(o.amount)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.excluded.length > 0 && (
              <Stack gap={4} data-testid="orders-excluded">
                <Text fw={600} size="sm">
                  {t('treasury.orders.excludedTitle', { count: preview.excluded.length })}
                </Text>
                {preview.excluded.map((e) => (
                  <Text size="sm" key={e.memberId}>
                    {e.memberNumber} {name(e)}: {t(`treasury.orders.excluded.${e.reason}`)}
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>
        )}
        {saved && <SavedFile text={saved.text} path={saved.path} testId="orders-done" />}
        <Failure text={failure} />

        <Title order={5} mt="sm">
          {t('treasury.orders.listTitle')}
        </Title>
        {orders.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('treasury.orders.listEmpty')}
          </Text>
        ) : (
          <Table striped withTableBorder data-testid="orders">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('treasury.member')}</Table.Th>
                <Table.Th>{t('treasury.invoice')}</Table.Th>
                <Table.Th>{t(se ? 'treasury.orders.referenceSE' : 'treasury.orders.referenceNO')}</Table.Th>
                <Table.Th>{t(se ? 'treasury.orders.debitOnSE' : 'treasury.orders.debitOnNO')}</Table.Th>
                <Table.Th ta="right">{t('treasury.amount')}</Table.Th>
                <Table.Th>{t('treasury.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((o) => (
                <Table.Tr key={o.id} data-status={o.status}>
                  <Table.Td>
                    {o.member.memberNumber} {name(o.member)}
                  </Table.Td>
                  <Table.Td>{o.invoiceNumber}</Table.Td>
                  <Table.Td>{o.payerReference}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(o.debitOn)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(o.amount)}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[o.status]} variant="light" style={{ textTransform: 'none' }}>
                      {t(`treasury.orders.states.${o.status}`)}
                    </Badge>
                    {o.resultCode && (
                      <Text size="xs" c="dimmed">
                        {t(`treasury.orders.resultCodes.${o.resultCode}`, { defaultValue: o.resultCode })}
                      </Text>
                    )}
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
