import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceRow, PaymentMethod, RegisterInfo } from '../../shared/contract';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { useFieldIssues } from '../components/useFieldIssues';
import { AmountField, MethodField, PaidOnField, ReferenceField } from '../dues/invoices/PaymentForm';
import { amountInputText, parseAmount } from '../dues/money';
import { todayIso } from './format';

interface Props {
  memberId: number;
  /** The member's invoices (from dues.account): those still owed are offered instead. */
  invoices: InvoiceRow[];
  info: RegisterInfo;
  money: (minor: number) => string;
  onSaved: () => void;
}

/**
 * "Register payment" on the member's dues tab: money that came in without an invoice (cash at a
 * meeting, a Swish or Vipps payment without a reference, money kept on account), for a dues year
 * or as credit for later. If the member has an invoice still owed, the form says so and offers to
 * put the money on it instead: a payment for a year with its invoice left unpaid does not make
 * the year paid (src/core/dues/paid.ts).
 */
export function MemberPaymentButton(props: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)} data-testid="member-payment-open">
        {t('dues.account.payment.open')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('dues.account.payment.title')} size="lg">
        {open && <MemberPaymentForm {...props} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

/** What the money is for: an owed invoice (`invoice:<id>`), a dues year, or the member's account. */
type Purpose = `invoice:${number}` | 'year' | 'account';

/** Fields the form shows a refusal at; a refusal anywhere else goes in the alert below the form. */
const FIELDS = ['paidOn', 'amount', 'method', 'reference', 'note', 'year', 'invoiceId'];

function MemberPaymentForm(props: Props & { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const issues = useFieldIssues('dues');
  const owed = props.invoices.filter((i) => i.kind === 'invoice' && i.owed > 0);
  const thisYear = new Date().getFullYear();
  const years = useFeeYears(thisYear);
  const [paidOn, setPaidOn] = useState(todayIso());
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('year');
  const [year, setYear] = useState(String(thisYear));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const invoice = purpose.startsWith('invoice:') ? owed.find((i) => `invoice:${i.id}` === purpose) : undefined;

  /** The core's 'amount-not-positive' speaks of the fee schedule's "Free this year"; here it is just an amount. */
  const at = (field: string) => {
    const code = issues.issues.find((i) => i.field === field)?.code;
    return code === 'amount-not-positive' ? t('dues.account.payment.amountNotPositive') : issues.at(field);
  };
  /** A change to a field clears the refusal shown at it. */
  const edit =
    <T,>(set: (v: T) => void, ...fields: string[]) =>
    (v: T) => {
      set(v);
      fields.forEach(issues.clear);
      setFailure(null);
    };

  const useInvoice = (inv: InvoiceRow) => {
    setPurpose(`invoice:${inv.id}`);
    issues.clear('year');
    if (!amount.trim()) setAmount(amountInputText(inv.owed, i18n.language));
  };

  const save = async () => {
    setFailure(null);
    issues.set([]);
    const minor = parseAmount(amount);
    if (minor === null) return issues.put('amount', 'amount-format');
    if (minor <= 0) return issues.put('amount', 'amount-not-positive');
    setBusy(true);
    try {
      // On an invoice the member is named too: a household's invoice may be addressed to someone else.
      const target = invoice ? { invoiceId: invoice.id } : { year: purpose === 'year' ? Number(year) : null };
      await call('dues.recordPayment', { memberId: props.memberId, paidOn, amount: minor, method, reference, note, ...target });
      notifications.show({
        color: 'teal',
        message: invoice
          ? t('dues.account.payment.savedOnInvoice', { amount: props.money(minor), number: invoice.number })
          : t('dues.account.payment.saved', { amount: props.money(minor) }),
      });
      props.onSaved();
      props.onDone();
    } catch (e) {
      const err = errorOf(e);
      if (!issues.take(err)) return setFailure(errorText(err, 'dues'));
      const elsewhere = err.details?.fields?.find((f) => !FIELDS.includes(f.field));
      if (elsewhere) setFailure(issues.text(elsewhere.code));
    } finally {
      setBusy(false);
    }
  };

  const mobile = t(`dues.paymentMethods.${props.info.country === 'NO' ? 'vipps' : 'swish'}`);
  return (
    <form
      data-testid="member-payment-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('dues.account.payment.intro', { mobile })}</Text>
        {owed.length > 0 && !invoice && <OwedInvoiceAlert owed={owed} money={props.money} onUse={useInvoice} />}
        <Group align="flex-start" gap="sm" grow>
          <PaidOnField value={paidOn} onChange={edit(setPaidOn, 'paidOn')} error={at('paidOn')} />
          <AmountField value={amount} onChange={edit(setAmount, 'amount')} error={at('amount')} data-autofocus />
          <MethodField country={props.info.country} value={method} onChange={edit(setMethod, 'method')} error={at('method')} />
        </Group>

        <Radio.Group
          label={t('dues.account.payment.purpose')}
          value={purpose}
          onChange={edit((v: string) => setPurpose(v as Purpose), 'invoiceId', 'year')}
          error={at('invoiceId')}
          name="paymentPurpose"
        >
          <Stack gap="sm" mt="xs">
            {owed.map((inv) => (
              <Radio
                key={inv.id}
                value={`invoice:${inv.id}`}
                label={t('dues.account.payment.forInvoice', { number: inv.number, year: inv.year, owed: props.money(inv.owed) })}
              />
            ))}
            <Stack gap={6}>
              <Radio value="year" label={t('dues.account.payment.forYear')} description={t('dues.account.payment.forYearHint')} />
              {/* Under its choice, indented like the radio's text; choosing a year means the money is for that year. */}
              <Select
                label={t('dues.account.payment.year')}
                data={years.map(String)}
                value={year}
                onChange={edit(
                  (v: string | null) => {
                    if (!v) return;
                    setYear(v);
                    setPurpose('year');
                  },
                  'year',
                  'invoiceId',
                )}
                allowDeselect={false}
                error={at('year')}
                w={140}
                ml={32}
                size="sm"
                name="paymentYear"
              />
            </Stack>
            <Radio value="account" label={t('dues.account.payment.onAccount')} description={t('dues.account.payment.onAccountHint')} />
          </Stack>
        </Radio.Group>

        {/* Side by side, so the whole form fits a laptop screen without scrolling. */}
        <Group align="flex-start" gap="sm" grow>
          <ReferenceField value={reference} onChange={edit(setReference, 'reference')} error={at('reference')} />
          <Textarea
            label={t('dues.account.payment.note')}
            value={note}
            onChange={(e) => edit(setNote, 'note')(e.currentTarget.value)}
            error={at('note')}
            maxLength={1000}
            autosize
            minRows={1}
            maxRows={4}
            name="paymentNote"
          />
        </Group>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>{t('dues.account.payment.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('dues.account.payment.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "The member has an unpaid invoice …", with a button per invoice that puts the payment on it. */
function OwedInvoiceAlert({ owed, money, onUse }: { owed: InvoiceRow[]; money: (minor: number) => string; onUse: (inv: InvoiceRow) => void }) {
  const { t } = useTranslation();
  const [first] = owed;
  return (
    <Alert color="yellow" data-testid="member-payment-owed">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('dues.account.payment.openInvoice', { count: owed.length, number: first.number, year: first.year, owed: money(first.owed) })}
        </Text>
        <Text size="sm">{t('dues.account.payment.openInvoiceAdvice', { count: owed.length })}</Text>
        <Group gap="xs">
          {owed.map((inv) => (
            <Button key={inv.id} size="compact-sm" variant="white" onClick={() => onUse(inv)}>
              {t('dues.account.payment.useInvoice', { number: inv.number })}
            </Button>
          ))}
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * The dues years to choose from: those with a fee schedule, and this calendar year even without
 * one (cash taken at this year's meeting), newest first.
 */
function useFeeYears(thisYear: number): number[] {
  const [years, setYears] = useState<number[]>([thisYear]);
  useEffect(() => {
    let live = true;
    call('dues.years', {}).then(
      (all) => {
        if (!live) return;
        const withFees = new Set(all.filter((y) => y.hasFees).map((y) => y.year));
        withFees.add(thisYear);
        setYears([...withFees].sort((a, b) => b - a));
      },
      () => undefined, // this year alone is still a fine choice
    );
    return () => {
      live = false;
    };
  }, [thisYear]);
  return years;
}
