import { ActionIcon, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldEntity } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { FieldFormModal } from './FieldFormModal';
import { ArchivedTag, EditArchiveButtons, SetupPanel } from './SetupPanel';

/** The association's own fields: name, kind, list options; reordered with the arrows, archived when done with. */
export function CustomFieldsPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [fields, setFields] = useState<CustomFieldEntity[]>([]);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [form, setForm] = useState<{ editing: CustomFieldEntity | null } | null>(null);

  const fail = useCallback((e: unknown) => notifications.show({ color: 'red', message: errorText(e, 'setup') }), [errorText]);
  const load = useCallback(
    () =>
      call('customFields.list', { includeArchived })
        .then((fs) => setFields([...fs].sort((a, b) => a.position - b.position)))
        .catch(fail),
    [includeArchived, fail],
  );
  useEffect(() => void load(), [load]);

  const setArchived = (f: CustomFieldEntity, archived: boolean) =>
    call(archived ? 'customFields.archive' : 'customFields.unarchive', { id: f.id })
      .then(() => {
        notifications.show({ message: t(archived ? 'setup.archived' : 'setup.unarchived', { name: f.name }) });
        return load();
      })
      .catch(fail);

  // Swapping positions with the neighbour; positions may have gaps, so both are written.
  const move = async (index: number, by: -1 | 1) => {
    const a = fields[index];
    const b = fields[index + by];
    if (!a || !b) return;
    try {
      const pa = a.position === b.position ? a.position + by : b.position;
      await call('customFields.update', { id: a.id, position: pa });
      await call('customFields.update', { id: b.id, position: a.position });
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const details = (f: CustomFieldEntity) =>
    f.kind === 'choice' ? `${t('setup.fields.optionsCount', { count: f.options.length })}: ${f.options.join(', ')}` : '';

  return (
    <SetupPanel
      section="fields"
      includeArchived={includeArchived}
      onIncludeArchived={setIncludeArchived}
      onNew={() => setForm({ editing: null })}
      form={
        form && (
          <FieldFormModal
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
      {fields.length === 0 ? (
        <Text c="dimmed" data-testid="fields-empty">
          {t('setup.fields.empty')}
        </Text>
      ) : (
        <Table striped verticalSpacing="xs" data-testid="fields-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('setup.columns.name')}</Table.Th>
              <Table.Th>{t('setup.columns.kind')}</Table.Th>
              <Table.Th>{t('setup.columns.details')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('setup.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f, i) => (
              <Table.Tr key={f.id} data-testid="field-row">
                <Table.Td>
                  <Group gap="xs">
                    <Text span fw={500}>
                      {f.name}
                    </Text>
                    {f.archived && <ArchivedTag />}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`setup.fields.kinds.${f.kind}`)}</Table.Td>
                <Table.Td>{details(f)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ActionIcon variant="subtle" onClick={() => void move(i, -1)} disabled={i === 0} aria-label={t('setup.fields.moveUp', { name: f.name })}>
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      onClick={() => void move(i, 1)}
                      disabled={i === fields.length - 1}
                      aria-label={t('setup.fields.moveDown', { name: f.name })}
                    >
                      ↓
                    </ActionIcon>
                    <EditArchiveButtons archived={f.archived} onEdit={() => setForm({ editing: f })} onArchive={(a) => void setArchived(f, a)} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SetupPanel>
  );
}
