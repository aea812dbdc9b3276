import { Button, Group, Select, Text, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';
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

/** A text field of a payment form: its value as typed, and the (translated) refusal at it. */
type FieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'error'> & { value: string; onChange: (value: string) => void; error?: string };

/** The day the money came in (not after today: the core refuses that with 'date-in-future'). */
export function PaidOnField({ value, onChange, ...rest }: FieldProps) {
  const { t } = useTranslation();
  return (
    <TextInput label={t('dues.invoices.paidOn')} type="date" max={todayIso()} required name="paidOn" {...rest} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
  );
}

/** The amount as the treasurer writes it ("250", "1 250,50"); the form turns it into minor units with parseAmount. */
export function AmountField({ value, onChange, ...rest }: FieldProps) {
  const { t } = useTranslation();
  return (
    <TextInput label={t('dues.invoices.paymentAmount')} inputMode="decimal" required name="paymentAmount" {...rest} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
  );
}

/** How the money came in, from the register's country's ways. */
export function MethodField({ country, value, onChange, ...rest }: Omit<SelectProps, 'value' | 'onChange' | 'data'> & { country: RegisterCountry; value: PaymentMethod; onChange: (m: PaymentMethod) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('dues.invoices.method')}
      data={paymentMethods(country).map((m) => ({ value: m, label: t(`dues.paymentMethods.${m}`) }))}
      allowDeselect={false}
      name="paymentMethod"
      {...rest}
      value={value}
      onChange={(v) => v && onChange(v as PaymentMethod)}
    />
  );
}

/** The reference or message the payer gave (OCR/KID, a Swish message); at most 35 characters as the contract takes. */
export function ReferenceField({ value, onChange, ...rest }: FieldProps) {
  const { t } = useTranslation();
  return <TextInput label={t('dues.invoices.paymentReference')} maxLength={35} name="paymentReference" {...rest} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
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
  const [paidOn, setPaidOn] = useState(todayIso());
  const [amount, setAmount] = useState(invoice.owed > 0 ? amountInputText(invoice.owed, i18n.language) : '');
  const [method, setMethod] = useState<PaymentMethod>(paymentMethods(props.country)[0]);
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
        <PaidOnField
          value={paidOn}
          onChange={(v) => {
            setPaidOn(v);
            props.setError('paidOn', null);
          }}
          error={props.error('paidOn')}
          w={170}
        />
        <AmountField
          value={amount}
          onChange={(v) => {
            setAmount(v);
            props.setError('amount', null);
          }}
          error={props.error('amount')}
          w={150}
        />
        <MethodField country={props.country} value={method} onChange={setMethod} w={160} />
        <ReferenceField value={reference} onChange={setReference} w={180} />
        <Button type="submit" mt={25} loading={props.busy}>
          {t('dues.invoices.recordPayment')}
        </Button>
      </Group>
    </form>
  );
}
