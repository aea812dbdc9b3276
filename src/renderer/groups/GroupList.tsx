import { Badge, Checkbox, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupEntity } from '../../shared/contract';

/** The association's groups; choosing one shows its role holders beside the list. */
export function GroupList({
  groups,
  selectedId,
  onSelect,
  includeArchived,
  onIncludeArchived,
}: {
  groups: GroupEntity[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  includeArchived: boolean;
  onIncludeArchived: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" style={{ minHeight: 0, flex: 1 }}>
      <Checkbox label={t('groups.showArchived')} checked={includeArchived} onChange={(e) => onIncludeArchived(e.currentTarget.checked)} />
      {groups.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="groups-empty">
          {t('groups.empty')}
        </Text>
      ) : (
        <ScrollArea style={{ flex: 1 }}>
          <nav aria-label={t('groups.heading')}>
            {groups.map((g) => (
              <NavLink
                key={g.id}
                component="button"
                active={g.id === selectedId}
                onClick={() => onSelect(g.id)}
                label={g.name}
                description={`${t(`groups.kinds.${g.kind}`)} · ${t('groups.currentCount', { count: g.currentCount })}`}
                rightSection={g.archived ? <Badge color="gray" variant="light">{t('groups.archivedTag')}</Badge> : null}
                data-testid="group-item"
                aria-current={g.id === selectedId ? 'true' : undefined}
              />
            ))}
          </nav>
        </ScrollArea>
      )}
    </Stack>
  );
}
