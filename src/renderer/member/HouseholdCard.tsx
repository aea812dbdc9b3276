import { Button, Group, Popover, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberPageEntity, MemberRow } from '../../shared/contract';
import { call } from '../api';
import { useAction } from './useAction';

/** The member's household in the header: who else lives there, leave it, or form one. */
export function HouseholdCard({ page, onChanged, onOpen }: { page: MemberPageEntity; onChanged: () => void; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { run, issues } = useAction(onChanged);
  const h = page.household;
  const m = page.member;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [options, setOptions] = useState<MemberRow[]>([]);

  useEffect(() => {
    if (!debounced.trim()) return;
    call('members.list', { search: debounced, limit: 20 })
      .then((p) => setOptions(p.rows.filter((r) => r.id !== m.id)))
      .catch(() => setOptions([]));
  }, [debounced, m.id]);

  const join = (otherId: string | null) => {
    if (!otherId) return;
    const other = Number(otherId);
    void run(() => (h ? call('households.addMembers', { id: h.id, memberIds: [other] }) : call('households.create', { memberIds: [m.id, other] })));
    setSearch('');
  };

  const leave = () =>
    modals.openConfirmModal({
      title: t('memberPage.household.leave'),
      children: <Text size="sm">{t('memberPage.household.leaveConfirm', { name: `${m.firstName} ${m.lastName}` })}</Text>,
      labels: { confirm: t('memberPage.household.leave'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void run(() => call('households.removeMember', { memberId: m.id })),
    });

  const others = h?.members.filter((x) => x.id !== m.id) ?? [];

  return (
    <Popover width={440} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Button size="compact-sm" variant="default" data-testid="household-button">
          {h ? `${h.name || t('memberPage.household.unnamed')}: ${others.map((x) => x.firstName).join(', ')}` : t('memberPage.household.none')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fw={600}>{t('memberPage.household.title')}</Text>
          {others.map((x) => (
            <Button key={x.id} variant="subtle" justify="flex-start" onClick={() => onOpen(x.id)}>
              {x.memberNumber} · {x.firstName} {x.lastName}
            </Button>
          ))}
          <Select
            label={t('memberPage.household.with')}
            placeholder={t('memberPage.household.withHint')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={(debounced.trim() ? options : []).map((r) => ({ value: String(r.id), label: `${r.memberNumber} · ${r.firstName} ${r.lastName}${r.city ? `, ${r.city}` : ''}` }))}
            filter={({ options: o }) => o}
            value={null}
            onChange={join}
            error={issues.at('memberIds')}
            comboboxProps={{ withinPortal: false }}
          />
          {h && (
            <Group justify="flex-end">
              <Button variant="subtle" color="red" size="xs" onClick={leave}>{t('memberPage.household.leave')}</Button>
            </Group>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
