import { Badge, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceRunPreview } from '../../../shared/contract';
import { useFormat } from '../../member/format';
import { useMoney } from '../money';

/** Who would get an invoice: the addressee (and whom a household invoice also covers), each line, the total. */
export function PreviewInvoices({ preview }: { preview: InvoiceRunPreview }) {
  const { t } = useTranslation();
  const money = useMoney(preview.currency);
  const { date } = useFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="run-invoices-title">
      <Title order={4} id="run-invoices-title">
        {t('duesRuns.run.invoicesTitle')}
      </Title>
      {preview.invoices.length === 0 ? (
        <Text size="sm">{t('duesRuns.run.noInvoices')}</Text>
      ) : (
        <Table striped withTableBorder verticalSpacing="xs" data-testid="run-preview-invoices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duesRuns.member')}</Table.Th>
              <Table.Th>{t('duesRuns.run.lines')}</Table.Th>
              <Table.Th>{t('duesRuns.dueOn')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('duesRuns.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.invoices.map((inv) => {
              const others = inv.covers.filter((c) => c.memberId !== inv.member.memberId);
              return (
                <Table.Tr key={inv.member.memberId} data-member={inv.member.memberNumber}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {inv.member.firstName} {inv.member.lastName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('duesRuns.memberNo', { number: inv.member.memberNumber })}
                      {others.length > 0 && ` · + ${others.map((o) => `${o.firstName} ${o.lastName}`).join(', ')}`}
                    </Text>
                    {!inv.printable && (
                      <Tooltip label={t('duesRuns.emailOnlyHelp')} multiline w={260}>
                        <Badge size="sm" variant="light" color="yellow" mt={4} tabIndex={0}>
                          {t('duesRuns.emailOnly')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {inv.lines.map((l, i) => (
                      <Text size="sm" key={i}>
                        {l.description} — {money(l.amount)}
                      </Text>
                    ))}
                    {inv.creditUsed ? <Text size="sm" c="teal">{t('duesRuns.creditUsed', { amount: money(inv.creditUsed) })}</Text> : null}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(inv.dueOn)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={600}>
                    {money(inv.total)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {preview.invoices.length < preview.invoiceCount && (
        <Text size="xs" c="dimmed">
          {t('duesRuns.more', { shown: preview.invoices.length, count: preview.invoiceCount })}
        </Text>
      )}
    </Stack>
  );
}
