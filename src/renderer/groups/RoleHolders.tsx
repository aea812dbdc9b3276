import { Alert, Button, Group, NumberInput, SegmentedControl, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type GroupEntity, type RoleHolderRow } from '../../shared/contract';
import { call } from '../api';
import { AddRoleModal } from './AddRoleModal';
import { formatDate, todayIso } from './dates';
import { useErrorText } from '../components/ErrorAlert';
import { RoleDatesModal } from './RoleDatesModal';

const byRole = (a: RoleHolderRow, b: RoleHolderRow) =>
  ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.from.localeCompare(b.from) || a.lastName.localeCompare(b.lastName);

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Who held the group's roles on one date (today unless chosen: "the board on 2024-12-31"), or at
 * any time during a year ("the board of 2019").
 */
export function RoleHolders({ group, onChanged }: { group: GroupEntity; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [period, setPeriod] = useState<'date' | 'year'>('date');
  const [at, setAt] = useState(todayIso());
  const [year, setYear] = useState<string | number>(new Date().getFullYear());
  const [rows, setRows] = useState<RoleHolderRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<{ row: RoleHolderRow; mode: 'end' | 'dates' } | null>(null);
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    // A half-typed date or year is not yet something to ask about.
    const y = String(year);
    if (period === 'date' ? !ISO.test(at) : !/^\d{4}$/.test(y)) return;
    let stale = false;
    const query = period === 'date' ? { groupId: group.id, at } : { groupId: group.id, from: `${y}-01-01`, to: `${y}-12-31` };
    call('groups.holders', query)
      .then((r) => {
        if (stale) return;
        setRows([...r].sort(byRole));
        setLoadError(null);
      })
      .catch((e) => !stale && setLoadError(errorText(e, 'groups')));
    return () => {
      stale = true;
    };
  }, [group.id, period, at, year, refresh, errorText]);

  const changed = useCallback(() => {
    setRefresh((n) => n + 1);
    onChanged();
  }, [onChanged]);

  const remove = (row: RoleHolderRow) =>
    modals.openConfirmModal({
      title: t('groups.removeTitle'),
      children: <Text size="sm">{t('groups.removeConfirm')}</Text>,
      labels: { confirm: t('groups.remove'), cancel: t('groups.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('groups.removeRole', { id: row.id })
          .then(() => {
            notifications.show({ message: t('groups.removed') });
            changed();
          })
          .catch((e) => notifications.show({ color: 'red', message: errorText(e, 'groups') })),
    });

  const date = ISO.test(at) ? formatDate(at, i18n.language) : '';
  const caption = period === 'date' ? t('groups.holdersOn', { group: group.name, date }) : t('groups.holdersDuring', { group: group.name, year });
  const empty = period === 'date' ? t('groups.noHolders', { group: group.name, date }) : t('groups.noHoldersYear', { group: group.name, year });

  return (
    <>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end" gap="xs">
          <SegmentedControl
            value={period}
            onChange={(v) => setPeriod(v as 'date' | 'year')}
            data={[
              { value: 'date', label: t('groups.onDate') },
              { value: 'year', label: t('groups.duringYear') },
            ]}
          />
          {period === 'date' ? (
            <>
              <TextInput label={t('groups.at')} type="date" value={at} onChange={(e) => setAt(e.currentTarget.value)} data-testid="holders-at" w={200} />
              <Button variant="default" onClick={() => setAt(todayIso())} disabled={at === todayIso()}>
                {t('groups.today')}
              </Button>
            </>
          ) : (
            <NumberInput label={t('groups.year')} value={year} onChange={setYear} min={1800} max={2200} allowDecimal={false} thousandSeparator={false} w={120} data-testid="holders-year" />
          )}
        </Group>
        <Button onClick={() => setAdding(true)} disabled={group.archived}>
          {t('groups.addRole')}
        </Button>
      </Group>
      {loadError && (
        <Alert color="red" role="alert">
          {loadError}
        </Alert>
      )}
      <Text fw={600} size="lg" data-testid="holders-caption">
        {caption}
      </Text>
      {rows && rows.length === 0 ? (
        <Text c="dimmed" data-testid="holders-empty">
          {empty}
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="holders">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('groups.columns.role')}</Table.Th>
              <Table.Th>{t('groups.columns.member')}</Table.Th>
              <Table.Th>{t('groups.columns.from')}</Table.Th>
              <Table.Th>{t('groups.columns.to')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('groups.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((r) => (
              <Table.Tr key={r.id} data-testid="holder-row">
                <Table.Td fw={600}>{t(`roles.${r.role}`)}</Table.Td>
                <Table.Td>{t('groups.memberLabel', { firstName: r.firstName, lastName: r.lastName, number: r.memberNumber })}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.from, i18n.language)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.to ? formatDate(r.to, i18n.language) : <Text span c="dimmed">{t('groups.ongoing')}</Text>}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {!r.to && (
                      <Button size="xs" variant="light" onClick={() => setEditing({ row: r, mode: 'end' })}>
                        {t('groups.end')}
                      </Button>
                    )}
                    <Button size="xs" variant="subtle" onClick={() => setEditing({ row: r, mode: 'dates' })}>
                      {t('groups.editDates')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove(r)}>
                      {t('groups.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && (
        <AddRoleModal
          group={group}
          opened
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            changed();
          }}
        />
      )}
      <RoleDatesModal
        key={editing ? `${editing.row.id}-${editing.mode}` : 'none'}
        row={editing?.row ?? null}
        mode={editing?.mode ?? 'dates'}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
    </>
  );
}
