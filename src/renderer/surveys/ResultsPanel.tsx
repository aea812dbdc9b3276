import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentEntity, SurveyEntity, SurveyResults } from '../../shared/contract';
import { bridge, call } from '../api';
import { localeOf } from '../i18n';
import { QuestionChart } from './QuestionChart';
import { SavedFile } from '../components/SavedFile';
import { useSurveyErrors } from './issues';
import { asLanguage, pickText } from './text';

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** Response rate overall and per segment, a chart per question, the free-text answers; CSV and the board's PDF. */
export function ResultsPanel({ survey, version }: { survey: SurveyEntity; version: number }) {
  const { t, i18n } = useTranslation();
  const { failure } = useSurveyErrors();
  const [segments, setSegments] = useState<SegmentEntity[]>([]);
  const [segmentId, setSegmentId] = useState('');
  const [results, setResults] = useState<SurveyResults | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const segment = segmentId ? { id: Number(segmentId) } : undefined;

  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
  }, []);
  useEffect(() => {
    let stale = false;
    call('surveys.results', { surveyId: survey.id, segment: segmentId ? { id: Number(segmentId) } : undefined }).then(
      (r) => {
        if (stale) return;
        setResults(r);
        setProblem(null);
      },
      (e) => !stale && setProblem(failure(e)),
    );
    return () => {
      stale = true;
    };
  }, [survey.id, segmentId, version, failure]);

  const percent = new Intl.NumberFormat(localeOf(i18n.language), { style: 'percent', maximumFractionDigits: 0 });
  const rate = (n: number, of: number) => (of ? percent.format(n / of) : '–');
  const language = asLanguage(i18n.language);
  const title = pickText(survey.title, language) || t('surveys.nav');

  const save = async (kind: 'csv' | 'pdf') => {
    setProblem(null);
    setWritten(null);
    const path = await bridge.host.pickSavePath({
      title: t(kind === 'csv' ? 'surveys.results.csvTitle' : 'surveys.results.pdfTitle'),
      defaultName: `${title}${kind === 'csv' ? '' : ` – ${t('surveys.results.report')}`}.${kind}`,
      filters: [{ name: kind.toUpperCase(), extensions: [kind] }],
    });
    if (!path) return;
    try {
      const r = kind === 'csv' ? await call('surveys.exportCsv', { surveyId: survey.id, path, segment, language }) : await call('surveys.reportPdf', { surveyId: survey.id, path, segment, language });
      setWritten(r.path);
    } catch (e) {
      setProblem(failure(e));
    }
  };

  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('surveys.results.filter')}
          value={segmentId}
          onChange={(v) => setSegmentId(v ?? '')}
          allowDeselect={false}
          data={[{ value: '', label: t('surveys.results.everyone') }, ...segments.map((s) => ({ value: String(s.id), label: s.name }))]}
          w={320}
        />
        <Group>
          <Button variant="default" onClick={() => void save('csv')}>
            {t('surveys.results.csv')}
          </Button>
          <Button variant="default" onClick={() => void save('pdf')}>
            {t('surveys.results.pdf')}
          </Button>
        </Group>
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {written && <SavedFile text={t('surveys.results.written', { path: written })} path={written} testId="results-written" />}
      {results && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('surveys.results.asked')} value={String(results.audience)} />
            <Figure label={t('surveys.results.responded')} value={String(results.responded)} testId="responded" />
            <Figure label={t('surveys.results.rate')} value={rate(results.responded, results.audience)} testId="response-rate" />
            <Figure label={t('surveys.results.responses')} value={String(results.responses)} />
          </SimpleGrid>
          {(results.unmatched > 0 || results.replaced > 0) && (
            <Text size="sm" c="dimmed">
              {t('surveys.results.notCounted', { unmatched: results.unmatched, replaced: results.replaced })}
            </Text>
          )}
          {results.perSegment.length > 0 && (
            <Paper withBorder p="md">
              <Title order={4} mb="xs">
                {t('surveys.results.perSegment')}
              </Title>
              <Table data-testid="per-segment">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.results.segment')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.results.asked')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.results.responded')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.results.rate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {results.perSegment.map((s) => (
                    <Table.Tr key={s.segmentId}>
                      <Table.Td>{s.name}</Table.Td>
                      <Table.Td ta="right">{s.members}</Table.Td>
                      <Table.Td ta="right">{s.responded}</Table.Td>
                      <Table.Td ta="right">{rate(s.responded, s.members)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          {survey.questions.map((q, i) => {
            const r = results.questions.find((x) => x.questionId === q.id);
            return r ? <QuestionChart key={q.id} q={q} n={i + 1} result={r} surveyId={survey.id} segment={segment} /> : null;
          })}
        </>
      )}
    </Stack>
  );
}
