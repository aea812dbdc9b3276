import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRow, SurveyColumnTarget, SurveyEntity, SurveyImportPreview, SurveyImportResult } from '../../shared/contract';
import { bridge, call } from '../api';
import { ImportedWho, MatchResponse } from './MatchResponse';
import { useSurveyErrors } from './issues';
import { pickText } from './text';

const WHO_TARGETS = ['memberNumber', 'email', 'mobile', 'name', 'answeredOn'] as const;

/** A row problem in words: the row, the question, what the file said, and why it was kept aside. */
function ProblemList({ preview, survey }: { preview: SurveyImportPreview; survey: SurveyEntity }) {
  const { t, i18n } = useTranslation();
  const { issueText } = useSurveyErrors();
  const { problems, problemCount } = preview.check;
  if (!problemCount) return null;
  const question = (id: number | null) => (id === null ? t('surveys.import.dateColumn') : pickText(survey.questions.find((q) => q.id === id)?.text ?? {}, i18n.language));
  return (
    <Alert color="yellow" title={t('surveys.import.problems', { count: problemCount })} data-testid="import-problems">
      <Text size="sm" mb={6}>{t('surveys.import.problemsHelp')}</Text>
      <Table fz="sm">
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>{t('surveys.match.row', { row: p.row })}</Table.Td>
              <Table.Td>{question(p.questionId)}</Table.Td>
              <Table.Td>{p.value ? `“${p.value}”` : '—'}</Table.Td>
              <Table.Td>{issueText(p.code)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {problemCount > problems.length && <Text size="sm">{t('surveys.import.moreProblems', { count: problemCount - problems.length })}</Text>}
    </Alert>
  );
}

/**
 * A form tool's CSV: choose the file, say what each column is (Kansli suggests), see who is found
 * and what does not fit, import; rows without a member stay listed here to be matched by hand.
 */
export function ImportPanel({ survey, onChanged }: { survey: SurveyEntity; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { failure } = useSurveyErrors();
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<SurveyImportPreview | null>(null);
  const [mapping, setMapping] = useState<(SurveyColumnTarget | null)[]>([]);
  const [result, setResult] = useState<SurveyImportResult | null>(null);
  const [unmatched, setUnmatched] = useState<ResponseRow[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadUnmatched = useCallback(() => {
    call('surveys.responses', { surveyId: survey.id, filter: 'unmatched', limit: 500 }).then((r) => setUnmatched(r.rows), () => setUnmatched([]));
  }, [survey.id]);
  useEffect(loadUnmatched, [loadUnmatched]);

  const check = async (p: string, m?: (SurveyColumnTarget | null)[]) => {
    setProblem(null);
    setBusy(true);
    try {
      const r = await call('surveys.importPreview', { surveyId: survey.id, path: p, mapping: m, headerRow: preview && m ? preview.headerRow : undefined });
      setPreview(r);
      setMapping(r.mapping);
    } catch (e) {
      setProblem(failure(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    const p = await bridge.host.pickOpenPath({ title: t('surveys.import.pickTitle'), filters: [{ name: 'CSV / Excel', extensions: ['csv', 'txt', 'xlsx'] }] });
    if (!p) return;
    setPath(p);
    setResult(null);
    setPreview(null);
    await check(p);
  };

  const remap = (i: number, target: SurveyColumnTarget | null) => {
    const next = mapping.map((m, j) => (j === i ? target : m));
    setMapping(next);
    if (path) void check(path, next);
  };

  const run = async () => {
    if (!path || !preview) return;
    setBusy(true);
    setProblem(null);
    try {
      const r = await call('surveys.importRun', { surveyId: survey.id, path, headerRow: preview.headerRow, mapping });
      setResult(r);
      setPreview(null);
      setPath(null);
      onChanged();
      loadUnmatched();
    } catch (e) {
      setProblem(failure(e));
    } finally {
      setBusy(false);
    }
  };

  const targets = [
    { value: '', label: t('surveys.import.unused') },
    ...WHO_TARGETS.map((w) => ({ value: w, label: t(`surveys.import.targets.${w}`) })),
    ...survey.questions.map((q, i) => ({ value: `q:${q.id}`, label: t('surveys.import.questionTarget', { n: i + 1, text: pickText(q.text, i18n.language) }) })),
  ];
  const c = preview?.check;

  return (
    <Stack gap="md" maw={1000}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <div>
            <Title order={3}>{t('surveys.import.title')}</Title>
            <Text size="sm" c="dimmed">{t('surveys.import.intro')}</Text>
          </div>
          <Group>
            <Button onClick={() => void choose()} loading={busy && !preview}>
              {t('surveys.import.choose')}
            </Button>
            {preview && <Text size="sm">{t('surveys.import.file', { name: preview.fileName, count: c?.rows ?? 0 })}</Text>}
          </Group>
          {problem && (
            <Alert color="red" role="alert" data-testid="import-error">
              {problem}
            </Alert>
          )}
        </Stack>
      </Paper>

      {preview && (
        <Paper withBorder p="md" data-testid="import-mapping">
          <Stack gap="sm">
            <Title order={4}>{t('surveys.import.mapping')}</Title>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('surveys.import.column')}</Table.Th>
                  <Table.Th>{t('surveys.import.example')}</Table.Th>
                  <Table.Th>{t('surveys.import.means')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.headers.map((h, i) => (
                  <Table.Tr key={i}>
                    <Table.Td fw={500}>{h || t('surveys.import.columnN', { n: i + 1 })}</Table.Td>
                    <Table.Td c="dimmed" fz="sm" style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      {preview.sample.map((r) => r[i]).filter(Boolean).slice(0, 2).join(' · ')}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('surveys.import.meansFor', { column: h || i + 1 })}
                        value={mapping[i] ?? ''}
                        onChange={(v) => remap(i, (v || null) as SurveyColumnTarget | null)}
                        allowDeselect={false}
                        data={targets}
                        w={360}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {c && (
              <Alert color={c.unmatched ? 'yellow' : 'blue'} data-testid="import-check">
                {t('surveys.import.check', { count: c.rows, matched: c.matched, unmatched: c.unmatched })}
                {c.repeats > 0 && <Text size="sm">{t('surveys.import.repeats', { count: c.repeats })}</Text>}
              </Alert>
            )}
            <ProblemList preview={preview} survey={survey} />
            <Group>
              <Button onClick={() => void run()} loading={busy} disabled={!c?.rows}>
                {t('surveys.import.run', { count: c?.rows ?? 0 })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {result && (
        <Alert color="teal" role="status" data-testid="import-done">
          {t('surveys.import.done', { count: result.imported, matched: result.matched, unmatched: result.unmatched })}
        </Alert>
      )}

      {unmatched.length > 0 && (
        <Paper withBorder p="md" data-testid="unmatched">
          <Stack gap="sm">
            <Title order={4}>{t('surveys.import.unmatchedTitle', { count: unmatched.length })}</Title>
            <Text size="sm" c="dimmed">{t('surveys.import.unmatchedHelp')}</Text>
            {unmatched.map((r) => (
              <Group key={r.id} justify="space-between" align="flex-end" wrap="wrap" data-testid="unmatched-row">
                <ImportedWho row={r} />
                <MatchResponse
                  row={r}
                  onMatched={() => {
                    loadUnmatched();
                    onChanged();
                  }}
                />
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
