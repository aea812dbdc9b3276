import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdEntity, HouseholdMember } from '../../shared/contract';
import { MemberButton } from '../followups/MemberButton';
import { addressLine, lastNamesOf } from './address';

/** An existing household: its name (editable), its address and members (each removable). */
export function HouseholdCard({ household, country, onRename, onRemove, onOpen }: {
  household: HouseholdEntity;
  /** The register's country, for showing postcodes. */
  country: string;
  onRename: (name: string | null) => Promise<void>;
  onRemove: (member: HouseholdMember) => Promise<void>;
  onOpen: (memberId: number) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(household.name ?? '');
  const [saving, setSaving] = useState(false);
  const title = household.name || t('households.unnamed', { names: lastNamesOf(household.members) });
  const changed = name.trim() !== (household.name ?? '');

  const save = async () => {
    if (!changed || saving) return;
    setSaving(true);
    try {
      await onRename(name.trim() || null);
    } finally {
      setSaving(false);
    }
  };

  const confirmRemove = (m: HouseholdMember) => {
    const memberName = `${m.firstName} ${m.lastName}`.trim();
    modals.openConfirmModal({
      title: t('households.removeTitle'),
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('households.removeConfirm', { name: memberName })}</Text>
          {household.members.length <= 2 && <Text size="sm" c="orange.8">{t('households.removeDissolves')}</Text>}
        </Stack>
      ),
      labels: { confirm: t('households.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void onRemove(m),
    });
  };

  return (
    <Card withBorder padding="md" data-testid="household-card">
      <Stack gap="xs">
        <Text fw={600} data-testid="household-title">{title}</Text>
        <Text size="sm" c="dimmed">{addressLine(household.members, country) ?? t('households.noAddress')}</Text>
        <Stack gap={4}>
          {household.members.map((m) => (
            <Group key={m.id} justify="space-between" wrap="nowrap">
              <MemberButton {...m} onOpen={onOpen} labelKey="households.openMember" />
              <Button size="xs" variant="subtle" color="red" onClick={() => confirmRemove(m)} aria-label={t('households.removeLabel', { name: `${m.firstName} ${m.lastName}` })}>
                {t('households.remove')}
              </Button>
            </Group>
          ))}
        </Stack>
        <Group
          component="form"
          align="flex-end"
          gap="xs"
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            void save();
          }}
        >
          <TextInput
            label={t('households.name')}
            description={t('households.nameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" disabled={!changed} loading={saving}>
            {t('households.rename')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
