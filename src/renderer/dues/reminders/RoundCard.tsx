import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderRoundEntity } from '../../../shared/contract';
import { useFormat } from '../../member/format';
import { LettersButton } from '../letters/LettersButton';
import { LettersJobs } from '../letters/LettersJobCard';
import { useMoney } from '../money';
import type { RoundDraft } from './drafts';
import { RoundPreview } from './RoundPreview';

/**
 * One reminder round: its date, new due date, fee and text (only the text once it has run);
 * then, when saved, the preview and run, or — once run — its letters.
 */
export function RoundCard(props: {
  draft: RoundDraft;
  year: number;
  currency: 'SEK' | 'NOK';
  /** The whole form has unsaved changes: preview and run wait for a save. */
  dirty: boolean;
  error: (name: 'remindOn' | 'dueOn' | 'fee' | 'text') => string | undefined;
  onChange: (draft: RoundDraft) => void;
  onRemove: () => void;
  onRan: (round: ReminderRoundEntity) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney(props.currency);
  const { date } = useFormat();
  const [previewing, setPreviewing] = useState(false);
  const d = props.draft;
  const ran = d.runAt !== null;
  const set = (change: Partial<RoundDraft>) => props.onChange({ ...d, ...change });
  const title = d.round ? t('duesRuns.reminders.round', { round: d.round }) : t('duesRuns.reminders.newRound');

  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid="reminder-round" data-round={d.round ?? ''}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={4}>{title}</Title>
            {d.id !== null && (
              <Text size="sm" c={ran ? 'teal.8' : 'dimmed'} fw={ran ? 600 : undefined} data-testid="round-status">
                {ran ? t('duesRuns.reminders.ranOn', { date: date(d.runAt), count: d.reminded, owed: money(d.owedTotal) }) : t('duesRuns.reminders.notRun')}
              </Text>
            )}
          </Group>
          {!ran && (
            <Button size="xs" variant="subtle" color="red" onClick={props.onRemove}>
              {t('duesRuns.reminders.remove')}
            </Button>
          )}
        </Group>

        <Group align="start" gap="md">
          <TextInput type="date" label={t('duesRuns.reminders.remindOn')} value={d.remindOn} onChange={(e) => set({ remindOn: e.currentTarget.value })} disabled={ran} error={props.error('remindOn')} w={190} required />
          <TextInput type="date" label={t('duesRuns.reminders.dueOn')} value={d.dueOn} onChange={(e) => set({ dueOn: e.currentTarget.value })} disabled={ran} error={props.error('dueOn')} w={190} required />
          <TextInput
            label={t('duesRuns.reminders.fee')}
            description={t('duesRuns.reminders.feeHelp')}
            value={d.fee}
            onChange={(e) => set({ fee: e.currentTarget.value })}
            disabled={ran}
            error={props.error('fee')}
            rightSection={<Text size="sm" c="dimmed">kr</Text>}
            inputMode="decimal"
            // The help under the field, so the three inputs line up.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            w={240}
          />
        </Group>
        <Textarea
          label={t('duesRuns.reminders.text')}
          description={t('duesRuns.reminders.textHelp')}
          value={d.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          error={props.error('text')}
          autosize
          minRows={3}
          maxRows={10}
        />
        {ran && (
          <Text size="xs" c="dimmed">
            {t('duesRuns.reminders.lockedRun')}
          </Text>
        )}

        {d.id !== null && !props.dirty && (
          <Group>
            {ran ? (
              <LettersButton
                variant="light"
                target={{ source: { kind: 'round', roundId: d.id }, sourceKey: `round:${d.id}`, what: t('duesRuns.letters.names.round', { round: d.round, year: props.year }) }}
              />
            ) : (
              <Button variant={previewing ? 'filled' : 'light'} onClick={() => setPreviewing((p) => !p)} aria-expanded={previewing}>
                {t('duesRuns.reminders.preview')}
              </Button>
            )}
          </Group>
        )}
        {d.id !== null && !props.dirty && !ran && previewing && <RoundPreview roundId={d.id} currency={props.currency} onRan={props.onRan} />}
        {d.id !== null && <LettersJobs match={(k) => k === `round:${d.id}`} />}
      </Stack>
    </Paper>
  );
}
