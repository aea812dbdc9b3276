import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrikeOffEntity } from '../../../shared/contract';
import { call } from '../../api';
import { useFormat } from '../../member/format';
import { ConfirmDialog } from '../runs/ConfirmDialog';
import { useRunsErrors } from '../runs/errors';

/** The year's strike-offs: when, why, whom; Undo while nothing has changed since. */
export function StruckOffList({ year, entries, onChanged }: { year: number; entries: StrikeOffEntity[]; onChanged: (message: string | null, failure: string | null) => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const errors = useRunsErrors();
  const [undoing, setUndoing] = useState<StrikeOffEntity | null>(null);
  const [busy, setBusy] = useState(false);

  const undo = async () => {
    if (!undoing) return;
    setBusy(true);
    try {
      await call('dues.undoStrikeOff', { id: undoing.id });
      onChanged(t('duesRuns.strikeOff.undoneNow'), null);
    } catch (e) {
      onChanged(null, errors.error(e));
    } finally {
      setBusy(false);
      setUndoing(null);
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="struck-off-title">
      <Title order={3} id="struck-off-title">
        {t('duesRuns.strikeOff.listTitle')}
      </Title>
      {entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('duesRuns.strikeOff.listEmpty', { year })}
        </Text>
      )}
      {entries.map((e) => (
        <Paper key={e.id} withBorder p="sm" data-testid="struck-off-entry" data-undone={e.undoneAt ? 'true' : 'false'}>
          <Stack gap={4}>
            <Group justify="space-between">
              <Group gap="sm">
                <Text fw={600}>{t('duesRuns.strikeOff.listOn', { date: date(e.on), reason: t(`duesRuns.strikeOff.reasons.${e.reason}`) })}</Text>
                <Badge variant="light" color={e.undoneAt ? 'gray' : 'red'}>
                  {t('duesRuns.strikeOff.people', { count: e.members.length })}
                </Badge>
                {e.undoneAt && (
                  <Badge variant="outline" color="gray">
                    {t('duesRuns.strikeOff.undone', { date: date(e.undoneAt) })}
                  </Badge>
                )}
              </Group>
              {!e.undoneAt && e.undoable && (
                <Button size="xs" variant="light" onClick={() => setUndoing(e)}>
                  {t('duesRuns.strikeOff.undo')}
                </Button>
              )}
            </Group>
            <Text size="sm" td={e.undoneAt ? 'line-through' : undefined}>
              {e.members.map((m) => `${m.firstName} ${m.lastName} (${m.memberNumber})`).join(' · ')}
            </Text>
            {e.note && (
              <Text size="sm" c="dimmed">
                {e.note}
              </Text>
            )}
            {!e.undoneAt && !e.undoable && (
              <Text size="xs" c="dimmed">
                {t('duesRuns.strikeOff.notUndoable')}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
      <ConfirmDialog
        opened={undoing !== null}
        title={t('duesRuns.strikeOff.undoTitle')}
        confirm={t('duesRuns.strikeOff.undoConfirm')}
        busy={busy}
        onCancel={() => setUndoing(null)}
        onConfirm={() => void undo()}
      >
        {undoing && t('duesRuns.strikeOff.undoBody', { count: undoing.members.length, date: date(undoing.on) })}
      </ConfirmDialog>
    </Stack>
  );
}
