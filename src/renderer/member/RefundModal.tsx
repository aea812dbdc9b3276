import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod, RegisterInfo } from '../../shared/contract';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { AmountField, MethodField, PaidOnField } from '../dues/invoices/PaymentForm';
import { amountInputText, parseAmount } from '../dues/money';
import { todayIso } from './format';

/**
 * "Pay back…" on a member with credit: records money paid back (at most the credit; the core
 * refuses more with 'refund-exceeds-credit'). The whole credit is proposed to start with.
 */
export function RefundButton(props: { memberId: number; credit: number; info: RegisterInfo; money: (minor: number) => string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Group>
        <Button variant="light" onClick={() => setOpen(true)} data-testid="refund-open">
          {t('dues.account.refund.open')}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('dues.account.refund.title')}>
        {open && <RefundForm {...props} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function RefundForm(props: { memberId: number; credit: number; info: RegisterInfo; money: (minor: number) => string; onSaved: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [paidOn, setPaidOn] = useState(todayIso());
  const [amount, setAmount] = useState(amountInputText(props.credit, i18n.language));
  const [method, setMethod] = useState<PaymentMethod>(props.info.country === 'SE' ? 'swish' : 'bank');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const save = async () => {
    const minor = parseAmount(amount);
    if (minor === null) return setFailure(t('dues.errors.amount-format'));
    setBusy(true);
    setFailure(null);
    try {
      await call('dues.refund', { memberId: props.memberId, paidOn, amount: minor, method, note });
      notifications.show({ color: 'teal', message: t('dues.account.refund.saved', { amount: props.money(minor) }) });
      props.onSaved();
      props.onDone();
    } catch (e) {
      setFailure(errorText(errorOf(e), 'dues'));
    } finally {
      setBusy(false);
    }
  };

  // noValidate: the parts mark date and amount required, but refusals are the form's own words (amount-format, the core's codes), not the browser's.
  return (
    <form
      data-testid="refund-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('dues.account.refund.intro', { amount: props.money(props.credit) })}</Text>
        {/* The payment form's fields with the refund's own labels; MethodField offers the ways money moves, never 'credit'. */}
        <PaidOnField label={t('dues.account.refund.date')} value={paidOn} onChange={setPaidOn} name="refundDate" />
        <AmountField label={t('dues.account.refund.amount')} value={amount} onChange={setAmount} name="refundAmount" />
        <MethodField label={t('dues.account.refund.method')} country={props.info.country} value={method} onChange={setMethod} name="refundMethod" />
        <Textarea label={t('dues.account.refund.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} name="refundNote" />
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>{t('dues.account.refund.cancel')}</Button>
          <Button type="submit" loading={busy}>{t('dues.account.refund.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
