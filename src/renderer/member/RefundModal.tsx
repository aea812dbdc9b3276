import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod, RegisterInfo } from '../../shared/contract';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { paymentMethods } from '../dues/invoices/PaymentForm';
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
  const methods = paymentMethods(props.info.country);
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

  return (
    <form
      data-testid="refund-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('dues.account.refund.intro', { amount: props.money(props.credit) })}</Text>
        <TextInput label={t('dues.account.refund.date')} type="date" value={paidOn} max={todayIso()} onChange={(e) => setPaidOn(e.currentTarget.value)} name="refundDate" />
        <TextInput label={t('dues.account.refund.amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} inputMode="decimal" name="refundAmount" />
        <Select
          label={t('dues.account.refund.method')}
          data={methods.map((m) => ({ value: m, label: t(`dues.paymentMethods.${m}`) }))}
          value={method}
          onChange={(v) => v && setMethod(v as PaymentMethod)}
          allowDeselect={false}
          name="refundMethod"
        />
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
