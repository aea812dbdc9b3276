import { Alert, Box, Button, Group, Image, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuesSettingsEntity } from '../../../shared/contract';
import { bridge, call, errorOf } from '../../api';
import { useErrorText } from '../../components/ErrorAlert';

/**
 * The association's logo on the letters: a preview of the stored one, "choose" (the core reads the
 * file and checks it by its bytes and size) and "remove". A refused file leaves the old logo as it was.
 */
export function LogoField({ settings, onSettings }: { settings: DuesSettingsEntity; onSettings: (s: DuesSettingsEntity) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const logo = settings.logo;

  const change = async (work: () => Promise<DuesSettingsEntity>) => {
    setBusy(true);
    setError(null);
    try {
      onSettings(await work());
    } catch (e) {
      setError(errorText(errorOf(e), 'dues'));
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    const path = await bridge.host.pickOpenPath({ title: t('dues.settings.logo.pickTitle'), filters: [{ name: 'PNG, JPEG', extensions: ['png', 'jpg', 'jpeg'] }] });
    if (path) await change(() => call('dues.setLogo', { path }));
  };

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">{t('dues.settings.logo.label')}</Text>
      <Group align="center" gap="md">
        <Box
          w={180}
          h={90}
          bd="1px solid var(--mantine-color-gray-4)"
          p={4}
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', borderRadius: 4 }}
        >
          {logo ? (
            <Image src={logo.dataUrl} alt={t('dues.settings.logo.alt')} fit="contain" mah={80} maw={170} data-testid="logo-preview" />
          ) : (
            <Text c="dimmed" size="sm">{t('dues.settings.logo.none')}</Text>
          )}
        </Box>
        <Stack gap={6}>
          <Group gap="xs">
            <Button variant="default" onClick={() => void choose()} loading={busy}>
              {logo ? t('dues.settings.logo.replace') : t('dues.settings.logo.choose')}
            </Button>
            {logo && (
              <Button variant="subtle" color="red" onClick={() => void change(() => call('dues.removeLogo', {}))} disabled={busy}>
                {t('dues.settings.logo.remove')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {logo
              ? t('dues.settings.logo.info', { width: logo.width, height: logo.height, kb: Math.max(1, Math.round(logo.bytes / 1024)) })
              : t('dues.settings.logo.hint')}
          </Text>
        </Stack>
      </Group>
      {error && (
        <Alert color="red" role="alert" data-testid="logo-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
