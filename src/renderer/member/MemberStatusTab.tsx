import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAVE_REASONS, STRIKE_OFF_REASONS, type MemberPageEntity, type MemberStatus, type StatusChange } from '../../shared/contract';
import { call } from '../api';
import { todayIso, useFormat } from './format';
import { useAction } from './useAction';

const COLORS: Record<MemberStatus, string> = { active: 'teal', left: 'gray', struck_off: 'orange' };

/** The life cycle: current status, every event kept, and a dated change (leave, strike off, re-join). */
export function MemberStatusTab({ page, onChanged }: { page: MemberPageEntity; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const m = page.member;
  // From active one leaves or is struck off; from either of those, the only way is back.
  const choices: MemberStatus[] = m.status === 'active' ? ['left', 'struck_off'] : ['active'];
  const [to, setTo] = useState<MemberStatus>(choices[0]);
  const [on, setOn] = useState(todayIso());
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { run, busy, issues } = useAction(onChanged);
  const target = choices.includes(to) ? to : choices[0];
  const reasons = target === 'left' ? LEAVE_REASONS : target === 'struck_off' ? STRIKE_OFF_REASONS : [];

  const submit = async () => {
    if (target !== 'active' && !reason) return issues.set([{ field: 'reason', code: 'required' }]);
    const base = { memberId: m.id, on, note: note.trim() || undefined };
    const change: StatusChange =
      target === 'left'
        ? { ...base, to: 'left', reason: reason as (typeof LEAVE_REASONS)[number] }
        : target === 'struck_off'
          ? { ...base, to: 'struck_off', reason: reason as (typeof STRIKE_OFF_REASONS)[number] }
          : { ...base, to: 'active' };
    const ok = await run(() => call('members.changeStatus', change), t('memberPage.status.changed'));
    if (ok) {
      setReason(null);
      setNote('');
      setTo(target === 'active' ? 'left' : 'active');
    }
  };

  const events = [...page.statusEvents].reverse();

  return (
    <Stack>
      <Group>
        <Text fw={500}>{t('memberPage.status.current')}:</Text>
        <Badge color={COLORS[m.status]} size="lg" data-testid="current-status">{t(`members.status.${m.status}`)}</Badge>
        {m.statusSince && <Text c="dimmed">{t('memberPage.status.since', { date: fmt.date(m.statusSince) })}</Text>}
      </Group>
      <Title order={5}>{t('memberPage.status.change')}</Title>
      <form
        data-testid="status-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Group align="flex-start">
          <Select
            label={t('memberPage.status.to')}
            data={choices.map((s) => ({ value: s, label: s === 'active' ? t('memberPage.status.rejoin') : t(`members.status.${s}`) }))}
            value={target}
            onChange={(v) => {
              if (!v) return;
              setTo(v as MemberStatus);
              setReason(null);
              issues.set([]);
            }}
            allowDeselect={false}
            error={issues.at('to')}
            w={220}
            name="statusTo"
          />
          <TextInput label={t('memberPage.status.on')} type="date" value={on} onChange={(e) => { setOn(e.currentTarget.value); issues.clear('on'); }} error={issues.at('on')} required w={180} name="statusOn" />
          {reasons.length > 0 && (
            <Select
              label={t('memberPage.status.reason')}
              data={reasons.map((r) => ({ value: r, label: t(`memberPage.status.reasons.${r}`) }))}
              value={reason}
              onChange={(v) => {
                setReason(v);
                issues.clear('reason');
              }}
              error={issues.at('reason')}
              required
              w={200}
              name="statusReason"
            />
          )}
        </Group>
        <TextInput mt="sm" label={t('memberPage.status.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} name="statusNote" />
        {issues.at('memberId') && <Text c="red" size="sm" mt="xs">{issues.at('memberId')}</Text>}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={busy}>{t('memberPage.status.submit')}</Button>
        </Group>
      </form>
      <Title order={5}>{t('memberPage.status.events')}</Title>
      <Table striped data-testid="status-events">
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} data-testid="status-event">
              <Table.Td w={160}>{fmt.date(e.on)}</Table.Td>
              <Table.Td>{t(`memberPage.status.kinds.${e.kind}`)}</Table.Td>
              <Table.Td>{e.reason ? t(`memberPage.status.reasons.${e.reason}`) : ''}</Table.Td>
              <Table.Td c="dimmed">{e.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
