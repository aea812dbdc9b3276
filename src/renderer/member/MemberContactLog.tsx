import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS, CONTACT_OUTCOMES, type ContactKind, type ContactOutcome, type MemberPageEntity } from '../../shared/contract';
import { call } from '../api';
import { todayIso, useFormat } from './format';
import { useAction } from './useAction';

/** Calls, meetings, letters and e-mails with the member, newest first, with follow-ups. */
export function MemberContactLog({ page, onChanged }: { page: MemberPageEntity; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [kind, setKind] = useState<ContactKind>('call');
  const [on, setOn] = useState(todayIso());
  const [madeBy, setMadeBy] = useState('');
  const [outcome, setOutcome] = useState<ContactOutcome | null>(null);
  const [notes, setNotes] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const { run, busy, issues } = useAction(onChanged);
  const today = todayIso();

  const add = async () => {
    const ok = await run(
      () => call('contactLog.add', { memberId: page.member.id, kind, on, madeBy, outcome, notes, followUpOn: followUpOn || null }),
      t('memberPage.contacts.saved'),
    );
    if (ok) {
      setNotes('');
      setFollowUpOn('');
      setOutcome(null);
    }
  };

  const remove = (id: number) =>
    modals.openConfirmModal({
      title: t('memberPage.contacts.remove'),
      children: <Text size="sm">{t('memberPage.contacts.removeConfirm')}</Text>,
      labels: { confirm: t('memberPage.contacts.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void run(() => call('contactLog.remove', { id })),
    });

  return (
    <Stack>
      <Title order={5}>{t('memberPage.contacts.add')}</Title>
      <form
        data-testid="contact-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Select label={t('memberPage.contacts.kind')} data={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contactKinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as ContactKind)} allowDeselect={false} name="contactKind" />
          <TextInput label={t('memberPage.contacts.on')} type="date" value={on} onChange={(e) => { setOn(e.currentTarget.value); issues.clear('on'); }} error={issues.at('on')} required name="contactOn" />
          <TextInput label={t('memberPage.contacts.madeBy')} value={madeBy} onChange={(e) => setMadeBy(e.currentTarget.value)} maxLength={100} name="contactMadeBy" />
          <Select label={t('memberPage.contacts.outcome')} data={CONTACT_OUTCOMES.map((o) => ({ value: o, label: t(`contactOutcomes.${o}`) }))} value={outcome} onChange={(v) => setOutcome(v as ContactOutcome | null)} clearable name="contactOutcome" />
        </SimpleGrid>
        <Textarea mt="sm" label={t('memberPage.contacts.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={4000} name="contactNotes" />
        <Group justify="space-between" align="flex-end" mt="sm">
          <TextInput label={t('memberPage.contacts.followUpOn')} type="date" value={followUpOn} onChange={(e) => { setFollowUpOn(e.currentTarget.value); issues.clear('followUpOn'); }} error={issues.at('followUpOn')} w={200} name="contactFollowUp" />
          <Button type="submit" loading={busy}>{t('memberPage.contacts.save')}</Button>
        </Group>
      </form>
      {page.contacts.length === 0 ? (
        <Text c="dimmed">{t('memberPage.contacts.none')}</Text>
      ) : (
        <Stack gap="xs" data-testid="contact-list">
          {page.contacts.map((c) => (
            <Card key={c.id} withBorder padding="sm" data-testid="contact-entry">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs">
                  <Text fw={600}>{t(`contactKinds.${c.kind}`)}</Text>
                  <Text c="dimmed">{fmt.date(c.on)}</Text>
                  {c.madeBy && <Text c="dimmed">· {c.madeBy}</Text>}
                  {c.outcome && <Badge variant="light">{t(`contactOutcomes.${c.outcome}`)}</Badge>}
                  {c.followUpOn && !c.followUpDoneOn && (
                    <Badge color={c.followUpOn <= today ? 'orange' : 'blue'} variant="outline" data-testid="follow-up">
                      {t('memberPage.contacts.followUp', { date: fmt.date(c.followUpOn) })}
                    </Badge>
                  )}
                  {c.followUpDoneOn && (
                    <Badge color="teal" variant="outline">{t('memberPage.contacts.followUpDone', { date: fmt.date(c.followUpDoneOn) })}</Badge>
                  )}
                </Group>
                <Group gap="xs" wrap="nowrap">
                  {c.followUpOn && !c.followUpDoneOn && (
                    <Button size="xs" variant="default" onClick={() => void run(() => call('contactLog.completeFollowUp', { id: c.id }))}>
                      {t('memberPage.contacts.markDone')}
                    </Button>
                  )}
                  <Button size="xs" variant="subtle" color="red" onClick={() => remove(c.id)}>{t('memberPage.contacts.remove')}</Button>
                </Group>
              </Group>
              {c.notes && <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</Text>}
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
