import { AppShell, Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../shared/contract';
import { bridge, call } from '../api';
import { ResetPassphraseModal } from '../components/ResetPassphraseModal';
import { SaveBadge, SaveProblem } from '../components/SaveStatus';
import { useIdleLock } from '../hooks/useIdleLock';
import { SECTIONS } from '../sections';
import { SettingsModal } from './SettingsModal';

/** The open register: header with save state and lock, the member list, settings. */
export function RegisterShell({ info, onInfo }: { info: RegisterInfo; onInfo: (info: RegisterInfo) => void }) {
  const { t } = useTranslation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [sectionId, setSectionId] = useState(SECTIONS[0].id);
  const section = SECTIONS.find((s) => s.id === sectionId) ?? SECTIONS[0];

  useEffect(
    () => bridge.on('register.saveState', ({ state, error }) => onInfo({ ...info, saveState: state, saveError: error })),
    [info, onInfo],
  );

  const lock = useCallback(
    (reason: 'user' | 'idle') =>
      call('register.lock', { reason }).catch(() => notifications.show({ color: 'red', message: t('shell.lockFailed') })),
    [t],
  );
  useIdleLock(info.idleLockMinutes, () => void lock('idle'));
  useHotkeys([['mod+L', () => void lock('user')]]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={3} data-testid="association-name">
              {info.associationName}
            </Title>
            <SaveBadge info={info} />
          </Group>
          <Group gap="xs">
            <Button variant="subtle" onClick={() => setSettingsOpen(true)}>
              {t('shell.settings')}
            </Button>
            <Button variant="outline" onClick={() => void lock('user')} title="Ctrl+L">
              {t('shell.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {/* Vertical tabs: one per screen, reachable with the arrow keys. */}
        {/* Long names ("Medlemstyper og felt", "Membership types and fields") wrap instead of being cut off. */}
        <Tabs value={section.id} onChange={(v) => v && setSectionId(v)} orientation="vertical" variant="pills" w="100%" styles={{ tabLabel: { whiteSpace: 'normal' } }}>
          <Tabs.List w="100%" aria-label={t('shell.sections')}>
            {SECTIONS.map((s) => (
              <Tabs.Tab key={s.id} value={s.id} fz="md" w="100%" style={{ justifyContent: 'flex-start' }}>
                {t(s.labelKey)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </AppShell.Navbar>
      <AppShell.Main h="100dvh">
        <Stack h="calc(100dvh - 60px - 2 * var(--mantine-spacing-md))" gap="sm">
          <SaveProblem info={info} onInfo={onInfo} />
          <section.Component info={info} onInfo={onInfo} />
        </Stack>
      </AppShell.Main>
      <ResetPassphraseModal info={info} onInfo={onInfo} />
      <SettingsModal opened={settingsOpen} onClose={() => setSettingsOpen(false)} info={info} onInfo={onInfo} />
    </AppShell>
  );
}
