import { Button, Card, Center, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, LANGUAGES, type Language, type RegisterCountry, type RegisterInfo } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import { bridge, call, errorOf } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguagePicker } from '../components/LanguagePicker';
import { PassphraseFields, passphraseAcceptable } from '../components/PassphraseFields';
import { setLanguage } from '../i18n';

export function CreatePage(props: { onBack: () => void; onCreated: (info: RegisterInfo, recoveryKey: string) => void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [country, setCountry] = useState<RegisterCountry>(i18n.language === 'nb' ? 'NO' : 'SE');
  const [language, setLang] = useState<Language>((i18n.language as Language) ?? 'sv');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [path, setPath] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const chooseFile = async () => {
    const picked = await bridge.host.pickSavePath({
      title: t('create.pickSaveTitle'),
      defaultName: `${(name || 'Kansli').replace(/[/\\?%*:|"<>]/g, '-')}.kansli`,
      filters: [{ name: t('welcome.fileType'), extensions: ['kansli'] }],
    });
    if (picked) setPath(picked);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!name.trim() || !passphraseAcceptable(passphrase, repeat) || !path) return;
    setBusy(true);
    try {
      const created = await call('register.create', { path, associationName: name, country, language, passphrase });
      props.onCreated(created.info, created.recoveryKey);
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100%" p="xl">
      <Card withBorder w={600} p="xl" component="form" onSubmit={submit} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={2}>{t('create.title')}</Title>
            <LanguagePicker onChange={setLang} />
          </Group>
          <TextInput
            label={t('create.associationName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={submitted && !name.trim() ? t('errors.required') : undefined}
            required
            data-autofocus
            autoFocus
            maxLength={200}
          />
          <Select
            label={t('create.country')}
            description={t('create.countryHint')}
            data={COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
            value={country}
            onChange={(v) => v && setCountry(v as RegisterCountry)}
            allowDeselect={false}
          />
          <Select
            label={t('create.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            value={language}
            onChange={(v) => {
              if (!v) return;
              setLang(v as Language);
              setLanguage(v as Language);
            }}
            allowDeselect={false}
          />
          <PassphraseFields value={passphrase} repeat={repeat} onChange={setPassphrase} onRepeat={setRepeat} showErrors={submitted} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('create.where')}
            </Text>
            <Button variant="default" onClick={chooseFile} style={{ alignSelf: 'flex-start' }}>
              {t('create.chooseFile')}
            </Button>
            <Text size="sm" c={path ? undefined : submitted ? 'red' : 'dimmed'} data-testid="chosen-path" style={{ wordBreak: 'break-all' }}>
              {path ?? (submitted ? t('errors.required') : '')}
            </Text>
          </Stack>
          <ErrorAlert error={error} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={props.onBack}>
              {t('create.back')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
