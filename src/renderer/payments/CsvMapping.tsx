import { Button, Group, NumberInput, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CSV_PAYMENT_FIELDS, PAYMENT_METHODS, type BankFileInspection, type CsvMapping, type CsvPaymentField, type PaymentMethod } from '../../shared/contract';

export type CsvColumns = Record<CsvPaymentField, number | null>;

/** A CSV report's columns: which holds the date, the amount, the reference …, and how the money came. */
export function CsvMappingForm({
  info,
  columns,
  method,
  busy,
  onColumns,
  onMethod,
  onHeaderRow,
  onShow,
}: {
  info: NonNullable<BankFileInspection['csv']>;
  columns: CsvColumns;
  method: PaymentMethod;
  busy: boolean;
  onColumns: (c: CsvColumns) => void;
  onMethod: (m: PaymentMethod) => void;
  onHeaderRow: (row: number) => void;
  onShow: (csv: CsvMapping) => void;
}) {
  const { t } = useTranslation();
  const options = [{ value: '', label: t('payments.csv.none') }, ...info.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }))];
  return (
    <Stack gap="md" data-testid="payments-csv">
      <Title order={3}>{t('payments.csv.title')}</Title>
      <Text c="dimmed">{t('payments.csv.help')}</Text>
      <NumberInput label={t('payments.csv.headerRow')} value={info.headerRow} min={1} max={50} w={260} onChange={(v) => typeof v === 'number' && v >= 1 && onHeaderRow(v)} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {CSV_PAYMENT_FIELDS.map((f) => (
          <Select
            key={f}
            label={t(`payments.csvFields.${f}`)}
            data={options}
            value={columns[f] === null ? '' : String(columns[f])}
            allowDeselect={false}
            withAsterisk={f === 'date' || f === 'amount'}
            onChange={(v) => onColumns({ ...columns, [f]: v ? Number(v) : null })}
          />
        ))}
        <Select
          label={t('payments.csv.method')}
          data={PAYMENT_METHODS.filter((m) => m !== 'credit').map((m) => ({ value: m, label: t(`payments.methods.${m}`) }))}
          value={method}
          allowDeselect={false}
          onChange={(v) => v && onMethod(v as PaymentMethod)}
        />
      </SimpleGrid>
      <ScrollArea type="auto">
        <Table withTableBorder withColumnBorders striped>
          <Table.Caption>{t('payments.csv.previewCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>{info.headers.map((h, i) => <Table.Th key={i}>{h}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {info.preview.map((row, r) => (
              <Table.Tr key={r}>{row.map((c, i) => <Table.Td key={i}>{c}</Table.Td>)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group>
        <Button
          onClick={() => onShow({ headerRow: info.headerRow, encoding: info.encoding ?? undefined, delimiter: info.delimiter ?? undefined, columns, method })}
          disabled={columns.date === null || columns.amount === null}
          loading={busy}
        >
          {t('payments.csv.show')}
        </Button>
      </Group>
    </Stack>
  );
}
