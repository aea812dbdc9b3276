import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoicePersonRef } from '../../shared/contract';
import { call } from '../api';
import { errorField, useErrorText } from '../components/ErrorAlert';
import { MemberPicker } from '../groups/MemberPicker';

/**
 * A new Autogiro mandate for a member: from a paper mandate (clearing, account, personal number)
 * or, with all three empty, accepting one the member gave in the internet bank. It goes out with
 * the next mandate file.
 */
export function RequestMandateModal(props: { opened: boolean; member: InvoicePersonRef | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const name = props.member ? `${props.member.firstName} ${props.member.lastName}` : null;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={name ? t('treasury.mandates.requestFor', { name }) : t('treasury.mandates.requestTitle')} size="lg" centered>
      {/* The modal mounts its content when opened, so every opening starts with an empty form. */}
      <RequestForm member={props.member} onClose={props.onClose} onDone={props.onDone} />
    </Modal>
  );
}

function RequestForm(props: { member: InvoicePersonRef | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [memberId, setMemberId] = useState<number | null>(props.member?.memberId ?? null);
  const [clearing, setClearing] = useState('');
  const [account, setAccount] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [issue, setIssue] = useState<{ field: string | null; text: string } | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (memberId === null) return;
    setBusy(true);
    setIssue(null);
    try {
      await call('directDebit.requestMandate', { memberId, clearing, account, idNumber });
      props.onDone();
    } catch (err) {
      setIssue({ field: errorField(err), text: errorText(err, 'treasury') });
    } finally {
      setBusy(false);
    }
  };
  const err = (f: string) => (issue?.field === f ? issue.text : null);

  return (
    <form onSubmit={submit} aria-label={t('treasury.mandates.requestTitle')}>
      <Stack gap="sm">
        {!props.member && <MemberPicker value={memberId} onChange={(id) => setMemberId(id)} error={err('memberId')} />}
        <Text size="sm" c="dimmed">
          {t('treasury.mandates.paperHelp')}
        </Text>
        <Group grow align="start">
          <TextInput label={t('treasury.mandates.clearing')} value={clearing} onChange={(e) => setClearing(e.currentTarget.value)} error={err('clearing')} inputMode="numeric" />
          <TextInput label={t('treasury.mandates.account')} value={account} onChange={(e) => setAccount(e.currentTarget.value)} error={err('account')} inputMode="numeric" />
        </Group>
        <TextInput label={t('treasury.mandates.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.currentTarget.value)} error={err('idNumber')} placeholder="19880320-0016" />
        {issue && !['clearing', 'account', 'idNumber', 'memberId'].includes(issue.field ?? '') && (
          <Text c="red" size="sm" role="alert">
            {issue.text}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={memberId === null}>
            {t('treasury.mandates.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
