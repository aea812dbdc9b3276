import { Alert, Button, Center, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceWithPayments, RegisterCountry } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { formatRf } from '../../../shared/nordic/rf';
import { call, errorOf } from '../../api';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert';
import { useFormat } from '../../member/format';
import { useFieldIssues } from '../../components/useFieldIssues';
import { useMoney } from '../money';
import { PaymentForm } from './PaymentForm';
import { StatusBadge } from './StatusBadge';

/** One invoice or credit note in a dialog; `onOpen` moves to a related one (its credit note, the invoice it carried to). */
export function InvoiceDetailModal(props: { id: number | null; country: RegisterCountry; onClose: () => void; onChanged: () => void; onOpen: (id: number) => void }) {
  return (
    <Modal opened={props.id !== null} onClose={props.onClose} size="xl" title={null} withCloseButton={false} padding="lg">
      {props.id !== null && <InvoiceDetail key={props.id} {...props} id={props.id} />}
    </Modal>
  );
}

function InvoiceDetail(props: { id: number; country: RegisterCountry; onClose: () => void; onChanged: () => void; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fmt = useFormat();
  const [invoice, setInvoice] = useState<InvoiceWithPayments | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const issues = useFieldIssues('dues');
  const { id, onChanged } = props;

  const load = useCallback(() => call('dues.invoice', { id }).then(setInvoice, (e) => setLoadError(errorOf(e))), [id]);
  useEffect(() => void load(), [load]);

  /** One change: refusals at the fields or in a notification; on success reload here and in the list. */
  const run = async (work: () => Promise<unknown>, success: string): Promise<boolean> => {
    setBusy(true);
    issues.set([]);
    try {
      await work();
      notifications.show({ color: 'teal', message: success });
      await load();
      onChanged();
      return true;
    } catch (e) {
      const err = errorOf(e);
      if (!issues.take(err)) notifications.show({ color: 'red', message: errorText(err, 'dues') });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const money = useMoney(props.country === 'SE' ? 'SEK' : 'NOK');
  if (loadError) return <ErrorAlert error={loadError} />;
  if (!invoice) return <Center h={200}><Loader /></Center>;

  const isCredit = invoice.kind === 'creditNote';
  const creditable = !isCredit && !['credited', 'writtenOff', 'carried'].includes(invoice.status);

  /** Credit or write off, after a confirmation that says what it does; an optional note goes along. */
  const confirmAction = (action: 'credit' | 'writeOff') => {
    let note = '';
    modals.openConfirmModal({
      title: t(`dues.invoices.${action}Title`, { number: invoice.number }),
      children: (
        <Stack gap="sm">
          <Text size="sm">{t(`dues.invoices.${action}Confirm`, { amount: money(action === 'credit' ? invoice.total : invoice.owed) })}</Text>
          <Textarea label={t('dues.invoices.note')} autosize minRows={2} maxLength={1000} onChange={(e) => (note = e.currentTarget.value)} />
        </Stack>
      ),
      labels: { confirm: t(`dues.invoices.${action}`), cancel: t('common.cancel') },
      confirmProps: { color: action === 'credit' ? 'red' : 'orange' },
      onConfirm: () =>
        void run(
          () => call(action === 'credit' ? 'dues.credit' : 'dues.writeOff', { invoiceId: invoice.id, note }),
          t(`dues.invoices.${action}Done`, { number: invoice.number }),
        ),
    });
  };

  const removePayment = (paymentId: number, amount: number) =>
    modals.openConfirmModal({
      title: t('dues.invoices.removePayment'),
      children: <Text size="sm">{t('dues.invoices.removePaymentConfirm', { amount: money(amount) })}</Text>,
      labels: { confirm: t('dues.invoices.removePayment'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void run(() => call('dues.removePayment', { id: paymentId }), t('dues.invoices.paymentRemoved')),
    });

  const others = invoice.covers.filter((p) => p.memberId !== invoice.member.memberId);
  const reference = invoice.referenceKind === 'rf' ? formatRf(invoice.reference) : invoice.reference;

  return (
    <Stack gap="md" data-testid="invoice-detail">
      <Group justify="space-between" align="flex-start">
        <Group gap="sm" align="baseline">
          <Title order={3}>{t(isCredit ? 'dues.invoices.creditNoteTitle' : 'dues.invoices.invoiceTitle', { number: invoice.number })}</Title>
          <StatusBadge status={invoice.status} reminders={invoice.reminderRounds} />
        </Group>
        <Button variant="subtle" onClick={props.onClose}>{t('common.close')}</Button>
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Field label={t('dues.invoices.member')} value={`${invoice.member.firstName} ${invoice.member.lastName} (${invoice.member.memberNumber})`} />
        <Field label={t(isCredit ? 'dues.invoices.creditedOn' : 'dues.invoices.issuedOn')} value={fmt.date(invoice.issuedOn)} />
        {!isCredit && <Field label={t('dues.invoices.dueOn')} value={fmt.date(invoice.dueOn)} />}
        <Field label={t(`dues.invoices.referenceKinds.${invoice.referenceKind}`)} value={reference} />
      </SimpleGrid>
      {others.length > 0 && (
        <Text size="sm">{t('dues.invoices.alsoFor', { names: others.map((p) => `${p.firstName} ${p.lastName}`).join(', ') })}</Text>
      )}
      <Related invoice={invoice} onOpen={props.onOpen} />
      {invoice.note && <Text size="sm" c="dimmed">{t('dues.invoices.noteShown', { note: invoice.note })}</Text>}

      <Table withTableBorder data-testid="invoice-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dues.invoices.line')}</Table.Th>
            <Table.Th ta="right">{t('dues.invoices.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(l.amount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('dues.invoices.total')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{money(invoice.total)}</Table.Th>
          </Table.Tr>
          {!isCredit && (
            <>
              <Table.Tr>
                <Table.Td>{t('dues.invoices.paid')}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="invoice-paid">{money(invoice.paid)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('dues.invoices.owed')}</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="invoice-owed">{money(invoice.owed)}</Table.Th>
              </Table.Tr>
            </>
          )}
        </Table.Tfoot>
      </Table>

      {!isCredit && (
        <Stack gap="xs">
          <Title order={4}>{t('dues.invoices.payments')}</Title>
          {invoice.payments.length === 0 ? (
            <Text size="sm" c="dimmed">{t('dues.invoices.noPayments')}</Text>
          ) : (
            <Table withTableBorder data-testid="invoice-payments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dues.invoices.paidOn')}</Table.Th>
                  <Table.Th>{t('dues.invoices.method')}</Table.Th>
                  <Table.Th>{t('dues.invoices.reference')}</Table.Th>
                  <Table.Th ta="right">{t('dues.invoices.amount')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invoice.payments.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(p.paidOn)}</Table.Td>
                    <Table.Td>{t(`dues.paymentMethods.${p.method}`)}</Table.Td>
                    <Table.Td>{p.reference ?? ''}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(p.amount)}</Table.Td>
                    <Table.Td ta="right">
                      {/* Credit moved by the invoice run or a refund is one half of a pair; the core refuses to remove it alone. */}
                      {p.method === 'credit' ? (
                        <Text size="sm" c="dimmed" data-testid="credit-move-hint">
                          {t(p.amount > 0 ? 'dues.invoices.creditIn' : 'dues.invoices.creditOut')}
                        </Text>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => removePayment(p.id, p.amount)}
                          disabled={busy}
                          aria-label={t('dues.account.payment.removeLabel', { amount: money(p.amount), date: fmt.date(p.paidOn) })}
                        >
                          {t('dues.invoices.removePayment')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {/* Only while something is owed: a paid, credited or written-off invoice takes no more money. */}
          {invoice.owed > 0 && (
            <PaymentForm
              key={`${invoice.owed}-${invoice.payments.length}`}
              invoice={invoice}
              country={props.country}
              run={run}
              busy={busy}
              error={(f) => issues.at(f)}
              setError={(f, code) => issues.put(f, code)}
            />
          )}
        </Stack>
      )}

      {!isCredit && (creditable || invoice.owed > 0) && (
        <Group gap="sm" pt="xs">
          {creditable && (
            <Button variant="outline" color="red" onClick={() => confirmAction('credit')} disabled={busy}>
              {t('dues.invoices.creditEllipsis')}
            </Button>
          )}
          {invoice.owed > 0 && (
            <Button variant="outline" color="orange" onClick={() => confirmAction('writeOff')} disabled={busy}>
              {t('dues.invoices.writeOffEllipsis')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

/** What happened to it, with a way to open the other document. */
function Related({ invoice, onOpen }: { invoice: InvoiceWithPayments; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const link = (key: string, id: number) => (
    <Alert color="gray" p="xs">
      <Group gap="sm">
        <Text size="sm">{t(key, { date: fmt.date(invoice.writtenOffOn) })}</Text>
        <Button size="compact-sm" variant="light" onClick={() => onOpen(id)}>{t('dues.invoices.openRelated')}</Button>
      </Group>
    </Alert>
  );
  if (invoice.creditsInvoiceId !== null) return link('dues.invoices.creditsInvoice', invoice.creditsInvoiceId);
  if (invoice.creditedById !== null) return link('dues.invoices.creditedBy', invoice.creditedById);
  if (invoice.carriedToId !== null) return link('dues.invoices.carriedTo', invoice.carriedToId);
  if (invoice.writtenOffOn) return <Alert color="gray" p="xs">{t('dues.invoices.writtenOffOn', { date: fmt.date(invoice.writtenOffOn) })}</Alert>;
  return null;
}
