import { Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunicationSettings } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { amountInputText, parseAmount, useMoney } from '../dues/money';

/** The price of one SMS part, the default frequency limit and the BCC chunk size. */
export function SettingsPanel({ currency }: { currency: 'SEK' | 'NOK' }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const money = useMoney(currency);
  const [settings, setSettings] = useState<CommunicationSettings | null>(null);
  const [price, setPrice] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('sendOuts.settings', {}).then((s) => {
      setSettings(s);
      setPrice(amountInputText(s.smsPricePerSegment, i18n.language));
    }, () => setSettings(null));
  }, [i18n.language]);

  if (!settings) return null;
  const parsed = parseAmount(price);
  const priceError = price.trim() && (parsed === null || parsed < 0) ? t('communication.settings.priceInvalid') : null;

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (priceError) return;
    setBusy(true);
    try {
      const s = await call('sendOuts.saveSettings', { ...settings, smsPricePerSegment: parsed ?? 0 });
      setSettings(s);
      setPrice(amountInputText(s.smsPricePerSegment, i18n.language));
      notifications.show({ color: 'teal', message: t('communication.settings.saved') });
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(err, 'communication') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={(e) => void save(e)}>
        <Stack>
          <Title order={3}>{t('communication.settings.title')}</Title>
          <TextInput
            label={t('communication.settings.price')}
            description={t('communication.settings.priceHelp', { example: money(45) })}
            value={price}
            onChange={(e) => setPrice(e.currentTarget.value)}
            error={priceError}
            name="smsPrice"
          />
          <NumberInput
            label={t('communication.settings.frequency')}
            description={t('communication.settings.frequencyHelp')}
            value={settings.frequencyLimit}
            onChange={(v) => typeof v === 'number' && setSettings({ ...settings, frequencyLimit: v })}
            min={0}
            max={50}
            name="frequencyLimit"
          />
          <NumberInput
            label={t('communication.settings.bcc')}
            description={t('communication.settings.bccHelp')}
            value={settings.bccChunkSize}
            onChange={(v) => typeof v === 'number' && setSettings({ ...settings, bccChunkSize: v })}
            min={1}
            max={1000}
            name="bccChunkSize"
          />
          <Text size="sm" c="dimmed">
            {t('communication.settings.note')}
          </Text>
          <Group>
            <Button type="submit" loading={busy}>
              {t('communication.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
