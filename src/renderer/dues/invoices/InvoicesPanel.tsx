import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVOICE_STATUSES, type DuesYearSummary, type InvoiceRow, type RegisterInfo } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { call, errorOf } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../member/format';
import { useMoney } from '../money';
import { searchInvoices, statusesOf, type StatusFilter } from './filter';
import { InvoiceDetailModal } from './InvoiceDetail';
import { StatusBadge } from './StatusBadge';

/** Rows fetched per year: more than any association's invoices in a year, so search sees them all. */
const FETCH = 10_000;
/** Rows drawn at once; "show more" draws the next. */
const SHOWN = 200;

/** Invoices and credit notes: filtered by year and status, searched by name or number; one opens in a dialog. */
export function InvoicesPanel({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney(info.currency);
  const [years, setYears] = useState<DuesYearSummary[]>([]);
  const [year, setYear] = useState<string>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<InvoiceRow[]>([]);
  const [total, setTotal] = useState(0);
  const [shown, setShown] = useState(SHOWN);
  const [error, setError] = useState<ApiError | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    call('dues.years', {}).then((ys) => {
      setYears(ys);
      // The newest year with invoices is what the treasurer is working on.
      const latest = ys.find((y) => y.invoices > 0);
      if (latest) setYear((y) => (y === 'all' ? String(latest.year) : y));
    }, (e) => setError(errorOf(e)));
  }, []);

  useEffect(() => {
    let live = true;
    call('dues.invoices', { year: year === 'all' ? undefined : Number(year), status: statusesOf(status), limit: FETCH })
      .then((r) => {
        if (!live) return;
        setRows(r.rows);
        setTotal(r.total);
        setError(null);
      })
      .catch((e) => live && setError(errorOf(e)));
    return () => {
      live = false;
    };
  }, [year, status, version]);

  const found = searchInvoices(rows, search);
  const statusOptions = [
    { value: 'all', label: t('dues.invoices.allStatuses') },
    { value: 'owed', label: t('dues.invoices.owedStatuses') },
    ...INVOICE_STATUSES.map((s) => ({ value: s, label: t(`dues.status.${s}`) })),
  ];

  return (
    <Stack gap="md" pb="xl">
      <Stack gap={4}>
        <Title order={2}>{t('dues.invoices.title')}</Title>
        <Text c="dimmed">{t('dues.invoices.intro')}</Text>
      </Stack>
      <Group align="flex-end">
        <Select
          label={t('dues.invoices.year')}
          data={[{ value: 'all', label: t('dues.invoices.allYears') }, ...years.map((y) => ({ value: String(y.year), label: String(y.year) }))]}
          value={year}
          onChange={(v) => v && setYear(v)}
          allowDeselect={false}
          w={150}
          name="invoiceYear"
        />
        <Select
          label={t('dues.invoices.status')}
          data={statusOptions}
          value={status}
          onChange={(v) => v && setStatus(v as StatusFilter)}
          allowDeselect={false}
          w={260}
          name="invoiceStatus"
        />
        <TextInput
          label={t('dues.invoices.search')}
          placeholder={t('dues.invoices.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setShown(SHOWN);
          }}
          w={300}
          type="search"
          name="invoiceSearch"
        />
      </Group>
      <ErrorAlert error={error} />
      <Text size="sm" c="dimmed" data-testid="invoice-count">
        {t('dues.invoices.count', { count: found.length, total })}
      </Text>
      {found.length === 0 ? (
        <Text>{rows.length === 0 && year === 'all' && status === 'all' ? t('dues.invoices.empty') : t('dues.invoices.noMatch')}</Text>
      ) : (
        <Table striped highlightOnHover withTableBorder data-testid="invoice-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dues.invoices.number')}</Table.Th>
              <Table.Th>{t('dues.invoices.member')}</Table.Th>
              <Table.Th>{t('dues.invoices.issuedOn')}</Table.Th>
              <Table.Th>{t('dues.invoices.dueOn')}</Table.Th>
              <Table.Th ta="right">{t('dues.invoices.total')}</Table.Th>
              <Table.Th ta="right">{t('dues.invoices.owed')}</Table.Th>
              <Table.Th>{t('dues.invoices.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.slice(0, shown).map((r) => (
              <Table.Tr key={r.id} data-testid="invoice-row" onClick={() => setOpenId(r.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  {/* The number is the keyboard's way in; the whole row is the mouse's. */}
                  <Button variant="subtle" size="compact-sm" onClick={(e) => { e.stopPropagation(); setOpenId(r.id); }} aria-label={t('dues.invoices.open', { number: r.number })}>
                    {r.number}
                  </Button>
                </Table.Td>
                <Table.Td>
                  {r.member.firstName} {r.member.lastName}
                  <Text span c="dimmed" size="sm"> ({r.member.memberNumber})</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(r.issuedOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(r.dueOn)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(r.total)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(r.owed)}</Table.Td>
                <Table.Td><StatusBadge status={r.status} reminders={r.reminderRounds} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {found.length > shown && (
        <Button variant="default" onClick={() => setShown(shown + SHOWN)} w="fit-content">
          {t('dues.invoices.more')}
        </Button>
      )}
      <InvoiceDetailModal
        id={openId}
        country={info.country}
        onClose={() => setOpenId(null)}
        onOpen={setOpenId}
        onChanged={() => setVersion((v) => v + 1)}
      />
    </Stack>
  );
}
