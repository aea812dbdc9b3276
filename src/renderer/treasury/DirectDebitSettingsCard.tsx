import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectDebitSettingsEntity } from '../../shared/contract';
import { formatNorwegianAccount } from '../../shared/nordic/kid';
import { formatBankgiro } from '../../shared/nordic/ocr';
import { call } from '../api';
import { errorField, useErrorText } from '../components/ErrorAlert';

/**
 * The bank's identifiers the files need: Bankgirot's customer number (Sweden); Nets' data sender
 * and AvtaleGiro agreement id and the KID layout (Norway). The payee's own bankgiro / account is
 * shown from the dues settings, where it is kept.
 */
export function DirectDebitSettingsCard({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [s, setS] = useState<DirectDebitSettingsEntity | null>(null);
  const [form, setForm] = useState({ bgcCustomerNumber: '', netsDataSender: '', avtaleGiroAgreementId: '', kidCustomerDigits: 7, bankNotifies: true });
  const [busy, setBusy] = useState(false);
  const [issue, setIssue] = useState<{ field: string | null; text: string } | null>(null);

  useEffect(() => {
    call('directDebit.settings', {}).then((v) => {
      setS(v);
      setForm({
        bgcCustomerNumber: v.bgcCustomerNumber ?? '',
        netsDataSender: v.netsDataSender ?? '',
        avtaleGiroAgreementId: v.avtaleGiroAgreementId ?? '',
        kidCustomerDigits: v.kidCustomerDigits,
        bankNotifies: v.bankNotifies,
      });
    }, () => setS(null));
  }, []);

  if (!s) return null;
  const se = s.country === 'SE';
  const payee = se ? s.bankgiro && formatBankgiro(s.bankgiro) : s.bankAccount && formatNorwegianAccount(s.bankAccount);
  const fieldError = (f: string) => (issue?.field === f ? issue.text : null);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setIssue(null);
    try {
      const v = await call('directDebit.saveSettings', form);
      setS(v);
      notifications.show({ color: 'teal', message: t('treasury.saved') });
      onSaved();
    } catch (err) {
      setIssue({ field: errorField(err), text: errorText(err, 'treasury') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={save} aria-label={t('treasury.settings.title')}>
        <Stack gap="sm">
          <Title order={4}>{t('treasury.settings.title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t(se ? 'treasury.settings.introSE' : 'treasury.settings.introNO')}
          </Text>
          <Group align="start" gap="lg">
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t(se ? 'treasury.settings.bankgiro' : 'treasury.settings.bankAccount')}
              </Text>
              <Text size="sm" c={payee ? undefined : 'red'} data-testid="dd-payee">
                {payee || t('treasury.settings.notSet')}
              </Text>
            </Stack>
            {se ? (
              <TextInput
                label={t('treasury.settings.bgcCustomerNumber')}
                description={t('treasury.settings.bgcHelp')}
                value={form.bgcCustomerNumber}
                onChange={(e) => setForm({ ...form, bgcCustomerNumber: e.currentTarget.value })}
                error={fieldError('bgcCustomerNumber')}
                inputMode="numeric"
                w={360}
              />
            ) : (
              <>
                <TextInput
                  label={t('treasury.settings.netsDataSender')}
                  description={t('treasury.settings.netsHelp')}
                  value={form.netsDataSender}
                  onChange={(e) => setForm({ ...form, netsDataSender: e.currentTarget.value })}
                  error={fieldError('netsDataSender')}
                  inputMode="numeric"
                  w={240}
                />
                <TextInput
                  label={t('treasury.settings.avtaleGiroAgreementId')}
                  description={t('treasury.settings.agreementHelp')}
                  value={form.avtaleGiroAgreementId}
                  onChange={(e) => setForm({ ...form, avtaleGiroAgreementId: e.currentTarget.value })}
                  error={fieldError('avtaleGiroAgreementId')}
                  inputMode="numeric"
                  w={240}
                />
              </>
            )}
          </Group>
          {!se && (
            <Stack gap="sm" align="flex-start">
              <NumberInput
                label={t('treasury.settings.kidCustomerDigits')}
                description={t('treasury.settings.kidHelp', { count: s.kidLength })}
                value={form.kidCustomerDigits}
                onChange={(v) => setForm({ ...form, kidCustomerDigits: Number(v) || 1 })}
                min={1}
                max={15}
                allowDecimal={false}
                error={fieldError('kidCustomerDigits')}
                // The box as wide as the Nets fields above; its label and help may run wider so the help reads in a few lines.
                maw={420}
                styles={{ wrapper: { width: 240 } }}
              />
              <Checkbox label={t('treasury.settings.bankNotifies')} checked={form.bankNotifies} onChange={(e) => setForm({ ...form, bankNotifies: e.currentTarget.checked })} />
            </Stack>
          )}
          {issue && !issue.field && (
            <Text c="red" size="sm" role="alert">
              {issue.text}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={busy} variant="light">
              {t('treasury.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
