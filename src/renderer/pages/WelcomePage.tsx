import { ActionIcon, Anchor, Badge, Button, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentRegister } from '../../shared/contract';
import { bridge, call } from '../api';
import { LanguagePicker } from '../components/LanguagePicker';

export function WelcomePage({ onCreate, onOpen }: { onCreate: () => void; onOpen: (path: string) => void }) {
  const { t } = useTranslation();
  const [recent, setRecent] = useState<RecentRegister[]>([]);

  useEffect(() => {
    call('register.recent', {}).then(setRecent).catch(() => setRecent([]));
  }, []);

  const pickAndOpen = async () => {
    const path = await bridge.host.pickOpenPath({
      title: t('welcome.pickOpenTitle'),
      filters: [{ name: t('welcome.fileType'), extensions: ['kansli'] }],
    });
    if (path) onOpen(path);
  };

  return (
    <Center mih="100%" p="xl">
      <Stack w={560} gap="lg" data-testid="welcome">
        <Group justify="space-between">
          <Title order={1}>{t('welcome.title')}</Title>
          <LanguagePicker />
        </Group>
        <Text c="dimmed">{t('app.tagline')}</Text>
        {/* Each button as wide as its words (a long label such as "Opprett et nytt register" is never
            cut off); they share the line when both fit and stack when they do not. */}
        <Group>
          <Button size="lg" onClick={onCreate} style={{ flex: '1 1 auto' }}>
            {t('welcome.create')}
          </Button>
          <Button size="lg" variant="light" onClick={pickAndOpen} style={{ flex: '1 1 auto' }}>
            {t('welcome.open')}
          </Button>
        </Group>
        <Card withBorder>
          <Title order={3} mb="sm">
            {t('welcome.recent')}
          </Title>
          {recent.length === 0 && <Text c="dimmed">{t('welcome.noRecent')}</Text>}
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {recent.map((r) => (
              <Group key={r.path} component="li" justify="space-between" wrap="nowrap">
                <Anchor
                  component="button"
                  disabled={!r.exists}
                  onClick={() => onOpen(r.path)}
                  style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', textAlign: 'left' }}
                  title={r.path}
                >
                  {r.path}
                </Anchor>
                <Group gap="xs" wrap="nowrap">
                  {!r.exists && <Badge color="gray">{t('welcome.missing')}</Badge>}
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('welcome.forget')}
                    title={t('welcome.forget')}
                    onClick={() => call('register.forgetRecent', { path: r.path }).then(setRecent)}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
        </Card>
      </Stack>
    </Center>
  );
}
