import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditsReport, PaymentsReport, ReceivablesReport, RegisterInfo, ReportChoice } from '../../shared/contract';
import { call } from '../api';
import { todayIso } from '../bulk/today';
import { useErrorText } from '../components/ErrorAlert';
import { StatusBadge } from '../dues/invoices/StatusBadge';
import { useMoney } from '../dues/money';
import { useDuesYear, validYear } from '../dues/runs/useDuesYear';
import { YearField } from '../dues/runs/YearField';
import { useFormat } from '../member/format';
import { pickSavePath } from './files';
import { SavedFile } from '../components/SavedFile';
import { Failure } from './Failure';
import { PanelHeader } from '../components/PanelHeader';

type Kind = ReportChoice['report'];
type Shown = { kind: 'receivables'; r: ReceivablesReport } | { kind: 'payments'; r: PaymentsReport } | { kind: 'credits'; r: CreditsReport };

/** Long lists show their first rows on screen; the saved file holds them all. */
const MAX_ROWS = 500;

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** The treasurer's reports: pick one (and its year or period), look at it, save it as CSV or PDF. */
export function ReportsPanel({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney(info.currency);
  const errorText = useErrorText();
  const [kind, setKind] = useState<Kind>('receivables');
  const [year, setYear] = useDuesYear(info.path);
  const [from, setFrom] = useState(() => `${new Date().getFullYear()}-01-01`);
  const [to, setTo] = useState(todayIso);
  const [shown, setShown] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ text: string; path: string } | null>(null);

  const choice = (): ReportChoice => (kind === 'receivables' ? { report: kind, year } : kind === 'payments' ? { report: kind, from, to } : { report: kind });
  const reset = () => {
    setShown(null);
    setSaved(null);
    setFailure(null);
  };

  const show = async () => {
    setFailure(null);
    setSaved(null);
    try {
      if (kind === 'receivables') setShown({ kind, r: await call('reports.receivables', { year }) });
      else if (kind === 'payments') setShown({ kind, r: await call('reports.payments', { from, to }) });
      else setShown({ kind, r: await call('reports.credits', {}) });
    } catch (err) {
      setShown(null);
      setFailure(errorText(err, 'treasury'));
    }
  };

  const save = async (format: 'csv' | 'pdf') => {
    setFailure(null);
    setSaved(null);
    const name = `${t(`treasury.reports.kinds.${kind}`)}${kind === 'receivables' ? ` ${year}` : ''}`;
    const path = await pickSavePath(t, name, format, format.toUpperCase());
    if (!path) return;
    try {
      const r = await call('reports.export', { choice: choice(), format, path });
      setSaved({ text: t('treasury.reports.exported', { path: r.path }), path: r.path });
    } catch (err) {
      setFailure(errorText(err, 'treasury'));
    }
  };

  const name = (m: { memberNumber: number; firstName: string; lastName: string }) => `${m.memberNumber} ${m.firstName} ${m.lastName}`;
  const ready = kind !== 'receivables' || validYear(year);
  const cut = (n: number) =>
    n > MAX_ROWS && (
      <Text size="sm" c="dimmed">
        {t('treasury.reports.shownOf', { shown: MAX_ROWS, count: n })}
      </Text>
    );

  return (
    <Stack gap="lg" p="md" maw={1100}>
      <PanelHeader title={t('treasury.reports.title')} intro={t('treasury.reports.intro')} />
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void show();
          }}
          aria-label={t('treasury.reports.title')}
        >
          <Stack gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="report-kind-label">
                {t('treasury.reports.which')}
              </Text>
              <SegmentedControl
                aria-labelledby="report-kind-label"
                value={kind}
                onChange={(v) => {
                  setKind(v as Kind);
                  reset();
                }}
                data={(['receivables', 'payments', 'credits'] as const).map((k) => ({ value: k, label: t(`treasury.reports.kinds.${k}`) }))}
                fullWidth
              />
            </Stack>
            <Group align="end" gap="md">
              {kind === 'receivables' && (
                <YearField
                  year={year}
                  onYear={(y) => {
                    setYear(y);
                    reset();
                  }}
                />
              )}
              {kind === 'payments' && (
                <>
                  <TextInput type="date" label={t('treasury.reports.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={190} required />
                  <TextInput type="date" label={t('treasury.reports.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={190} required />
                </>
              )}
              <Button type="submit" disabled={!ready}>
                {t('treasury.reports.show')}
              </Button>
              <Button variant="light" onClick={() => void save('csv')} disabled={!ready}>
                {t('treasury.reports.exportCsv')}
              </Button>
              <Button variant="light" onClick={() => void save('pdf')} disabled={!ready}>
                {t('treasury.reports.exportPdf')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {saved && <SavedFile text={saved.text} path={saved.path} testId="report-saved" />}
      <Failure text={failure} />

      {shown?.kind === 'receivables' && (
        <Stack gap="sm" data-testid="report-receivables">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label={t('treasury.reports.totals.invoiced')} value={money(shown.r.totals.invoiced)} testId="total-invoiced" />
            <Stat label={t('treasury.reports.totals.paid')} value={money(shown.r.totals.paid)} testId="total-paid" />
            <Stat label={t('treasury.reports.totals.outstanding')} value={money(shown.r.totals.outstanding)} testId="total-outstanding" />
            <Stat label={t('treasury.reports.totals.overpaid')} value={money(shown.r.totals.overpaid)} />
            <Stat label={t('treasury.reports.totals.credited')} value={money(shown.r.totals.credited)} />
            <Stat label={t('treasury.reports.totals.writtenOff')} value={money(shown.r.totals.writtenOff)} />
            <Stat label={t('treasury.reports.totals.carried')} value={money(shown.r.totals.carried)} />
          </SimpleGrid>
          {shown.r.rows.length === 0 ? (
            <Text c="dimmed">{t('treasury.reports.empty')}</Text>
          ) : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('treasury.reports.columns.number')}</Table.Th>
                  <Table.Th>{t('treasury.reports.columns.member')}</Table.Th>
                  <Table.Th>{t('treasury.reports.columns.dueOn')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.reports.columns.total')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.reports.columns.paid')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.reports.columns.owed')}</Table.Th>
                  <Table.Th>{t('treasury.reports.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.r.rows.slice(0, MAX_ROWS).map((x) => (
                  <Table.Tr key={x.invoiceId}>
                    <Table.Td>{x.number}</Table.Td>
                    <Table.Td>
                      {name(x.member)}
                      {x.directDebit && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          · {t(`dues.directDebit.${x.directDebit}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(x.dueOn)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(x.total)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(x.paid)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(x.owed)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={x.status} reminders={Array.from({ length: x.reminders }, (_, i) => i + 1)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {cut(shown.r.rows.length)}
        </Stack>
      )}

      {shown?.kind === 'payments' && (
        <Stack gap="sm" data-testid="report-payments">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label={t('treasury.reports.totals.count')} value={String(shown.r.count)} />
            <Stat label={t('treasury.reports.totals.total')} value={money(shown.r.total)} testId="payments-total" />
            {shown.r.methods.map((m) => (
              <Stat key={m.method} label={`${t(`dues.paymentMethods.${m.method}`)} (${m.count})`} value={money(m.amount)} />
            ))}
          </SimpleGrid>
          {shown.r.days.length === 0 ? (
            <Text c="dimmed">{t('treasury.reports.empty')}</Text>
          ) : (
            <Table striped withTableBorder maw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('treasury.reports.columns.date')}</Table.Th>
                  <Table.Th>{t('treasury.reports.columns.method')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.reports.columns.count')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.r.days.slice(0, MAX_ROWS).map((d) => (
                  <Table.Tr key={`${d.date}-${d.method}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(d.date)}</Table.Td>
                    <Table.Td>{t(`dues.paymentMethods.${d.method}`)}</Table.Td>
                    <Table.Td ta="right">{d.count}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(d.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {cut(shown.r.days.length)}
        </Stack>
      )}

      {shown?.kind === 'credits' && (
        <Stack gap="sm" data-testid="report-credits">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label={t('treasury.reports.totals.total')} value={money(shown.r.total)} testId="credits-total" />
          </SimpleGrid>
          {shown.r.rows.length === 0 ? (
            <Text c="dimmed">{t('treasury.reports.empty')}</Text>
          ) : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('treasury.reports.columns.member')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.reports.columns.credit')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.reports.columns.overpaid')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.reports.columns.creditedPaid')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.reports.columns.onAccount')}</Table.Th>
                  <Table.Th ta="right">{t('treasury.reports.columns.owedOther')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.r.rows.slice(0, MAX_ROWS).map((x) => (
                  <Table.Tr key={x.member.memberId}>
                    <Table.Td>{name(x.member)}</Table.Td>
                    <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>{money(x.credit)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(x.overpaid)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(x.creditedPaid)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(x.onAccount)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(x.owed)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {cut(shown.r.rows.length)}
        </Stack>
      )}
    </Stack>
  );
}
