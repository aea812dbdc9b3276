import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportRunEntity } from '../../shared/contract/imports';
import { localeOf } from '../i18n';

/** The register's import history: file, counts, when; the latest can be undone from here. */
export function ImportRuns({ runs, onUndo }: { runs: ImportRunEntity[]; onUndo: (run: ImportRunEntity) => void }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <Stack gap="xs" data-testid="import-runs">
      <Title order={3}>{t('import.history')}</Title>
      {runs.length === 0 && <Text c="dimmed">{t('import.historyEmpty')}</Text>}
      <List listStyleType="none" spacing="xs">
        {runs.map((r) => (
          <List.Item key={r.id}>
            <Group gap="sm">
              <Text c="dimmed" size="sm">{when(r.at)}</Text>
              <Text td={r.undoneAt ? 'line-through' : undefined}>{t('import.historyLine', {
                name: r.fileName,
                created: t('import.counts.created', { count: r.created }),
                updated: t('import.counts.updated', { count: r.updated }),
                skipped: t('import.counts.skipped', { count: r.skipped }),
              })}</Text>
              {r.undoneAt && <Text c="dimmed" size="sm">{t('import.undoneAt', { date: when(r.undoneAt) })}</Text>}
              {r.undoable && <Button size="xs" variant="default" onClick={() => onUndo(r)}>{t('import.undo')}</Button>}
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
