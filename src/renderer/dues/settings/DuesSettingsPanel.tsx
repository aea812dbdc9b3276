import { Alert, Button, Center, Group, List, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuesSettingsEntity, RegisterInfo } from '../../../shared/contract';
import { call, errorOf } from '../../api';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert';
import type { ApiError } from '../../../shared/result';
import { draftOf, dropDraft, keepDraft } from '../drafts';
import { useFieldIssues } from '../../components/useFieldIssues';
import { bind, type SettingsBinding } from './fieldProps';
import { checkField, formFromSettings, inputFromForm, type SettingsForm } from './form';
import { LetterFields } from './LetterFields';
import { LogoField } from './LogoField';
import { PaymentFields } from './PaymentFields';

/**
 * What the treasurer fills in once: the association as payee, the payment details of the
 * register's country, the board's letter. Fields are checked when left and all again on save;
 * above the form, what an invoice run still needs.
 */
export function DuesSettingsPanel({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [settings, setSettings] = useState<DuesSettingsEntity | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const issues = useFieldIssues('dues');
  const formRef = useRef<HTMLFormElement>(null);
  const draftKey = `${info.path}:dues-settings`;

  useEffect(() => {
    call('dues.settings', {})
      .then((s) => {
        setSettings(s);
        setForm(draftOf<SettingsForm>(draftKey) ?? formFromSettings(s));
      })
      .catch((e) => setLoadError(errorOf(e)));
  }, [draftKey]);

  if (loadError) return <ErrorAlert error={loadError} />;
  if (!settings || !form) return <Center h={200}><Loader /></Center>;

  const b: SettingsBinding = {
    form,
    set: (field, value) => {
      const next = { ...form, [field]: value };
      setForm(next);
      keepDraft(draftKey, next);
      // A corrected field loses its message at once; a new problem waits until the field is left.
      if (issues.at(field) && !checkField(field, next, info.country)) issues.clear(field);
    },
    leave: (field) => issues.put(field, checkField(field, form, info.country)),
    error: (field) => issues.at(field),
  };

  const dirty = JSON.stringify(form) !== JSON.stringify(formFromSettings(settings));
  const discard = () => {
    setForm(formFromSettings(settings));
    dropDraft(draftKey);
    issues.set([]);
  };

  const save = async () => {
    setBusy(true);
    try {
      const saved = await call('dues.saveSettings', inputFromForm(form, info.country));
      setSettings(saved);
      setForm(formFromSettings(saved));
      dropDraft(draftKey);
      issues.set([]);
      notifications.show({ color: 'teal', message: t('dues.settings.saved') });
    } catch (e) {
      const err = errorOf(e);
      if (issues.take(err)) {
        notifications.show({ color: 'red', message: t('dues.settings.fixFields', { count: err.details?.fields?.length ?? 1 }) });
        // The form is long: bring the first refused field into view, with the cursor in it.
        requestAnimationFrame(() => {
          const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
          first?.scrollIntoView({ block: 'center' });
          first?.focus({ preventScroll: true });
        });
      } else notifications.show({ color: 'red', message: errorText(err, 'dues') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      data-testid="dues-settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="lg" maw={1100} pb="xl">
        <Stack gap={4}>
          <Title order={2}>{t('dues.settings.title')}</Title>
          <Text c="dimmed">{t('dues.settings.intro')}</Text>
        </Stack>
        <Missing settings={settings} />

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={4}>{t('dues.settings.associationHeading')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <Stack gap="sm">
                <TextInput label={t('dues.settings.associationName')} required {...bind(b, 'associationName')} />
                <Textarea label={t('dues.settings.address')} description={t('dues.settings.addressHint')} autosize minRows={2} maxRows={4} {...bind(b, 'address')} />
                <TextInput
                  label={t('dues.settings.orgNumber')}
                  placeholder={info.country === 'SE' ? '802400-1235' : '123 456 785'}
                  {...bind(b, 'orgNumber')}
                />
                <TextInput label={t('dues.settings.contact')} description={t('dues.settings.contactHint')} {...bind(b, 'contact')} />
              </Stack>
              <LogoField settings={settings} onSettings={setSettings} />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <PaymentFields b={b} country={info.country} />
            <TextInput
              label={t('dues.settings.nextInvoiceNumber')}
              description={t('dues.settings.nextInvoiceNumberHint')}
              inputMode="numeric"
              w={320}
              {...bind(b, 'nextInvoiceNumber')}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <LetterFields b={b} />
        </Paper>

        <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 1 }}>
          {dirty && (
            <>
              <Text size="sm" c="orange.8" data-testid="settings-unsaved">{t('dues.unsaved')}</Text>
              <Button variant="subtle" color="gray" onClick={discard}>{t('dues.discard')}</Button>
            </>
          )}
          <Button type="submit" size="md" loading={busy}>
            {t('dues.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What an invoice run still needs, in the words of the form's labels; a green line when ready. */
function Missing({ settings }: { settings: DuesSettingsEntity }) {
  const { t } = useTranslation();
  if (settings.missing.length === 0) {
    return (
      <Alert color="teal" data-testid="dues-settings-ready">
        {t('dues.settings.ready')}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" title={t('dues.settings.missingTitle')} data-testid="dues-settings-missing">
      <List size="sm">
        {settings.missing.map((m) => (
          <List.Item key={`${m.field}-${m.code}`}>
            {t(`dues.settings.fieldNames.${m.field}`, { defaultValue: m.field })}: {t(`dues.errors.${m.code}`, { defaultValue: t(`errors.${m.code}`) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
