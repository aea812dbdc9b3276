import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HouseholdSuggestion } from '../../shared/contract';
import { MemberButton } from '../followups/MemberButton';
import { addressLine } from './address';

/** Members at one address, with "create household" (or "add to it") and "not a household". */
export function SuggestionCard({ suggestion, country, busy, onAccept, onDismiss, onOpen }: {
  suggestion: HouseholdSuggestion;
  /** The register's country, for showing postcodes. */
  country: string;
  busy: boolean;
  onAccept: () => void;
  onDismiss: () => void;
  onOpen: (memberId: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="household-suggestion">
      <Stack gap="xs">
        <Text fw={600}>{addressLine(suggestion.members, country) ?? t('households.noAddress')}</Text>
        <Stack gap={2}>
          {suggestion.members.map((m) => (
            <MemberButton key={m.id} {...m} onOpen={onOpen} labelKey="households.openMember" />
          ))}
        </Stack>
        <Group gap="xs" mt="xs">
          <Button size="sm" loading={busy} onClick={onAccept}>
            {suggestion.householdId === null ? t('households.accept') : t('households.acceptAdd')}
          </Button>
          <Button size="sm" variant="default" onClick={onDismiss} disabled={busy}>
            {t('households.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
