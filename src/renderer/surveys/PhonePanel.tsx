import { Alert, Badge, Button, Checkbox, Grid, Group, Paper, Radio, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_OUTCOMES, type Answers, type CallListRow, type ContactOutcome, type RegisterInfo, type SegmentEntity, type SurveyEntity } from '../../shared/contract';
import { formatPhone } from '../../shared/nordic/phone';
import { call } from '../api';
import { useFormat } from '../member/format';
import { AnswerForm } from './AnswerForm';
import { useSurveyErrors } from './issues';
import { pickText, todayIso } from './text';

/** Still to call: not answered, and did not say no. */
const remaining = (r: CallListRow) => !r.answered && r.lastOutcome !== 'declined';

function StateBadge({ row }: { row: CallListRow }) {
  const { t } = useTranslation();
  if (row.answered) return <Badge color="teal" variant="light">{t('surveys.phone.answered')}</Badge>;
  if (row.lastOutcome) return <Badge color={row.lastOutcome === 'declined' ? 'gray' : 'yellow'} variant="light">{t(`surveys.outcomes.${row.lastOutcome}`)}</Badge>;
  return <Badge color="blue" variant="outline">{t('surveys.phone.notCalled')}</Badge>;
}

/**
 * Phone interviews: a call list from a segment, one member at a time with the number to dial, the
 * questions as the script, the call's outcome (Alt+1–4) into the contact log, and "save and next"
 * (Ctrl+Enter) to the next one still to call.
 */
export function PhonePanel({ survey, info, onChanged }: { survey: SurveyEntity; info: RegisterInfo; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { failure, answerIssues } = useSurveyErrors();
  const [segments, setSegments] = useState<SegmentEntity[]>([]);
  const [segmentId, setSegmentId] = useState('');
  const [list, setList] = useState<CallListRow[] | null>(null);
  const [onlyRemaining, setOnlyRemaining] = useState(true);
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ContactOutcome>('reached');
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
  }, []);

  const load = useCallback(
    async (keep?: number | null) => {
      setProblem(null);
      try {
        const rows = await call('surveys.callList', { surveyId: survey.id, segment: segmentId ? { id: Number(segmentId) } : undefined });
        setList(rows);
        return rows;
      } catch (e) {
        setProblem(failure(e));
        return null;
      } finally {
        if (keep !== undefined) setCurrentId(keep);
      }
    },
    [survey.id, segmentId, failure],
  );

  const shown = useMemo(() => (list ?? []).filter((r) => !onlyRemaining || remaining(r) || r.memberId === currentId), [list, onlyRemaining, currentId]);
  const current = list?.find((r) => r.memberId === currentId) ?? null;

  const open = (id: number | null) => {
    setCurrentId(id);
    setOutcome('reached');
    setAnswers({});
    setErrors({});
    setNotes('');
    setFollowUpOn('');
    setProblem(null);
  };

  const start = async () => {
    const rows = await load();
    open(rows?.find(remaining)?.memberId ?? null);
  };

  const save = async () => {
    if (!current || busy) return;
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      await call('surveys.recordCall', {
        surveyId: survey.id,
        memberId: current.memberId,
        on: todayIso(),
        outcome,
        answers: outcome === 'reached' ? answers : undefined,
        notes,
        followUpOn: outcome === 'call-back' && followUpOn ? followUpOn : null,
      });
      onChanged();
      const rows = await load();
      // The next one still to call after this one in the list (then from the top).
      const at = rows?.findIndex((r) => r.memberId === current.memberId) ?? -1;
      const after = rows ? [...rows.slice(at + 1), ...rows.slice(0, Math.max(at, 0))] : [];
      open(after.find(remaining)?.memberId ?? null);
    } catch (e) {
      const { byQuestion, other } = answerIssues(e);
      setErrors(byQuestion);
      setProblem(other);
    } finally {
      setBusy(false);
    }
  };

  const skip = () => {
    if (!list || !current) return;
    const at = list.findIndex((r) => r.memberId === current.memberId);
    open([...list.slice(at + 1), ...list.slice(0, at)].find(remaining)?.memberId ?? null);
  };

  useHotkeys([
    ['mod+Enter', () => void save()],
    ['alt+1', () => setOutcome('reached')],
    ['alt+2', () => setOutcome('no-answer')],
    ['alt+3', () => setOutcome('call-back')],
    ['alt+4', () => setOutcome('declined')],
  ], []);

  const intro = pickText(survey.intro, i18n.language);
  const left = (list ?? []).filter(remaining).length;

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('surveys.phone.who')}
            value={segmentId}
            onChange={(v) => setSegmentId(v ?? '')}
            allowDeselect={false}
            data={[{ value: '', label: t('surveys.asked') }, ...segments.map((s) => ({ value: String(s.id), label: s.name }))]}
            w={320}
          />
          <Button onClick={() => void start()}>{t('surveys.phone.start')}</Button>
          {list && (
            <Text size="sm" c="dimmed" data-testid="call-list-count">
              {t('surveys.phone.left', { count: left, total: list.length })}
            </Text>
          )}
        </Group>
      </Paper>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {list && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="sm">
              <Checkbox label={t('surveys.phone.onlyRemaining')} checked={onlyRemaining} onChange={(e) => setOnlyRemaining(e.currentTarget.checked)} mb="xs" />
              <Table highlightOnHover data-testid="call-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.member')}</Table.Th>
                    <Table.Th>{t('surveys.phone.phone')}</Table.Th>
                    <Table.Th>{t('surveys.phone.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((r) => (
                    <Table.Tr key={r.memberId} bg={r.memberId === currentId ? 'var(--mantine-color-blue-light)' : undefined} data-testid="call-row">
                      <Table.Td>
                        <Button variant="subtle" size="compact-sm" onClick={() => open(r.memberId)} aria-current={r.memberId === currentId}>
                          {r.firstName} {r.lastName}
                        </Button>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.mobile ? formatPhone(r.mobile, info.country) : '—'}</Table.Td>
                      <Table.Td>
                        <StateBadge row={r} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {!shown.length && <Text c="dimmed" size="sm">{t('surveys.phone.nobodyLeft')}</Text>}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {current ? (
              <Paper withBorder p="md" data-testid="call-card">
                <Stack gap="md">
                  <div>
                    <Title order={3}>
                      {current.firstName} {current.lastName}
                    </Title>
                    <Text c="dimmed" size="sm">
                      {t('surveys.phone.memberNumber', { number: current.memberNumber })}
                      {current.lastCallOn ? ` · ${t('surveys.phone.lastCall', { date: fmt.date(current.lastCallOn), outcome: current.lastOutcome ? t(`surveys.outcomes.${current.lastOutcome}`) : '' })}` : ''}
                    </Text>
                    <Text size="xl" fw={700} mt={4} data-testid="call-phone">
                      {current.mobile ? formatPhone(current.mobile, info.country) : t('surveys.phone.noPhone')}
                    </Text>
                  </div>
                  {intro && (
                    <Alert color="gray" title={t('surveys.phone.say')}>
                      {intro}
                    </Alert>
                  )}
                  <Radio.Group label={t('surveys.phone.outcome')} value={outcome} onChange={(v) => setOutcome(v as ContactOutcome)}>
                    <Group mt={6}>
                      {CONTACT_OUTCOMES.map((o, i) => (
                        <Radio key={o} value={o} label={`${t(`surveys.outcomes.${o}`)} (Alt+${i + 1})`} />
                      ))}
                    </Group>
                  </Radio.Group>
                  {outcome === 'reached' && <AnswerForm questions={survey.questions} value={answers} onChange={setAnswers} errors={errors} onLast={() => void save()} />}
                  {outcome === 'call-back' && <TextInput type="date" label={t('surveys.phone.followUpOn')} value={followUpOn} onChange={(e) => setFollowUpOn(e.currentTarget.value)} w={200} />}
                  <Textarea label={t('surveys.phone.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={1} />
                  <Group>
                    <Button onClick={() => void save()} loading={busy} title="Ctrl+Enter">
                      {t('surveys.phone.saveNext')}
                    </Button>
                    <Button variant="default" onClick={skip}>
                      {t('surveys.phone.skip')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            ) : (
              <Alert color="teal">{t('surveys.phone.chooseOrDone')}</Alert>
            )}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
