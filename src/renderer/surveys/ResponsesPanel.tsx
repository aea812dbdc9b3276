import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRow, SurveyEntity } from '../../shared/contract';
import { call } from '../api';
import { useFormat } from '../member/format';
import { ImportedWho, MatchResponse } from './MatchResponse';
import { useSurveyErrors } from './issues';
import { answeredCount, memberLabel, pickText } from './text';

const PAGE = 200;

/**
 * Every response: a member's newer one and the older it replaced side by side (newer wins, the
 * older is kept), imported rows waiting for a member, and what an import could not use.
 */
export function ResponsesPanel({ survey, onChanged }: { survey: SurveyEntity; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { failure, issueText } = useSurveyErrors();
  const [filter, setFilter] = useState<'all' | 'unmatched'>('all');
  const [rows, setRows] = useState<ResponseRow[]>([]);
  const [total, setTotal] = useState(0);

  const load = useCallback(
    (offset = 0) =>
      call('surveys.responses', { surveyId: survey.id, filter, offset, limit: PAGE }).then(
        (r) => {
          setTotal(r.total);
          setRows((old) => (offset ? [...old, ...r.rows] : r.rows));
        },
        (e) => notifications.show({ color: 'red', message: failure(e) }),
      ),
    [survey.id, filter, failure],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const remove = (r: ResponseRow) =>
    modals.openConfirmModal({
      title: t('surveys.responses.removeTitle'),
      children: <Text size="sm">{t('surveys.responses.removeText', { who: memberLabel(r.name, r.memberNumber) || t('surveys.responses.unmatched'), date: fmt.date(r.answeredOn) })}</Text>,
      labels: { confirm: t('surveys.responses.remove'), cancel: t('surveys.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('surveys.removeResponse', { id: r.id }).then(
          () => {
            void load();
            onChanged();
          },
          (e) => notifications.show({ color: 'red', message: failure(e) }),
        ),
    });

  const questionText = (id: number | null) => (id === null ? t('surveys.import.dateColumn') : pickText(survey.questions.find((q) => q.id === id)?.text ?? {}, i18n.language));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unmatched')}
          data={[
            { value: 'all', label: t('surveys.responses.all') },
            { value: 'unmatched', label: t('surveys.responses.onlyUnmatched') },
          ]}
        />
        <Text size="sm" c="dimmed">{t('surveys.responses.count', { count: total })}</Text>
      </Group>
      <Paper withBorder>
        <Table striped data-testid="responses-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('surveys.member')}</Table.Th>
              <Table.Th>{t('surveys.responses.answeredOn')}</Table.Th>
              <Table.Th>{t('surveys.responses.source')}</Table.Th>
              <Table.Th>{t('surveys.responses.status')}</Table.Th>
              <Table.Th>{t('surveys.responses.answered')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="response-row" data-replaced={r.replacedBy !== null}>
                <Table.Td>{r.memberId === null ? <ImportedWho row={r} /> : memberLabel(r.name, r.memberNumber)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(r.answeredOn)}</Table.Td>
                <Table.Td>{t(`surveys.sources.${r.source}`)}</Table.Td>
                <Table.Td>
                  {r.memberId === null ? (
                    <Badge color="yellow" variant="light">{t('surveys.responses.unmatched')}</Badge>
                  ) : r.replacedBy !== null ? (
                    <Badge color="gray" variant="light">{t('surveys.responses.replaced')}</Badge>
                  ) : (
                    <Badge color="teal" variant="light">{t('surveys.responses.current')}</Badge>
                  )}
                  {r.appliedAt && <Badge ml={4} color="blue" variant="outline">{t('surveys.responses.applied')}</Badge>}
                </Table.Td>
                <Table.Td>
                  {t('surveys.responses.answeredOf', { answered: answeredCount(r.answers), count: survey.questions.length })}
                  {r.problems.length > 0 && (
                    <Tooltip multiline w={320} label={r.problems.map((p) => `${questionText(p.questionId)}: “${p.value}” — ${issueText(p.code)}`).join('\n')}>
                      <Badge ml={6} color="orange" variant="light" tabIndex={0}>
                        {t('surveys.responses.problems', { count: r.problems.length })}
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {r.memberId === null && (
                      <MatchResponse
                        row={r}
                        onMatched={() => {
                          void load();
                          onChanged();
                        }}
                      />
                    )}
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove(r)}>
                      {t('surveys.responses.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!rows.length && (
          <Text c="dimmed" p="md">
            {t('surveys.responses.none')}
          </Text>
        )}
      </Paper>
      {rows.length < total && (
        <Group>
          <Button variant="default" onClick={() => void load(rows.length)}>
            {t('surveys.responses.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
