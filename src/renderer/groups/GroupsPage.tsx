import { Badge, Button, Divider, Group, Paper, Stack, Text, Title, Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupEntity } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { GroupFormModal } from './GroupFormModal';
import { GroupList } from './GroupList';
import { RoleHolders } from './RoleHolders';

/** Groups (the board, sections, committees) on the left; the chosen group's role holders on the right. */
export function GroupsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [groups, setGroups] = useState<GroupEntity[]>([]);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [form, setForm] = useState<{ editing: GroupEntity | null } | null>(null);

  const load = useCallback(
    () =>
      call('groups.list', { includeArchived })
        .then((gs) => {
          setGroups(gs);
          // Keep the choice while it is listed; otherwise fall back to the first group.
          setSelectedId((id) => (id !== null && gs.some((g) => g.id === id) ? id : (gs[0]?.id ?? null)));
        })
        .catch((e) => notifications.show({ color: 'red', message: errorText(e, 'groups') })),
    [includeArchived, errorText],
  );
  useEffect(() => void load(), [load]);

  const selected = groups.find((g) => g.id === selectedId) ?? null;

  // Archiving is undone with one click (restore), so it needs no confirmation.
  const setArchived = async (g: GroupEntity, archived: boolean) => {
    try {
      await call(archived ? 'groups.archive' : 'groups.unarchive', { id: g.id });
      notifications.show({ message: t(archived ? 'groups.archived' : 'groups.unarchived', { name: g.name }) });
      await load();
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e, 'groups') });
    }
  };

  return (
    <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
      <Paper withBorder p="sm" w={260} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        <Group justify="space-between">
          <Title order={3}>{t('groups.heading')}</Title>
        </Group>
        <Button onClick={() => setForm({ editing: null })}>{t('groups.newGroup')}</Button>
        <GroupList
          groups={groups}
          selectedId={selectedId}
          onSelect={setSelectedId}
          includeArchived={includeArchived}
          onIncludeArchived={setIncludeArchived}
        />
      </Paper>
      <Paper withBorder p="md" style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
        {selected ? (
          <Stack gap="md">
            <Group justify="space-between" wrap="nowrap">
              <Group gap="sm">
                <Title order={2} data-testid="group-title">
                  {selected.name}
                </Title>
                <Badge variant="light">{t(`groups.kinds.${selected.kind}`)}</Badge>
                {selected.archived && <Badge color="gray">{t('groups.archivedTag')}</Badge>}
              </Group>
              <Group gap="xs">
                <Button variant="default" onClick={() => setForm({ editing: selected })}>
                  {t('groups.edit')}
                </Button>
                <Button variant="default" onClick={() => void setArchived(selected, !selected.archived)}>
                  {selected.archived ? t('groups.unarchive') : t('groups.archive')}
                </Button>
              </Group>
            </Group>
            {selected.archived && <Alert color="gray">{t('groups.archivedNotice')}</Alert>}
            <Divider />
            <RoleHolders key={selected.id} group={selected} onChanged={() => void load()} />
          </Stack>
        ) : (
          <Text c="dimmed" ta="center" mt="xl">
            {groups.length ? t('groups.choose') : t('groups.empty')}
          </Text>
        )}
      </Paper>
      {form && (
        <GroupFormModal
          key={form.editing?.id ?? 'new'}
          opened
          editing={form?.editing ?? null}
          onClose={() => setForm(null)}
          onSaved={(g) => {
            setForm(null);
            setSelectedId(g.id);
            void load();
          }}
        />
      )}
    </Group>
  );
}
