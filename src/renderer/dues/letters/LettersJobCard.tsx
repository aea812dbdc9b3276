import { Alert, Button, Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../api';
import { useRunsErrors } from '../runs/errors';
import { cancelLetters, dismissLetters, useLettersJobs, type LettersJob } from './jobs';

/** A running job: the bar, "n of m", and Cancel. */
function Running({ job }: { job: LettersJob }) {
  const { t } = useTranslation();
  const known = job.total > 0;
  const percent = known ? Math.round((job.done / job.total) * 100) : 100;
  const label = known ? t('duesRuns.letters.progress', { done: job.done, total: job.total }) : t('duesRuns.letters.preparing');
  return (
    <Paper withBorder p="md" data-testid="letters-job" data-status={job.status}>
      <Stack gap="xs">
        <Text fw={600}>{t('duesRuns.letters.running', { what: job.what })}</Text>
        <Progress
          value={percent}
          size="lg"
          animated={!known || job.status === 'cancelling'}
          striped={!known}
          aria-label={t('duesRuns.letters.running', { what: job.what })}
          aria-valuetext={label}
        />
        <Group justify="space-between">
          <Text size="sm" aria-live="polite" data-testid="letters-progress">
            {label}
          </Text>
          <Button variant="default" size="xs" onClick={() => cancelLetters(job.jobId)} loading={job.status === 'cancelling'}>
            {job.status === 'cancelling' ? t('duesRuns.letters.cancelling') : t('duesRuns.letters.cancel')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('duesRuns.letters.stillUsable')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** A finished job: where the files are, "show in folder", and who is not in the printed PDF. */
function Done({ job }: { job: LettersJob }) {
  const { t } = useTranslation();
  const r = job.result!;
  return (
    <Alert color="teal" role="status" data-testid="letters-done" withCloseButton onClose={() => dismissLetters(job.jobId)} closeButtonLabel={t('duesRuns.letters.dismiss')}>
      <Stack gap="xs" align="start">
        <Text fw={600}>{t('duesRuns.letters.done', { count: r.letters, what: job.what })}</Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('duesRuns.letters.savedAt')}: <span data-testid="letters-path">{r.path}</span>
        </Text>
        {r.indexPath && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('duesRuns.letters.index')}: <span data-testid="letters-index">{r.indexPath}</span>
          </Text>
        )}
        <Button size="xs" variant="default" onClick={() => void bridge.host.showInFolder(r.indexPath ?? r.path)}>
          {t('duesRuns.letters.showInFolder')}
        </Button>
        {r.notPrintable.length > 0 && (
          <Stack gap={4} data-testid="letters-not-printable">
            <Text size="sm" fw={600}>
              {t('duesRuns.letters.notPrintableTitle', { count: r.notPrintable.length })}
            </Text>
            <List size="sm" spacing={2}>
              {r.notPrintable.map((p) => (
                <List.Item key={`${p.memberNumber}-${p.name}`}>
                  {p.name} ({p.memberNumber}) — {t('duesRuns.letters.notPrintableReason')}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}

function Ended({ job }: { job: LettersJob }) {
  const { t } = useTranslation();
  const errors = useRunsErrors();
  const cancelled = job.status === 'cancelled';
  return (
    <Alert
      color={cancelled ? 'gray' : 'red'}
      role={cancelled ? 'status' : 'alert'}
      data-testid="letters-ended"
      data-status={job.status}
      withCloseButton
      onClose={() => dismissLetters(job.jobId)}
      closeButtonLabel={t('duesRuns.letters.dismiss')}
    >
      <Text fw={600}>{t(cancelled ? 'duesRuns.letters.cancelledTitle' : 'duesRuns.letters.failed', { what: job.what })}</Text>
      <Text size="sm">{errors.error(job.error)}</Text>
    </Alert>
  );
}

/** The letters jobs of one screen (those whose source key `match`es), newest first. */
export function LettersJobs({ match }: { match: (sourceKey: string) => boolean }) {
  const jobs = useLettersJobs().filter((j) => match(j.sourceKey));
  if (jobs.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="letters-jobs">
      {jobs.map((job) =>
        job.status === 'running' || job.status === 'cancelling' ? (
          <Running key={job.jobId} job={job} />
        ) : job.status === 'done' ? (
          <Done key={job.jobId} job={job} />
        ) : (
          <Ended key={job.jobId} job={job} />
        ),
      )}
    </Stack>
  );
}
