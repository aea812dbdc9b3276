import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberPageEntity, MembershipTypeEntity } from '../../shared/contract';
import { call } from '../api';
import { todayIso, useFormat } from './format';
import { useAction } from './useAction';

/** The member's membership types over time, and a dated change to a new one. */
export function MemberTypeHistory({ page, types, onChanged }: { page: MemberPageEntity; types: MembershipTypeEntity[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [typeId, setTypeId] = useState<string | null>(null);
  const [from, setFrom] = useState(todayIso());
  const { run, busy, issues } = useAction(onChanged);
  const typeName = (id: number) => {
    const x = types.find((y) => y.id === id);
    return !x ? `#${id}` : x.code ? t(`members.types.${x.code}`, { defaultValue: x.name }) : x.name;
  };
  const periods = [...page.typePeriods].reverse();

  const change = async () => {
    if (!typeId) return issues.set([{ field: 'membershipTypeId', code: 'required' }]);
    const ok = await run(
      () => call('membershipTypes.change', { memberId: page.member.id, membershipTypeId: Number(typeId), from }),
      t('memberPage.type.changed'),
    );
    if (ok) setTypeId(null);
  };

  return (
    <Stack>
      {periods.length === 0 ? (
        <Text c="dimmed">{t('memberPage.type.none')}</Text>
      ) : (
        <Table striped data-testid="type-periods">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('memberPage.type.type')}</Table.Th>
              <Table.Th>{t('memberPage.type.from')}</Table.Th>
              <Table.Th>{t('memberPage.type.to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {typeName(p.membershipTypeId)} {p.to === null && <Badge size="sm" variant="light">{t('memberPage.groups.current')}</Badge>}
                </Table.Td>
                <Table.Td>{fmt.date(p.from)}</Table.Td>
                <Table.Td>{p.to ? fmt.date(p.to) : t('memberPage.type.ongoing')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={5}>{t('memberPage.type.change')}</Title>
      <form
        data-testid="type-form"
        onSubmit={(e) => {
          e.preventDefault();
          void change();
        }}
      >
        <Group align="flex-start">
          <Select
            label={t('memberPage.type.newType')}
            data={types.filter((x) => !x.archived).map((x) => ({ value: String(x.id), label: typeName(x.id) }))}
            value={typeId}
            onChange={(v) => {
              setTypeId(v);
              issues.clear('membershipTypeId');
            }}
            error={issues.at('membershipTypeId')}
            required
            w={240}
          />
          <TextInput label={t('memberPage.type.from')} type="date" value={from} onChange={(e) => { setFrom(e.currentTarget.value); issues.clear('from'); }} error={issues.at('from')} required w={200} name="typeFrom" />
          <Button type="submit" mt={25} loading={busy}>{t('memberPage.type.change')}</Button>
        </Group>
      </form>
    </Stack>
  );
}
