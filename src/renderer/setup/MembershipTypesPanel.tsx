import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipTypeEntity } from '../../shared/contract';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { ArchivedTag, EditArchiveButtons, SetupPanel } from './SetupPanel';
import { TypeFormModal } from './TypeFormModal';
import { typeName } from './typeName';

/** The register's membership types: whether each pays dues and may vote; archive, or delete if never used. */
export function MembershipTypesPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [types, setTypes] = useState<MembershipTypeEntity[]>([]);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [form, setForm] = useState<{ editing: MembershipTypeEntity | null } | null>(null);

  const load = useCallback(
    () =>
      call('membershipTypes.list', { includeArchived })
        .then(setTypes)
        .catch((e) => notifications.show({ color: 'red', message: errorText(e, 'setup') })),
    [includeArchived, errorText],
  );
  useEffect(() => void load(), [load]);

  const fail = (e: unknown) => notifications.show({ color: 'red', message: errorText(e, 'setup') });

  const setArchived = (type: MembershipTypeEntity, archived: boolean) =>
    call(archived ? 'membershipTypes.archive' : 'membershipTypes.unarchive', { id: type.id })
      .then(() => {
        notifications.show({ message: t(archived ? 'setup.archived' : 'setup.unarchived', { name: typeName(t, type) }) });
        return load();
      })
      .catch(fail);

  const remove = (type: MembershipTypeEntity) => {
    const name = typeName(t, type);
    // The confirmation says the type "has never been used": for a type that members hold now,
    // say at once that it cannot go, instead of asking and then refusing.
    if (type.memberCount > 0) {
      notifications.show({ color: 'orange', message: t('setup.types.inUse', { name }), autoClose: 10_000 });
      return;
    }
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
    <SetupPanel
      section="types"
      includeArchived={includeArchived}
      onIncludeArchived={setIncludeArchived}
      onNew={() => setForm({ editing: null })}
      form={
        form && (
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
        )
      }
    >
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
                  {type.archived && <ArchivedTag />}
                </Group>
              </Table.Td>
              <Table.Td data-testid="type-pays">{yesNo(type.paysDues)}</Table.Td>
              <Table.Td data-testid="type-votes">{yesNo(type.mayVote)}</Table.Td>
              <Table.Td ta="right">{type.memberCount}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <EditArchiveButtons archived={type.archived} onEdit={() => setForm({ editing: type })} onArchive={(a) => void setArchived(type, a)} />
                  <Button size="xs" variant="subtle" color="red" onClick={() => remove(type)}>
                    {t('setup.delete')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SetupPanel>
  );
}
