import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, EntryMember, SurveyEntity } from '../../shared/contract';
import { call } from '../api';
import { useFormat } from '../member/format';
import { AnswerForm } from './AnswerForm';
import { useSurveyErrors } from './issues';
import { todayIso } from './text';

/**
 * Typing in paper forms, one after the other, without the mouse: the member number (printed on
 * the form), Enter, the answers (digits pick options, Enter goes on), and the last Enter or
 * Ctrl+Enter saves — then the member number again for the next form.
 */
export function EntryForm({ survey, onSaved }: { survey: SurveyEntity; onSaved: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { failure, answerIssues } = useSurveyErrors();
  const numberRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const [number, setNumber] = useState('');
  const [member, setMember] = useState<EntryMember | null>(null);
  const [answeredOn, setAnsweredOn] = useState(todayIso());
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const find = async () => {
    setProblem(null);
    setMember(null);
    const n = Number(number.trim());
    if (!Number.isInteger(n) || n <= 0) {
      setProblem(t('surveys.entry.numberNeeded'));
      return;
    }
    try {
      const m = await call('surveys.findMember', { surveyId: survey.id, memberNumber: n });
      setMember(m);
      setAnswers({});
      setErrors({});
      if (m.archived) setProblem(t('surveys.errors.member-archived'));
    } catch (e) {
      setProblem(failure(e));
    }
  };

  const save = async () => {
    if (!member || busy) return;
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const r = await call('surveys.respond', { surveyId: survey.id, memberId: member.memberId, source: 'paper', answeredOn, answers });
      const name = `${member.firstName} ${member.lastName}`;
      setSaved((s) => [r.olderThanCurrent ? t('surveys.entry.savedOlder', { name }) : t('surveys.entry.savedFor', { name }), ...s].slice(0, 5));
      setMember(null);
      setNumber('');
      setAnswers({});
      onSaved();
      numberRef.current?.focus();
    } catch (e) {
      const { byQuestion, other } = answerIssues(e);
      setErrors(byQuestion);
      setProblem(other);
    } finally {
      setBusy(false);
    }
  };

  // The member found: straight on to the first question.
  useEffect(() => {
    if (member && !member.archived) formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [member]);

  useHotkeys([['mod+Enter', () => void save()]], []);

  return (
    <Paper withBorder p="md" data-testid="paper-entry">
      <Stack gap="md">
        <div>
          <Title order={3}>{t('surveys.entry.title')}</Title>
          <Text size="sm" c="dimmed">{t('surveys.entry.intro')}</Text>
        </div>
        <Group align="flex-end">
          <TextInput
            ref={numberRef}
            label={t('surveys.entry.memberNumber')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void find();
              }
            }}
            inputMode="numeric"
            w={180}
            data-autofocus
          />
          <Button variant="default" onClick={() => void find()}>
            {t('surveys.entry.find')}
          </Button>
          <TextInput type="date" label={t('surveys.entry.answeredOn')} value={answeredOn} onChange={(e) => setAnsweredOn(e.currentTarget.value)} w={180} />
        </Group>
        {member && (
          <Alert color={member.current ? 'yellow' : 'blue'} data-testid="entry-member">
            <Text fw={600}>{t('surveys.entry.answeringFor', { name: `${member.firstName} ${member.lastName}`, number: member.memberNumber })}</Text>
            {member.current && <Text size="sm">{t('surveys.entry.hasAnswered', { date: fmt.date(member.current.answeredOn) })}</Text>}
          </Alert>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {member && !member.archived && (
          <div ref={formRef}>
            <AnswerForm questions={survey.questions} value={answers} onChange={setAnswers} errors={errors} onLast={() => void save()} />
            <Group mt="md">
              <Button onClick={() => void save()} loading={busy} title="Ctrl+Enter">
                {t('surveys.entry.save')}
              </Button>
              <Text size="sm" c="dimmed">{t('surveys.entry.keysHint')}</Text>
            </Group>
          </div>
        )}
        {saved.length > 0 && (
          <Stack gap={2} role="status" data-testid="entry-saved">
            {saved.map((s, i) => (
              <Text key={i} size="sm" c={i === 0 ? 'teal' : 'dimmed'}>
                {s}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
