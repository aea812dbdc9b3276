import { Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type GroupEntity, type MemberPageEntity, type Role } from '../../shared/contract';
import { call } from '../api';
import { todayIso, useFormat } from './format';
import { useAction } from './useAction';

/** The member's roles in groups, past and present, and a form to add one. */
export function MemberGroupsTab({ page, onChanged }: { page: MemberPageEntity; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [groups, setGroups] = useState<GroupEntity[]>([]);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [role, setRole] = useState<Role>('member');
  const [from, setFrom] = useState(todayIso());
  const [to, setTo] = useState('');
  const { run, busy, issues } = useAction(onChanged);
  const today = todayIso();

  useEffect(() => {
    call('groups.list', {}).then(setGroups).catch(() => setGroups([]));
  }, []);

  const add = async () => {
    if (!groupId) return issues.set([{ field: 'groupId', code: 'required' }]);
    const ok = await run(
      () => call('groups.addRole', { memberId: page.member.id, groupId: Number(groupId), role, from, to: to || null }),
      t('memberPage.groups.added'),
    );
    if (ok) setTo('');
  };

  const remove = (id: number) =>
    modals.openConfirmModal({
      title: t('memberPage.groups.remove'),
      children: <Text size="sm">{t('memberPage.groups.removeConfirm')}</Text>,
      labels: { confirm: t('memberPage.groups.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void run(() => call('groups.removeRole', { id })),
    });

  const roles = [...page.roles].sort((a, b) => (b.from < a.from ? -1 : 1));

  return (
    <Stack>
      {roles.length === 0 ? (
        <Text c="dimmed">{t('memberPage.groups.none')}</Text>
      ) : (
        <Table striped data-testid="role-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('memberPage.groups.group')}</Table.Th>
              <Table.Th>{t('memberPage.groups.role')}</Table.Th>
              <Table.Th>{t('memberPage.groups.from')}</Table.Th>
              <Table.Th>{t('memberPage.groups.to')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.map((r) => {
              const current = r.from <= today && (r.to === null || r.to >= today);
              return (
                <Table.Tr key={r.id} data-testid="role-row">
                  <Table.Td>{r.groupName}</Table.Td>
                  <Table.Td>
                    {t(`roles.${r.role}`)}{' '}
                    {current && <Badge size="sm" variant="light">{t('memberPage.groups.current')}</Badge>}
                  </Table.Td>
                  <Table.Td>{fmt.date(r.from)}</Table.Td>
                  <Table.Td>{r.to ? fmt.date(r.to) : t('memberPage.groups.ongoing')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {current && r.to === null && (
                        <Button size="xs" variant="default" onClick={() => void run(() => call('groups.endRole', { id: r.id }))}>
                          {t('memberPage.groups.end')}
                        </Button>
                      )}
                      <Button size="xs" variant="subtle" color="red" onClick={() => remove(r.id)}>
                        {t('memberPage.groups.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Title order={5}>{t('memberPage.groups.add')}</Title>
      {groups.length === 0 ? (
        <Text c="dimmed">{t('memberPage.groups.noGroups')}</Text>
      ) : (
        <form
          data-testid="role-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Select
              label={t('memberPage.groups.group')}
              data={groups.filter((g) => !g.archived).map((g) => ({ value: String(g.id), label: g.name }))}
              value={groupId}
              onChange={(v) => {
                setGroupId(v);
                issues.clear('groupId');
              }}
              error={issues.at('groupId')}
              searchable
              required
            />
            <Select
              label={t('memberPage.groups.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              error={issues.at('role')}
            />
            <TextInput label={t('memberPage.groups.from')} type="date" value={from} onChange={(e) => { setFrom(e.currentTarget.value); issues.clear('from'); }} error={issues.at('from')} required name="roleFrom" />
            <TextInput label={`${t('memberPage.groups.to')} (${t('memberPage.groups.toHint')})`} type="date" value={to} onChange={(e) => { setTo(e.currentTarget.value); issues.clear('to'); }} error={issues.at('to')} name="roleTo" />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={busy}>{t('memberPage.groups.add')}</Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
