import { Alert, Button, Loader, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdEntity, HouseholdMember, HouseholdSuggestion, RegisterInfo } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { useOpenMember } from '../followups/useOpenMember';
import { namesOf } from './address';
import { dismiss, dismissedKeys, dismissKey, isDismissed, undismiss } from './dismissed';
import { HouseholdCard } from './HouseholdCard';
import { SuggestionCard } from './SuggestionCard';
import { useHouseholds } from './useHouseholds';

/** Suggested households (members at one address) to accept or dismiss, and the existing ones. */
export function HouseholdsPage({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { suggestions, households, error, reload } = useHouseholds();
  const { open, drawer } = useOpenMember(info, reload);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  // Re-render after a dismissal: the set itself lives outside React.
  const [, setDismissTick] = useState(0);

  const visible = (suggestions ?? []).filter((s) => !isDismissed(dismissKey(info.path, s.addressKey)));
  const hidden = dismissedKeys(info.path);

  const fail = (e: unknown) => notifications.show({ color: 'red', message: errorText(e, 'households') });

  const accept = async (s: HouseholdSuggestion) => {
    setBusyKey(s.addressKey);
    const memberIds = s.members.map((m) => m.id);
    try {
      if (s.householdId === null) await call('households.create', { memberIds });
      else await call('households.addMembers', { id: s.householdId, memberIds });
      notifications.show({ color: 'teal', message: t(s.householdId === null ? 'households.created' : 'households.added', { names: namesOf(s.members) }) });
      reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusyKey(null);
    }
  };

  const onDismiss = (s: HouseholdSuggestion) => {
    dismiss(dismissKey(info.path, s.addressKey));
    setDismissTick((n) => n + 1);
    notifications.show({ message: t('households.dismissed') });
  };

  const showHidden = () => {
    for (const k of hidden) undismiss(k);
    setDismissTick((n) => n + 1);
  };

  const rename = async (h: HouseholdEntity, name: string | null) => {
    try {
      await call('households.rename', { id: h.id, name });
      notifications.show({ color: 'teal', message: t('households.renamed') });
      reload();
    } catch (e) {
      fail(e);
    }
  };

  const remove = async (m: HouseholdMember) => {
    const name = `${m.firstName} ${m.lastName}`.trim();
    try {
      const left = await call('households.removeMember', { memberId: m.id });
      notifications.show({ color: 'teal', message: left ? t('households.removed', { name }) : `${t('households.removed', { name })}. ${t('households.dissolved')}.` });
      reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <ScrollArea style={{ flex: 1 }}>
      <Stack gap="md" pb="md">
        <div>
          <Title order={2}>{t('households.nav')}</Title>
          <Text c="dimmed" maw={720}>{t('households.intro')}</Text>
        </div>
        {error !== null && <Alert color="red" role="alert">{errorText(error, 'households')}</Alert>}
        {suggestions === null && error === null && <Loader />}

        {suggestions !== null && (
          <Stack gap="xs" data-testid="household-suggestions">
            <Title order={3}>{t('households.suggested')}</Title>
            {visible.length > 0 ? (
              <>
                <Text size="sm" c="dimmed">{t('households.suggestedIntro')}</Text>
                <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
                  {visible.map((s) => (
                    <SuggestionCard
                      key={s.addressKey}
                      suggestion={s}
                      country={info.country}
                      busy={busyKey === s.addressKey}
                      onAccept={() => void accept(s)}
                      onDismiss={() => onDismiss(s)}
                      onOpen={open}
                    />
                  ))}
                </SimpleGrid>
              </>
            ) : (
              <Text c="dimmed">{t('households.noSuggestions')}</Text>
            )}
            {hidden.length > 0 && (
              <Button variant="subtle" onClick={showHidden} w="fit-content">
                {t('households.showDismissed', { count: hidden.length })}
              </Button>
            )}
          </Stack>
        )}

        {households !== null && (
          <Stack gap="xs" data-testid="households-existing">
            <Title order={3}>
              {t('households.existing')}{' '}
              <Text span c="dimmed" size="md">{households.length > 0 && `(${t('households.count', { count: households.length })})`}</Text>
            </Title>
            {households.length === 0 ? (
              <Text c="dimmed">{t('households.noHouseholds')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
                {households.map((h) => (
                  <HouseholdCard
                    key={`${h.id}:${h.name ?? ''}`}
                    household={h}
                    country={info.country}
                    onRename={(name) => rename(h, name)}
                    onRemove={remove}
                    onOpen={open}
                  />
                ))}
              </SimpleGrid>
            )}
          </Stack>
        )}
        {drawer}
      </Stack>
    </ScrollArea>
  );
}
