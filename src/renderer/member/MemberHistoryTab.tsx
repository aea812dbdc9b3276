import { Badge, Button, Group, Table, Text, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntity, MemberPageEntity, MembershipTypeEntity } from '../../shared/contract';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { useFormat } from './format';

const FLAGS = new Set(['consentSms', 'consentEmail', 'consentPost']);
const DATES = new Set(['birthDate', 'joinedOn', 'statusSince']);

/** Every change to the member's fields, newest first, with the value before and after. */
export function MemberHistoryTab({ page, types }: { page: MemberPageEntity; types: MembershipTypeEntity[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errorText = useErrorText();
  // The page brings the latest 100; older ones are fetched on demand.
  const [older, setOlder] = useState<HistoryEntity[]>([]);
  const rows = [...page.history, ...older.filter((o) => !page.history.some((h) => h.id === o.id))];

  const more = () =>
    call('history.list', { memberId: page.member.id, offset: rows.length, limit: 200 })
      .then((r) => setOlder((o) => [...o, ...r.rows]))
      .catch((e) => notifications.show({ color: 'red', message: errorText(errorOf(e)) }));

  const fieldName = (field: string) => {
    const custom = /^custom:(\d+)$/.exec(field);
    if (custom) return page.customFields.find((f) => f.id === Number(custom[1]))?.name ?? t('memberPage.history.fields.unknownCustom', { id: custom[1] });
    if (field === 'status') return t('member.status');
    const own = t(`memberPage.history.fields.${field}`, { defaultValue: '' });
    return own || t(`member.${field}`, { defaultValue: field });
  };

  const valueText = (field: string, v: string | null) => {
    // "Added to the register" has no value before, and after only an import's file name.
    if (field === 'created') return v ?? '';
    if (v === null) return t('memberPage.history.empty');
    if (FLAGS.has(field)) return v === '1' ? t('memberPage.history.yes') : t('memberPage.history.no');
    if (field === 'status') return t(`members.status.${v}`, { defaultValue: v });
    if (DATES.has(field)) return fmt.date(v);
    if (field === 'archivedAt') return fmt.time(v);
    if (field === 'membershipTypeId') {
      const x = types.find((y) => y.id === Number(v));
      return !x ? v : x.code ? t(`members.types.${x.code}`, { defaultValue: x.name }) : x.name;
    }
    const custom = /^custom:(\d+)$/.exec(field);
    const def = custom && page.customFields.find((f) => f.id === Number(custom[1]));
    if (def && def.kind === 'boolean') return v === '1' ? t('memberPage.history.yes') : t('memberPage.history.no');
    if (def && def.kind === 'date') return fmt.date(v);
    return v;
  };

  if (rows.length === 0) return <Text c="dimmed">{t('memberPage.history.none')}</Text>;

  return (
    <Stack>
      <Table striped data-testid="history-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('memberPage.history.at')}</Table.Th>
            <Table.Th>{t('memberPage.history.field')}</Table.Th>
            <Table.Th>{t('memberPage.history.old')}</Table.Th>
            <Table.Th>{t('memberPage.history.new')}</Table.Th>
            <Table.Th>{t('memberPage.history.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((h) => (
            <Table.Tr key={h.id} data-testid="history-row" data-field={h.field}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.time(h.at)}</Table.Td>
              <Table.Td fw={500}>{fieldName(h.field)}</Table.Td>
              <Table.Td c="dimmed" data-testid="history-old">{valueText(h.field, h.oldValue)}</Table.Td>
              <Table.Td data-testid="history-new">{valueText(h.field, h.newValue)}</Table.Td>
              <Table.Td><Badge variant="light" color="gray">{t(`memberPage.history.sources.${h.source}`)}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text c="dimmed" size="sm">{t('memberPage.history.shown', { shown: rows.length, count: page.historyTotal })}</Text>
        {rows.length < page.historyTotal && <Button variant="default" onClick={() => void more()}>{t('memberPage.history.more')}</Button>}
      </Group>
    </Stack>
  );
}
