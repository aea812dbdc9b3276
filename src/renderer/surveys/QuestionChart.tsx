import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResult, SegmentRef, SurveyQuestion, TextAnswer } from '../../shared/contract';
import { call } from '../api';
import { localeOf } from '../i18n';
import { useFormat } from '../member/format';
import { optionText, pickText } from './text';

/**
 * One question's result: a bar per option or scale step (as long as its share of those who
 * answered), with the count and per cent in words beside it — a table, so a screen reader reads
 * the same figures. Text questions list their answers, newest first.
 */
export function QuestionChart({ q, n, result, surveyId, segment }: { q: SurveyQuestion; n: number; result: QuestionResult; surveyId: number; segment?: SegmentRef }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [more, setMore] = useState<TextAnswer[]>([]);
  const percent = new Intl.NumberFormat(localeOf(i18n.language), { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(localeOf(i18n.language), { maximumFractionDigits: 1 });
  const text = q.kind === 'short' || q.kind === 'long';
  const texts = [...result.texts.first, ...more];
  const loadMore = () =>
    call('surveys.textAnswers', { surveyId, questionId: q.id, segment, offset: texts.length, limit: 100 }).then((r) => setMore((m) => [...m, ...r.rows]));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`result-q${q.id}`} data-testid="question-result">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={4} id={`result-q${q.id}`}>
            {n}. {pickText(q.text, i18n.language)}
          </Title>
          <Badge variant="light" style={{ flexShrink: 0 }}>{t(`surveys.kinds.${q.kind}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('surveys.results.answeredBy', { count: result.answered })}
          {result.mean !== null && ` · ${t('surveys.results.mean', { mean: decimal.format(result.mean) })}`}
        </Text>
        {!text && (
          <Table withRowBorders={false} verticalSpacing={4} data-testid="chart">
            <Table.Tbody>
              {result.counts.map((c) => {
                const share = result.answered ? c.count / result.answered : 0;
                return (
                  <Table.Tr key={c.key} data-option={c.key}>
                    <Table.Td w="38%">{q.kind === 'scale' ? c.key : optionText(q, c.key, i18n.language)}</Table.Td>
                    <Table.Td>
                      <div style={{ background: 'var(--mantine-color-gray-1)', borderRadius: 4, height: 18 }} aria-hidden>
                        <div style={{ width: `${Math.round(share * 100)}%`, minWidth: c.count ? 3 : 0, background: 'var(--mantine-color-blue-6)', height: '100%', borderRadius: 4 }} />
                      </div>
                    </Table.Td>
                    <Table.Td w={60} ta="right" data-testid="count">{c.count}</Table.Td>
                    <Table.Td w={60} ta="right" c="dimmed">{result.answered ? percent.format(share) : '–'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {text &&
          (texts.length ? (
            <Stack gap={6} data-testid="text-answers">
              {texts.map((a) => (
                <Paper key={a.responseId} bg="var(--mantine-color-gray-0)" p="xs">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
                  <Text size="xs" c="dimmed">
                    {a.name} ({a.memberNumber}) · {fmt.date(a.answeredOn)}
                  </Text>
                </Paper>
              ))}
              {texts.length < result.texts.total && (
                <Group>
                  <Button size="xs" variant="default" onClick={() => void loadMore()}>
                    {t('surveys.results.moreTexts', { count: result.texts.total - texts.length })}
                  </Button>
                </Group>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">{t('surveys.results.noTexts')}</Text>
          ))}
      </Stack>
    </Paper>
  );
}
