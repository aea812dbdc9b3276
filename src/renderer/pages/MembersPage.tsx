import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BulkActionKind, CustomFieldEntity, GroupEntity, MembershipTypeEntity, MemberSortColumn, RegisterInfo, SegmentGroup, SegmentNode,
} from '../../shared/contract';
import { call } from '../api';
import { BulkDialog } from '../bulk/BulkDialog';
import { BulkMenu } from '../bulk/BulkMenu';
import { RecentOperations } from '../bulk/RecentOperations';
import { noSelection, resolveTarget, selectedCount, type Selection } from '../bulk/target';
import { notifyApplied } from '../bulk/undo';
import { MemberGrid, type GridSelection } from '../components/MemberGrid';
import { useMemberPages, type MemberQuery } from '../hooks/useMemberPages';
import { ColumnChooser } from '../segments/ColumnChooser';
import { isExtra, loadColumns, saveColumns, type ColumnId } from '../segments/columns';
import { FilterPanel, type LoadedSegment } from '../segments/FilterPanel';
import { emptyGroup, hasConditions, usableNode } from '../segments/model';
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
  const [fields, setFields] = useState<CustomFieldEntity[]>([]);
  const [groups, setGroups] = useState<GroupEntity[]>([]);
  const [filterOpen, setFilterOpen] = useState(false);
  const [definition, setDefinition] = useState<SegmentGroup>(emptyGroup());
  const [loaded, setLoaded] = useState<LoadedSegment | null>(null);
  const [columns, setColumns] = useState<ColumnId[]>(() => loadColumns(info.path));
  const [ticked, setTicked] = useState<{ key: string; selection: Selection }>({ key: '', selection: noSelection() });
  const [bulkKind, setBulkKind] = useState<BulkActionKind | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call('members.types', {}).then(setTypes).catch(() => setTypes([]));
    call('customFields.list', {}).then(setFields).catch(() => setFields([]));
    call('groups.list', {}).then(setGroups).catch(() => setGroups([]));
  }, [refreshKey]);

  // The list follows the filter as it is edited, once the typing pauses; half-filled conditions
  // are left out until they can be run.
  const [appliedJson] = useDebouncedValue(JSON.stringify(usableNode(definition)), 200);
  const applied = useMemo(() => {
    const node = JSON.parse(appliedJson) as SegmentNode | null;
    return hasConditions(node) ? node : null;
  }, [appliedJson]);
  const extraColumns = useMemo(() => columns.filter((c) => isExtra(c)), [columns]);

  // The hook spreads the whole query into 'members.list', so the segment and extra columns go along.
  const query: MemberQuery = useMemo(
    () => ({
      search: debouncedSearch, sort: sort.column, direction: sort.direction, includeArchived,
      segment: applied ? { definition: applied } : undefined, columns: extraColumns,
    }),
    [debouncedSearch, sort, includeArchived, applied, extraColumns],
  );
  const pages = useMemberPages(query, refreshKey);
  const total = pages.total ?? 0;

  // A new question is a new list: ticks on the old one would act on members no longer shown,
  // so a selection belongs to the query it was made in.
  const queryKey = JSON.stringify(query);
  const selection = ticked.key === queryKey ? ticked.selection : noSelection();
  const setSelection = (f: Selection | ((s: Selection) => Selection)) =>
    setTicked((prev) => {
      const current = prev.key === queryKey ? prev.selection : noSelection();
      return { key: queryKey, selection: typeof f === 'function' ? f(current) : f };
    });

  useHotkeys([
    ['mod+N', () => setEditing('new')],
    ['mod+F', () => searchRef.current?.focus()],
  ]);

  const onSort = (column: MemberSortColumn) =>
    setSort((s) => ({ column, direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc' }));

  const chooseColumns = (c: ColumnId[]) => {
    setColumns(c);
    saveColumns(info.path, c);
  };

  const count = selectedCount(selection, total);
  const gridSelection: GridSelection = {
    isSelected: (id) => (selection.all ? !selection.except.has(id) : selection.ids.has(id)),
    onToggle: (id, on) =>
      setSelection((s) => {
        const set = new Set(s.all ? s.except : s.ids);
        if (on === s.all) set.delete(id);
        else set.add(id);
        return s.all ? { ...s, except: set } : { ...s, ids: set };
      }),
    header: count === 0 ? 'none' : count >= total ? 'all' : 'some',
    onToggleAll: (on) => setSelection(on ? { all: true, ids: new Set(), except: new Set() } : noSelection()),
  };
  const refresh = useCallback(() => setRefreshKey((k) => k + 1), []);

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0, overflowY: "auto" }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <TextInput
            ref={searchRef}
            placeholder={t('members.search')}
            aria-label={t('members.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            // Wide enough for the whole placeholder in sv/nb/en ("Søk navn, nummer, e-post, telefon eller sted").
            w={380}
            type="search"
            data-testid="member-search"
          />
          <Button variant={filterOpen || applied ? 'filled' : 'default'} onClick={() => setFilterOpen((o) => !o)}
            aria-expanded={filterOpen} data-testid="filter-toggle">
            {loaded ? t('segments.active', { name: loaded.name }) : t('segments.filter')}
          </Button>
          <ColumnChooser value={columns} onChange={chooseColumns} fields={fields} />
          <Checkbox label={t('members.showArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
        </Group>
        <Button onClick={() => setEditing('new')} title="Ctrl+N" style={{ flexShrink: 0 }}>
          {t('members.add')}
        </Button>
      </Group>
      {filterOpen && (
        <FilterPanel definition={definition} applied={applied} onChange={setDefinition} loaded={loaded} onLoaded={setLoaded}
          data={{ types, groups, fields }} />
      )}
      <Group justify="space-between">
        <Group gap="sm">
          <BulkMenu count={count} onChoose={setBulkKind} />
          {count > 0 && (
            <>
              <Text size="sm" data-testid="selected-count">{t('segments.select.selected', { count })}</Text>
              <Button size="compact-sm" variant="subtle" onClick={() => setSelection(noSelection())}>{t('segments.select.clear')}</Button>
            </>
          )}
          <RecentOperations refreshKey={refreshKey} onUndone={refresh} />
        </Group>
        <Text c="dimmed" data-testid="member-count">
          {pages.total !== null && t('members.count', { count: pages.total })}
        </Text>
      </Group>
      {pages.total === 0 ? (
        <Text c="dimmed" ta="center" mt="xl" data-testid="members-empty">
          {applied ? t('segments.matchesNobody') : debouncedSearch ? t('members.noMatch', { search: debouncedSearch }) : t('members.empty')}
        </Text>
      ) : (
        <MemberGrid info={info} types={types} fields={fields} columns={columns} pages={pages} sort={sort} onSort={onSort}
          onOpen={(id) => setEditing(id)} selection={gridSelection} />
      )}
      <BulkDialog
        kind={bulkKind}
        types={types}
        target={() => resolveTarget(selection, query, applied)}
        onClose={() => setBulkKind(null)}
        onApplied={(op) => {
          setBulkKind(null);
          setSelection(noSelection());
          refresh();
          notifyApplied(op, t, refresh);
        }}
      />
      <MemberDrawer
        target={editing}
        info={info}
        types={types}
        onClose={() => setEditing(null)}
        onChanged={refresh}
      />
    </Stack>
  );
}
