import { ActionIcon, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldEntity } from '../../shared/contract';
import { call } from '../api';
import { useFeatureError } from '../groups/featureError';
import { FieldFormModal } from './FieldFormModal';

/** The association's own fields: name, kind, list options; reordered with the arrows, archived when done with. */
export function CustomFieldsPanel() {
  const { t } = useTranslation();
  const explain = useFeatureError('setup');
  const [fields, setFields] = useState<CustomFieldEntity[]>([]);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [form, setForm] = useState<{ editing: CustomFieldEntity | null } | null>(null);

  const fail = useCallback((e: unknown) => notifications.show({ color: 'red', message: explain(e).text }), [explain]);
  const load = useCallback(
    () =>
      call('customFields.list', { includeArchived })
        .then((fs) => setFields([...fs].sort((a, b) => a.position - b.position)))
        .catch(fail),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fail is a fresh closure each render
    [includeArchived],
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
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={3}>{t('setup.fields.heading')}</Title>
            <Text c="dimmed" size="sm">
              {t('setup.fields.intro')}
            </Text>
          </div>
          <Button onClick={() => setForm({ editing: null })}>{t('setup.fields.new')}</Button>
        </Group>
        <Checkbox label={t('setup.showArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
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
                      {f.archived && (
                        <Badge size="sm" color="gray">
                          {t('setup.archivedTag')}
                        </Badge>
                      )}
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
                      <Button size="xs" variant="subtle" onClick={() => setForm({ editing: f })}>
                        {t('setup.edit')}
                      </Button>
                      <Button size="xs" variant="subtle" onClick={() => void setArchived(f, !f.archived)}>
                        {f.archived ? t('setup.unarchive') : t('setup.archive')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {form && (
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
      )}
    </Paper>
  );
}
