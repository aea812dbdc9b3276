import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreferenceChange, PreferenceReview, SurveyEntity } from '../../shared/contract';
import { call } from '../api';
import { useFormat } from '../member/format';
import { useSurveyErrors } from './issues';

/**
 * Acting on the answers: every change applying would make (preferred channels and frequency,
 * interests, the consents the chosen channels give) listed first; then applied as reviewed, with
 * the answer's date and how it came (phone, paper, form) recorded as the consent.
 */
export function PreferencesPanel({ survey, onChanged }: { survey: SurveyEntity; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { failure } = useSurveyErrors();
  const [review, setReview] = useState<PreferenceReview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ members: number; changes: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setProblem(null);
    setBusy(true);
    try {
      setReview(await call('surveys.preferenceReview', { surveyId: survey.id }));
    } catch (e) {
      setProblem(failure(e));
    } finally {
      setBusy(false);
    }
  };

  const value = (c: PreferenceChange, v: string | null) => {
    if (v === null || v === '') return t('surveys.prefs.none');
    if (c.field === 'channels') return v.split(',').map((k) => t(`surveys.channels.${k}`)).join(', ');
    if (c.field === 'frequency') return t(`surveys.frequencies.${v}`);
    if (c.field.startsWith('consent')) return v === '1' ? t('surveys.prefs.yes') : t('surveys.prefs.no');
    return v;
  };

  const apply = () => {
    if (!review) return;
    modals.openConfirmModal({
      title: t('surveys.prefs.confirmTitle'),
      children: <Text size="sm">{t('surveys.prefs.confirmText', { count: review.changes.length, members: t('surveys.prefs.memberCount', { count: review.members }) })}</Text>,
      labels: { confirm: t('surveys.prefs.apply', { count: review.changes.length }), cancel: t('surveys.cancel') },
      onConfirm: () =>
        void call('surveys.applyPreferences', { surveyId: survey.id, token: review.token }).then(
          (r) => {
            setDone(r);
            setReview(null);
            onChanged();
          },
          (e) => {
            setProblem(failure(e));
            void load();
          },
        ),
    });
  };

  return (
    <Stack gap="md" maw={1000}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <div>
            <Title order={3}>{t('surveys.prefs.title')}</Title>
            <Text size="sm" c="dimmed">{t('surveys.prefs.intro')}</Text>
          </div>
          <Group>
            <Button onClick={() => void load()} loading={busy}>
              {t('surveys.prefs.review')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {done && (
        <Alert color="teal" role="status" data-testid="prefs-done">
          {t('surveys.prefs.done', { count: done.changes, members: t('surveys.prefs.memberCount', { count: done.members }) })}
        </Alert>
      )}
      {review && (
        <Paper withBorder p="md" data-testid="prefs-review">
          <Stack gap="sm">
            <Text>{review.changes.length ? t('surveys.prefs.summary', { count: review.changes.length, members: t('surveys.prefs.memberCount', { count: review.members }) }) : t('surveys.prefs.nothing')}</Text>
            {(review.skipped.alreadyApplied > 0 || review.skipped.olderThanCurrent > 0) && (
              <Text size="sm" c="dimmed">
                {t('surveys.prefs.skipped', { applied: review.skipped.alreadyApplied, older: review.skipped.olderThanCurrent })}
              </Text>
            )}
            {review.changes.length > 0 && (
              <Table striped data-testid="prefs-changes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.member')}</Table.Th>
                    <Table.Th>{t('surveys.prefs.what')}</Table.Th>
                    <Table.Th>{t('surveys.prefs.before')}</Table.Th>
                    <Table.Th>{t('surveys.prefs.after')}</Table.Th>
                    <Table.Th>{t('surveys.prefs.consent')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {review.changes.map((c, i) => (
                    <Table.Tr key={i} data-testid="pref-change">
                      <Table.Td>
                        {c.name} ({c.memberNumber})
                      </Table.Td>
                      <Table.Td>{t(`surveys.prefs.fields.${c.field}`)}</Table.Td>
                      <Table.Td c="dimmed">{value(c, c.oldValue)}</Table.Td>
                      <Table.Td fw={500}>{value(c, c.newValue)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {t(`surveys.sources.${c.source}`)} · {fmt.date(c.answeredOn)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {review.changes.length > 0 && (
              <Group>
                <Button onClick={apply} color="teal">
                  {t('surveys.prefs.apply', { count: review.changes.length })}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
