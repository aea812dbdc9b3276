import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of a setup list (types, fields): heading, intro, "new", the show-archived switch, the list, its form. */
export function SetupPanel(props: {
  section: 'types' | 'fields';
  includeArchived: boolean;
  onIncludeArchived: (include: boolean) => void;
  onNew: () => void;
  /** The list itself. */
  children: ReactNode;
  /** The form for one entry, when open. */
  form: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={3}>{t(`setup.${props.section}.heading`)}</Title>
            <Text c="dimmed" size="sm">
              {t(`setup.${props.section}.intro`)}
            </Text>
          </div>
          <Button onClick={props.onNew}>{t(`setup.${props.section}.new`)}</Button>
        </Group>
        <Checkbox label={t('setup.showArchived')} checked={props.includeArchived} onChange={(e) => props.onIncludeArchived(e.currentTarget.checked)} />
        {props.children}
      </Stack>
      {props.form}
    </Paper>
  );
}

export function ArchivedTag() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" color="gray">
      {t('setup.archivedTag')}
    </Badge>
  );
}

/** A row's "edit" and "archive" / "restore" buttons. */
export function EditArchiveButtons({ archived, onEdit, onArchive }: { archived: boolean; onEdit: () => void; onArchive: (archive: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button size="xs" variant="subtle" onClick={onEdit}>
        {t('setup.edit')}
      </Button>
      <Button size="xs" variant="subtle" onClick={() => onArchive(!archived)}>
        {archived ? t('setup.unarchive') : t('setup.archive')}
      </Button>
    </>
  );
}
