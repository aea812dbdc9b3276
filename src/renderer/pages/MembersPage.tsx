import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipTypeEntity, MemberSortColumn, RegisterInfo } from '../../shared/contract';
import { call } from '../api';
import { MemberGrid } from '../components/MemberGrid';
import { useMemberPages, type MemberQuery } from '../hooks/useMemberPages';
import { MemberDrawer } from './MemberDrawer';

export function MembersPage({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // A few milliseconds of quiet keeps fast typists from queueing a query per key.
  const [debouncedSearch] = useDebouncedValue(search, 60);
  const [sort, setSort] = useState<{ column: MemberSortColumn; direction: 'asc' | 'desc' }>({ column: 'lastName', direction: 'asc' });
  const [includeArchived, setIncludeArchived] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [types, setTypes] = useState<MembershipTypeEntity[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call('members.types', {}).then(setTypes).catch(() => setTypes([]));
  }, []);

  const query: MemberQuery = useMemo(
    () => ({ search: debouncedSearch, sort: sort.column, direction: sort.direction, includeArchived }),
    [debouncedSearch, sort, includeArchived],
  );
  const pages = useMemberPages(query, refreshKey);

  useHotkeys([
    ['mod+N', () => setEditing('new')],
    ['mod+F', () => searchRef.current?.focus()],
  ]);

  const onSort = (column: MemberSortColumn) =>
    setSort((s) => ({ column, direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc' }));

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between">
        <Group>
          <TextInput
            ref={searchRef}
            placeholder={t('members.search')}
            aria-label={t('members.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={380}
            type="search"
            data-testid="member-search"
          />
          <Checkbox label={t('members.showArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
        </Group>
        <Group>
          <Text c="dimmed" data-testid="member-count">
            {pages.total !== null && t('members.count', { count: pages.total })}
          </Text>
          <Button onClick={() => setEditing('new')} title="Ctrl+N">
            {t('members.add')}
          </Button>
        </Group>
      </Group>
      {pages.total === 0 ? (
        <Text c="dimmed" ta="center" mt="xl" data-testid="members-empty">
          {debouncedSearch ? t('members.noMatch', { search: debouncedSearch }) : t('members.empty')}
        </Text>
      ) : (
        <MemberGrid info={info} types={types} pages={pages} sort={sort} onSort={onSort} onOpen={(id) => setEditing(id)} />
      )}
      <MemberDrawer
        target={editing}
        info={info}
        types={types}
        onClose={() => setEditing(null)}
        onChanged={() => setRefreshKey((k) => k + 1)}
      />
    </Stack>
  );
}
