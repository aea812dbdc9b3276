import { Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BulkAction, BulkChangeRow, BulkPreview, GroupEntity, MembershipTypeEntity } from '../../shared/contract';
import { localeOf } from '../i18n';

/** Who changes and how, and who stays as they are and why: what "apply" will do, before it does. */
export function PreviewList({ preview, action, groups, types }: {
  preview: BulkPreview;
  action: BulkAction;
  groups: GroupEntity[];
  types: MembershipTypeEntity[];
}) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'medium' }).format(new Date(`${iso.slice(0, 10)}T12:00:00`));
  const typeName = (id: string | null) => {
    const x = types.find((y) => String(y.id) === id);
    return x ? (x.code ? t(`members.types.${x.code}`, { defaultValue: x.name }) : x.name) : t('bulk.describe.noType');
  };
  const describe = (r: BulkChangeRow): string => {
    switch (action.kind) {
      case 'addToGroup':
        return t('bulk.describe.role', {
          // A role is a title in lists ("Leder") but a plain noun inside this sentence ("blir leder i Styret").
          role: t(`roles.${r.to}`, { defaultValue: r.to ?? '' }).toLocaleLowerCase(localeOf(i18n.language)),
          group: groups.find((g) => g.id === action.groupId)?.name ?? '',
          from: date(action.from),
        });
      case 'setType':
        return t('bulk.describe.membershipTypeId', { from: typeName(r.from), to: typeName(r.to) });
      case 'addContact':
        return t('bulk.describe.contact', { kind: t(`contactKinds.${action.contact.kind}`), on: date(action.contact.on) });
      case 'archive':
        return t('bulk.describe.archivedAt');
    }
  };
  const name = (r: { memberNumber: number; firstName: string; lastName: string }) => `${r.lastName}, ${r.firstName} (${r.memberNumber})`;

  return (
    <Stack gap="sm" data-testid="bulk-preview">
      <Group gap="sm">
        <Badge color="teal" size="lg" variant="light" data-testid="bulk-change-count">{t('bulk.changes', { count: preview.changeCount })}</Badge>
        {preview.unchangedCount > 0 && (
          <Badge color="gray" size="lg" variant="light">{t('bulk.unchangedCount', { count: preview.unchangedCount })}</Badge>
        )}
      </Group>
      <ScrollArea.Autosize mah={380}>
        {preview.changes.length > 0 && (
          <Table striped verticalSpacing={4} aria-label={t('bulk.changes', { count: preview.changeCount })}>
            <Table.Thead>
              <Table.Tr><Table.Th>{t('bulk.member')}</Table.Th><Table.Th>{t('bulk.change')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.changes.map((r) => (
                <Table.Tr key={r.memberId} data-testid="bulk-change-row"><Table.Td>{name(r)}</Table.Td><Table.Td>{describe(r)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {preview.changeCount > preview.changes.length && (
          <Text size="sm" c="dimmed">{t('bulk.more', { count: preview.changeCount - preview.changes.length })}</Text>
        )}
        {preview.unchanged.length > 0 && (
          <Table verticalSpacing={4} mt="md" aria-label={t('bulk.unchangedCount', { count: preview.unchangedCount })}>
            <Table.Thead>
              <Table.Tr><Table.Th>{t('bulk.member')}</Table.Th><Table.Th>{t('bulk.why')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.unchanged.map((r) => (
                <Table.Tr key={r.memberId} data-testid="bulk-unchanged-row" c="dimmed"><Table.Td>{name(r)}</Table.Td><Table.Td>{t(`bulk.unchanged.${r.reason}`)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {preview.unchangedCount > preview.unchanged.length && (
          <Text size="sm" c="dimmed">{t('bulk.more', { count: preview.unchangedCount - preview.unchanged.length })}</Text>
        )}
      </ScrollArea.Autosize>
      {preview.changeCount === 0 && <Text c="orange.8">{t('bulk.nothing')}</Text>}
    </Stack>
  );
}
