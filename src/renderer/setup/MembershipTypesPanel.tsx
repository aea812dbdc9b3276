import { Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipTypeEntity } from '../../shared/contract';
import { call, errorOf } from '../api';
import { useFeatureError } from '../groups/featureError';
import { TypeFormModal } from './TypeFormModal';
import { typeName } from './typeName';

/** The register's membership types: whether each pays dues and may vote; archive, or delete if never used. */
export function MembershipTypesPanel() {
  const { t } = useTranslation();
  const explain = useFeatureError('setup');
  const [types, setTypes] = useState<MembershipTypeEntity[]>([]);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [form, setForm] = useState<{ editing: MembershipTypeEntity | null } | null>(null);

  const load = useCallback(
    () =>
      call('membershipTypes.list', { includeArchived })
        .then(setTypes)
        .catch((e) => notifications.show({ color: 'red', message: explain(e).text })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- explain is a fresh closure each render
    [includeArchived],
  );
  useEffect(() => void load(), [load]);

  const fail = (e: unknown) => notifications.show({ color: 'red', message: explain(e).text });

  const setArchived = (type: MembershipTypeEntity, archived: boolean) =>
    call(archived ? 'membershipTypes.archive' : 'membershipTypes.unarchive', { id: type.id })
      .then(() => {
        notifications.show({ message: t(archived ? 'setup.archived' : 'setup.unarchived', { name: typeName(t, type) }) });
        return load();
      })
      .catch(fail);

  const remove = (type: MembershipTypeEntity) => {
    const name = typeName(t, type);
    modals.openConfirmModal({
      title: t('setup.types.deleteTitle'),
      children: <Text size="sm">{t('setup.types.deleteConfirm', { name })}</Text>,
      labels: { confirm: t('setup.delete'), cancel: t('setup.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('membershipTypes.delete', { id: type.id })
          .then(() => {
            notifications.show({ message: t('setup.types.deleted', { name }) });
            return load();
          })
          .catch((e) => {
            // A type in use cannot go; say so, and point at archiving instead.
            const err = errorOf(e);
            if (err.details?.reason === 'type-in-use') notifications.show({ color: 'orange', message: t('setup.types.inUse', { name }), autoClose: 10_000 });
            else fail(e);
          }),
    });
  };

  const yesNo = (v: boolean) => (v ? t('setup.types.yes') : t('setup.types.no'));

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={3}>{t('setup.types.heading')}</Title>
            <Text c="dimmed" size="sm">
              {t('setup.types.intro')}
            </Text>
          </div>
          <Button onClick={() => setForm({ editing: null })}>{t('setup.types.new')}</Button>
        </Group>
        <Checkbox label={t('setup.showArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
        <Table striped verticalSpacing="xs" data-testid="types-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('setup.types.name')}</Table.Th>
              <Table.Th>{t('setup.types.paysDues')}</Table.Th>
              <Table.Th>{t('setup.types.mayVote')}</Table.Th>
              <Table.Th ta="right">{t('setup.types.members')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('setup.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.map((type) => (
              <Table.Tr key={type.id} data-testid="type-row">
                <Table.Td>
                  <Group gap="xs">
                    <Text span fw={500}>
                      {typeName(t, type)}
                    </Text>
                    {type.code && (
                      <Badge size="sm" variant="light" color="gray">
                        {t('setup.builtInTag')}
                      </Badge>
                    )}
                    {type.archived && (
                      <Badge size="sm" color="gray">
                        {t('setup.archivedTag')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td data-testid="type-pays">{yesNo(type.paysDues)}</Table.Td>
                <Table.Td data-testid="type-votes">{yesNo(type.mayVote)}</Table.Td>
                <Table.Td ta="right">{type.memberCount}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setForm({ editing: type })}>
                      {t('setup.edit')}
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => void setArchived(type, !type.archived)}>
                      {type.archived ? t('setup.unarchive') : t('setup.archive')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove(type)}>
                      {t('setup.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {form && (
        <TypeFormModal
          key={form.editing?.id ?? 'new'}
          opened
          editing={form?.editing ?? null}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            void load();
          }}
        />
      )}
    </Paper>
  );
}
