import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceWithPayments, PaymentMethod, RegisterCountry } from '../../../shared/contract';
import { call } from '../../api';
import { todayIso } from '../../member/format';
import { amountInputText, parseAmount } from '../money';

/** The ways money comes in, per country: no autogiro in Norway, no AvtaleGiro or giro in Sweden. */
export function paymentMethods(country: RegisterCountry): PaymentMethod[] {
  return country === 'SE' ? ['bankgiro', 'plusgiro', 'swish', 'bank', 'cash', 'autogiro', 'other'] : ['bank', 'vipps', 'cash', 'avtalegiro', 'other'];
}

/**
 * Records a payment that came in on this invoice: when, how much (what is owed to start with),
 * how. `run` reports refusals (at the fields or as a notification) and reloads on success.
 */
export function PaymentForm(props: {
  invoice: InvoiceWithPayments;
  country: RegisterCountry;
  run: (work: () => Promise<unknown>, success: string) => Promise<boolean>;
  busy: boolean;
  error: (field: string) => string | undefined;
  setError: (field: string, code: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { invoice } = props;
  const methods = paymentMethods(props.country);
  const [paidOn, setPaidOn] = useState(todayIso());
  const [amount, setAmount] = useState(invoice.owed > 0 ? amountInputText(invoice.owed, i18n.language) : '');
  const [method, setMethod] = useState<PaymentMethod>(methods[0]);
  const [reference, setReference] = useState('');

  const submit = async () => {
    const minor = parseAmount(amount);
    if (minor === null) return props.setError('amount', 'amount-format');
    const ok = await props.run(
      () => call('dues.recordPayment', { invoiceId: invoice.id, paidOn, amount: minor, method, reference }),
      t('dues.invoices.paymentRecorded'),
    );
    if (ok) setReference('');
  };

  return (
    <form
      data-testid="payment-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Text fw={500} size="sm" mb={4}>{t('dues.invoices.newPayment')}</Text>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('dues.invoices.paidOn')}
          type="date"
          value={paidOn}
          max={todayIso()}
          onChange={(e) => {
            setPaidOn(e.currentTarget.value);
            props.setError('paidOn', null);
          }}
          error={props.error('paidOn')}
          required
          w={170}
          name="paidOn"
        />
        <TextInput
          label={t('dues.invoices.paymentAmount')}
          value={amount}
          onChange={(e) => {
            setAmount(e.currentTarget.value);
            props.setError('amount', null);
          }}
          error={props.error('amount')}
          inputMode="decimal"
          required
          w={150}
          name="paymentAmount"
        />
        <Select
          label={t('dues.invoices.method')}
          data={methods.map((m) => ({ value: m, label: t(`dues.paymentMethods.${m}`) }))}
          value={method}
          onChange={(v) => v && setMethod(v as PaymentMethod)}
          allowDeselect={false}
          w={160}
          name="paymentMethod"
        />
        <TextInput
          label={t('dues.invoices.paymentReference')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          maxLength={35}
          w={180}
          name="paymentReference"
        />
        <Button type="submit" mt={25} loading={props.busy}>
          {t('dues.invoices.recordPayment')}
        </Button>
      </Group>
    </form>
  );
}
