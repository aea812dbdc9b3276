import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderRoundEntity, RegisterInfo } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/result';
import { call, errorOf } from '../../api';
import { useRunsErrors } from '../runs/errors';
import { YearField } from '../runs/YearField';
import { useDuesYear, validYear } from '../runs/useDuesYear';
import { isDirty, newDraft, toDraft, toInputs, type RoundDraft } from './drafts';
import { RoundCard } from './RoundCard';
import { PanelHeader } from '../../components/PanelHeader';

/**
 * The year's reminder rounds (three by default): each editable and saved together with
 * dues.saveRounds; each saved round previewed (who still owes what), run, and its letters made.
 */
export function RemindersPanel({ info }: { info: RegisterInfo }) {
  const { t, i18n } = useTranslation();
  const errors = useRunsErrors();
  const [year, setYear] = useDuesYear(info.path);
  const [saved, setSaved] = useState<ReminderRoundEntity[]>([]);
  const [drafts, setDrafts] = useState<RoundDraft[]>([]);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const show = (rounds: ReminderRoundEntity[]) => {
    setSaved(rounds);
    setDrafts(rounds.map((r) => toDraft(r, i18n.language)));
    setIssues([]);
  };

  useEffect(() => {
    if (!validYear(year)) return;
    let live = true;
    call('dues.rounds', { year }).then(
      (rounds) => {
        if (!live) return;
        setSaved(rounds);
        setDrafts(rounds.map((r) => toDraft(r, i18n.language)));
        setIssues([]);
        setFailure(null);
      },
      (e: unknown) => live && setFailure(errors.error(e)),
    );
    return () => {
      live = false;
    };
  }, [year, errors, i18n.language]);

  const dirty = isDirty(drafts, saved);

  const save = async () => {
    setNotice(null);
    setFailure(null);
    const inputs = toInputs(drafts);
    if ('badFee' in inputs) {
      setIssues([{ field: `rounds.${inputs.badFee}.fee`, code: 'amount-format' }]);
      return;
    }
    setSaving(true);
    try {
      show(await call('dues.saveRounds', { year, rounds: inputs.rounds }));
      setNotice(t('duesRuns.reminders.saved'));
    } catch (e) {
      const fields = errorOf(e).details?.fields;
      if (errorOf(e).code === 'validation' && fields?.length) setIssues(fields);
      else setFailure(errors.error(e));
    } finally {
      setSaving(false);
    }
  };

  const ran = (round: ReminderRoundEntity) => {
    setNotice(t('duesRuns.reminders.ran', { round: round.round, count: round.reminded }));
    call('dues.rounds', { year }).then(show, (e: unknown) => setFailure(errors.error(e)));
  };

  const errorAt = (index: number) => (name: string) => {
    const issue = issues.find((i) => i.field === `rounds.${index}.${name}`);
    return issue ? errors.code(issue.code) : undefined;
  };

  return (
    <Stack gap="lg" p="md" maw={1000}>
      <PanelHeader title={t('duesRuns.reminders.title', { year })} intro={t('duesRuns.reminders.intro')} />
      <YearField year={year} onYear={setYear} />

      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('duesRuns.letters.dismiss')} data-testid="reminders-notice">
          {notice}
        </Alert>
      )}
      {issues.some((i) => !/^rounds\.\d+\./.test(i.field)) && (
        <Alert color="red" role="alert">
          {issues.map((i) => errors.code(i.code)).join(' ')}
        </Alert>
      )}

      {drafts.length === 0 && <Text>{t('duesRuns.reminders.none', { year })}</Text>}

      {drafts.map((d, i) => (
        <RoundCard
          key={d.key}
          draft={d}
          year={year}
          currency={info.currency}
          dirty={dirty}
          error={errorAt(i)}
          onChange={(next) => setDrafts((list) => list.map((x) => (x.key === d.key ? next : x)))}
          onRemove={() => setDrafts((list) => list.filter((x) => x.key !== d.key))}
          onRan={ran}
        />
      ))}

      <Group>
        <Button variant="default" onClick={() => setDrafts((list) => [...list, newDraft(list[list.length - 1], year)])} disabled={drafts.length >= 12}>
          {t('duesRuns.reminders.add')}
        </Button>
        <Button onClick={() => void save()} loading={saving} disabled={!dirty || !validYear(year)}>
          {t('duesRuns.reminders.save')}
        </Button>
        {dirty && drafts.some((d) => d.id !== null) && (
          <Text size="sm" c="dimmed">
            {t('duesRuns.reminders.unsaved')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
