import { Alert, Button, Center, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectDebitKind, DuesAccount, MemberPageEntity, PaymentEntity, RegisterInfo } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import { call, errorOf } from '../api';
import { ErrorAlert, useErrorText } from '../components/ErrorAlert';
import { InvoiceDetailModal } from '../dues/invoices/InvoiceDetail';
import { StatusBadge } from '../dues/invoices/StatusBadge';
import { useMoney } from '../dues/money';
import { useFormat } from './format';
import { MemberMandate } from '../treasury/MemberMandate';
import { MemberPaymentButton } from './MemberPaymentModal';
import { RefundButton } from './RefundModal';

/**
 * The member's dues: what is owed now, every invoice and payment, and whether the member pays by
 * direct debit (autogiro in Sweden, AvtaleGiro in Norway; such members get no invoice).
 */
export function MemberDuesTab({ page, info }: { page: MemberPageEntity; info: RegisterInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney(info.currency);
  const memberId = page.member.id;
  const [account, setAccount] = useState<DuesAccount | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const errorText = useErrorText();

  const load = useCallback(() => call('dues.account', { memberId }).then(setAccount, (e) => setError(errorOf(e))), [memberId]);
  useEffect(() => void load(), [load]);

  /** A payment on the member alone, recorded by mistake (one on an invoice is removed on the invoice). */
  const removePayment = (p: PaymentEntity) =>
    modals.openConfirmModal({
      title: t('dues.invoices.removePayment'),
      children: <Text size="sm">{t('dues.invoices.removePaymentConfirm', { amount: money(p.amount) })}</Text>,
      labels: { confirm: t('dues.invoices.removePayment'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('dues.removePayment', { id: p.id }).then(
          () => {
            notifications.show({ color: 'teal', message: t('dues.invoices.paymentRemoved') });
            void load();
          },
          (e) => notifications.show({ color: 'red', message: errorText(errorOf(e), 'dues') }),
        ),
    });

  if (error) return <ErrorAlert error={error} />;
  if (!account) return <Center h={120}><Loader /></Center>;

  return (
    <Stack gap="lg" data-testid="member-dues">
      <Balance balance={account.balance} money={money} />
      <Group gap="sm">
        <MemberPaymentButton memberId={memberId} invoices={account.invoices} info={info} money={money} onSaved={() => void load()} />
        {account.balance < 0 && <RefundButton memberId={memberId} credit={-account.balance} info={info} money={money} onSaved={() => void load()} />}
      </Group>
      <DirectDebitForm key={JSON.stringify(account.directDebit)} account={account} info={info} onSaved={() => void load()} />
      {info.country === 'SE' && <MemberMandate key={JSON.stringify(account.directDebit)} memberId={memberId} />}

      <Stack gap="xs">
        <Title order={5}>{t('dues.account.invoices')}</Title>
        {account.invoices.length === 0 ? (
          <Text size="sm" c="dimmed">{t('dues.account.noInvoices')}</Text>
        ) : (
          <Table withTableBorder striped data-testid="member-invoices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dues.invoices.number')}</Table.Th>
                <Table.Th>{t('dues.invoices.year')}</Table.Th>
                <Table.Th>{t('dues.invoices.dueOn')}</Table.Th>
                <Table.Th ta="right">{t('dues.invoices.total')}</Table.Th>
                <Table.Th ta="right">{t('dues.invoices.owed')}</Table.Th>
                <Table.Th>{t('dues.invoices.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {account.invoices.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => setOpenId(r.id)} aria-label={t('dues.invoices.open', { number: r.number })}>
                      {r.number}
                    </Button>
                  </Table.Td>
                  <Table.Td>{r.year}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(r.dueOn)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(r.total)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(r.owed)}</Table.Td>
                  <Table.Td><StatusBadge status={r.status} reminders={r.reminderRounds} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={5}>{t('dues.account.payments')}</Title>
        {account.payments.length === 0 ? (
          <Text size="sm" c="dimmed">{t('dues.invoices.noPayments')}</Text>
        ) : (
          <Table withTableBorder striped data-testid="member-payments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dues.invoices.paidOn')}</Table.Th>
                <Table.Th>{t('dues.invoices.method')}</Table.Th>
                <Table.Th>{t('dues.account.paidFor')}</Table.Th>
                <Table.Th ta="right">{t('dues.invoices.amount')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {account.payments.map((p) => (
                <Table.Tr key={p.id} data-testid="member-payment-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(p.paidOn)}</Table.Td>
                  <Table.Td>{t(`dues.paymentMethods.${p.method}`)}</Table.Td>
                  <Table.Td>
                    {p.invoiceNumber
                      ? t('dues.account.forInvoice', { number: p.invoiceNumber })
                      : p.year !== null
                        ? t('dues.account.forYear', { year: p.year })
                        : t('dues.account.onAccount')}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(p.amount)}</Table.Td>
                  <Table.Td ta="right">
                    {/* Credit moved by an invoice run comes in pairs (off one place, onto another): removing one half would make or lose money. */}
                    {p.method === 'credit' && (
                      <Text size="sm" c="dimmed" data-testid="credit-move-hint">
                        {t(p.amount > 0 ? 'dues.invoices.creditIn' : 'dues.invoices.creditOut')}
                      </Text>
                    )}
                    {p.invoiceId === null && p.method !== 'credit' && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => removePayment(p)}
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
      </Stack>

      <InvoiceDetailModal id={openId} country={info.country} onClose={() => setOpenId(null)} onOpen={setOpenId} onChanged={() => void load()} />
    </Stack>
  );
}

function Balance({ balance, money }: { balance: number; money: (minor: number) => string }) {
  const { t } = useTranslation();
  const [color, key] = balance > 0 ? ['orange', 'owes'] : balance < 0 ? ['blue', 'owed'] : ['teal', 'settled'];
  return (
    <Alert color={color} data-testid="member-balance" data-balance={balance}>
      <Text fw={500}>{t(`dues.account.balance.${key}`, { amount: money(Math.abs(balance)) })}</Text>
    </Alert>
  );
}

/** None, or the country's direct debit, with since when and the payer number the bank knows the member by. */
function DirectDebitForm({ account, info, onSaved }: { account: DuesAccount; info: RegisterInfo; onSaved: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dd = account.directDebit;
  const national: DirectDebitKind = info.country === 'NO' ? 'avtalegiro' : 'autogiro';
  // A kind of the other country (from an import or a changed register) is still shown as it is.
  const kinds: DirectDebitKind[] = dd.kind === 'none' || dd.kind === national ? ['none', national] : ['none', national, dd.kind];
  const kindName = t(`dues.directDebitWord.${national}`);
  const [kind, setKind] = useState<DirectDebitKind>(dd.kind);
  const [since, setSince] = useState(dd.since ?? '');
  const [payerNumber, setPayerNumber] = useState(dd.payerNumber ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const changed = kind !== dd.kind || since !== (dd.since ?? '') || payerNumber !== (dd.payerNumber ?? '');

  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await call('dues.setDirectDebit', { memberId: account.memberId, kind, since: kind === 'none' ? null : since || null, payerNumber: kind === 'none' ? null : payerNumber });
      notifications.show({ color: 'teal', message: kind === 'none' ? t('dues.account.directDebitSaved.none') : t('dues.account.directDebitSaved.on', { kind: t(`dues.directDebitWord.${kind}`) }) });
      onSaved();
    } catch (e) {
      setFailure(errorText(errorOf(e), 'dues'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      data-testid="direct-debit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="xs">
        <Title order={5}>{t('dues.account.directDebitHeading', { kind: t(`dues.directDebit.${national}`) })}</Title>
        <Text size="sm" c="dimmed">{t('dues.account.directDebitIntro', { kind: kindName })}</Text>
        <Group align="flex-start">
          <Select
            label={t('dues.account.directDebit', { kind: kindName })}
            data={kinds.map((k) => ({ value: k, label: t(`dues.directDebit.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as DirectDebitKind)}
            allowDeselect={false}
            w={280}
            name="directDebitKind"
          />
          {kind !== 'none' && (
            <>
              <TextInput label={t('dues.account.since')} type="date" value={since} onChange={(e) => setSince(e.currentTarget.value)} w={180} name="directDebitSince" />
              <TextInput
                label={t('dues.account.payerNumber')}
                value={payerNumber}
                onChange={(e) => setPayerNumber(e.currentTarget.value)}
                maxLength={35}
                w={220}
                name="directDebitPayer"
              />
            </>
          )}
          <Button type="submit" mt={25} loading={busy} disabled={!changed}>
            {t('dues.account.saveDirectDebit')}
          </Button>
        </Group>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
      </Stack>
    </form>
  );
}
