import { Alert, Button, Group, Paper, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOOK_ACCOUNT_KEYS, type BookAccount, type BookkeepingSettingsEntity, type RegisterCountry, type RegisterInfo, type SiePreview } from '../../shared/contract';
import { call } from '../api';
import { errorField, useErrorText } from '../components/ErrorAlert';
import { useMoney } from '../dues/money';
import { pickSavePath } from './files';
import { SavedFile } from '../components/SavedFile';
import { Failure } from './Failure';
import { bookedMethods } from './sie-methods';
import { PanelHeader } from '../components/PanelHeader';

function AccountRow({ label, value, onChange, error }: { label: string; value: BookAccount; onChange: (a: BookAccount) => void; error: (part: 'number' | 'name') => string | null }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td w={130}>
        <TextInput aria-label={`${label}: ${t('treasury.sie.number')}`} value={value.number} onChange={(e) => onChange({ ...value, number: e.currentTarget.value })} error={error('number')} inputMode="numeric" />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={`${label}: ${t('treasury.sie.accountName')}`} value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} error={error('name')} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The accounts the books use, the verification series and how verifications are grouped. */
function AccountsForm({ country, onSaved }: { country: RegisterCountry; onSaved: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [s, setS] = useState<BookkeepingSettingsEntity | null>(null);
  const [busy, setBusy] = useState(false);
  const [issue, setIssue] = useState<{ field: string | null; text: string } | null>(null);
  useEffect(() => {
    call('bookkeeping.settings', {}).then(setS, () => setS(null));
  }, []);
  if (!s) return null;
  const methods = bookedMethods(country);
  const err = (field: string) => (issue?.field === field ? issue.text : null);
  // A refusal at a field not on screen (a hidden method's account) is shown below the table instead.
  const shown = (field: string) => field === 'series' || BOOK_ACCOUNT_KEYS.some((k) => field.startsWith(`accounts.${k}.`)) || methods.some((m) => field.startsWith(`methodAccounts.${m}.`));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setIssue(null);
    try {
      setS(await call('bookkeeping.saveSettings', s));
      notifications.show({ color: 'teal', message: t('treasury.saved') });
      onSaved();
    } catch (x) {
      setIssue({ field: errorField(x), text: errorText(x, 'treasury') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={save} aria-label={t('treasury.sie.accountsTitle')}>
        <Stack gap="sm">
          <Title order={4}>{t('treasury.sie.accountsTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('treasury.sie.accountsIntro')}
          </Text>
          <Table withTableBorder data-testid="sie-accounts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('treasury.sie.number')}</Table.Th>
                <Table.Th>{t('treasury.sie.accountName')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {BOOK_ACCOUNT_KEYS.map((k) => (
                <AccountRow
                  key={k}
                  label={t(`treasury.sie.accounts.${k}`)}
                  value={s.accounts[k]}
                  onChange={(a) => setS({ ...s, accounts: { ...s.accounts, [k]: a } })}
                  error={(part) => err(`accounts.${k}.${part}`)}
                />
              ))}
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text fw={600} size="sm">
                    {t('treasury.sie.methodsTitle')}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {methods.map((m) => (
                <AccountRow
                  key={m}
                  label={t(`dues.paymentMethods.${m}`)}
                  value={s.methodAccounts[m]}
                  onChange={(a) => setS({ ...s, methodAccounts: { ...s.methodAccounts, [m]: a } })}
                  error={(part) => err(`methodAccounts.${m}.${part}`)}
                />
              ))}
            </Table.Tbody>
          </Table>
          <Group align="start" gap="xl">
            <TextInput label={t('treasury.sie.series')} value={s.series} onChange={(e) => setS({ ...s, series: e.currentTarget.value })} error={err('series')} w={180} />
            <Radio.Group label={t('treasury.sie.grouping')} value={s.grouping} onChange={(v) => setS({ ...s, grouping: v as 'each' | 'day' })}>
              <Stack gap={6} mt={6}>
                <Radio value="each" label={t('treasury.sie.groupings.each')} />
                <Radio value="day" label={t('treasury.sie.groupings.day')} />
              </Stack>
            </Radio.Group>
          </Group>
          {issue && !(issue.field && shown(issue.field)) && (
            <Text c="red" size="sm" role="alert">
              {issue.text}
            </Text>
          )}
          <Group>
            <Button type="submit" variant="light" loading={busy}>
              {t('treasury.sie.saveAccounts')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The SIE file for the bookkeeping program: a period, what it will book per account, the file. */
export function SiePanel({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const money = useMoney(info.currency);
  const errorText = useErrorText();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [preview, setPreview] = useState<SiePreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ text: string; path: string } | null>(null);

  const show = async () => {
    setFailure(null);
    setSaved(null);
    try {
      setPreview(await call('bookkeeping.siePreview', { from, to }));
    } catch (err) {
      setPreview(null);
      setFailure(errorText(err, 'treasury'));
    }
  };

  const save = async () => {
    setFailure(null);
    setSaved(null);
    const path = await pickSavePath(t, `SIE ${info.associationName} ${from.slice(0, 4)}`, 'si', 'SIE');
    if (!path) return;
    try {
      const r = await call('bookkeeping.sieExport', { from, to, path });
      setSaved({ text: t('treasury.sie.exported', { count: r.verifications, path: r.path }), path: r.path });
    } catch (err) {
      setFailure(errorText(err, 'treasury'));
    }
  };

  return (
    <Stack gap="lg" p="md" maw={1100}>
      <PanelHeader title={t('treasury.sie.title')} intro={t('treasury.sie.intro')} />
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void show();
          }}
          aria-label={t('treasury.sie.title')}
        >
          <Group align="end" gap="md">
            <TextInput type="date" label={t('treasury.sie.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={190} required />
            <TextInput type="date" label={t('treasury.sie.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={190} required />
            <Button type="submit">{t('treasury.sie.preview')}</Button>
            <Button onClick={() => void save()}>{t('treasury.sie.export')}</Button>
          </Group>
        </form>
      </Paper>
      {saved && <SavedFile text={saved.text} path={saved.path} testId="sie-saved" />}
      <Failure text={failure} />
      {preview && (
        <Stack gap="xs" data-testid="sie-preview">
          <Text fw={600}>{t('treasury.sie.verifications', { count: preview.verifications })}</Text>
          <Table striped withTableBorder maw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('treasury.sie.account')}</Table.Th>
                <Table.Th>{t('treasury.sie.name')}</Table.Th>
                <Table.Th ta="right">{t('treasury.sie.debit')}</Table.Th>
                <Table.Th ta="right">{t('treasury.sie.credit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.accounts.map((a) => (
                <Table.Tr key={a.number} data-account={a.number}>
                  <Table.Td>{a.number}</Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{a.debit ? money(a.debit) : ''}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{a.credit ? money(a.credit) : ''}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td colSpan={2}>{t('treasury.sie.total')}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(preview.debit)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(preview.credit)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {preview.debit === preview.credit && (
            <Alert color="teal" variant="light" maw={760}>
              {t('treasury.sie.balanced')}
            </Alert>
          )}
        </Stack>
      )}
      <AccountsForm country={info.country} onSaved={() => setPreview(null)} />
    </Stack>
  );
}
