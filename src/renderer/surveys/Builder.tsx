import { Alert, Button, Group, Menu, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, QUESTION_KINDS, type Language, type QuestionKind, type SegmentEntity, type SurveyEntity } from '../../shared/contract';
import type { FieldIssue } from '../../shared/result';
import { call } from '../api';
import { move, newQuestion, toInput, type SurveyDraftState } from './builder-model';
import { fieldIssues, useSurveyErrors } from './issues';
import { QuestionCard } from './QuestionCard';
import { asLanguage } from './text';

/**
 * The survey's title, intro, who it asks and its questions, written in one language at a time
 * (the switch), saved as a whole. A refusal is shown where it belongs: at the title, a question or
 * an option. The parent gives it a new `key` to start over from another survey.
 */
export function Builder({ initial, onSaved }: { initial: SurveyDraftState; onSaved: (s: SurveyEntity) => void }) {
  const { t, i18n } = useTranslation();
  const { issueText, failure } = useSurveyErrors();
  const [draft, setDraft] = useState(initial);
  const [lang, setLang] = useState<Language>(asLanguage(i18n.language));
  const [segments, setSegments] = useState<SegmentEntity[]>([]);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
  }, []);

  const at = (field: string) => {
    const i = issues.find((x) => x.field === field);
    return i ? issueText(i.code) : undefined;
  };
  /** The issues of question `i`, keyed by what follows "questions.i." */
  const questionIssues = (i: number) => {
    const prefix = `questions.${i}.`;
    return Object.fromEntries(issues.filter((x) => x.field.startsWith(prefix)).map((x) => [x.field.slice(prefix.length), issueText(x.code)]));
  };

  const save = async () => {
    setBusy(true);
    setIssues([]);
    setOther(null);
    try {
      const saved = await call('surveys.save', toInput(draft));
      notifications.show({ color: 'teal', message: t('surveys.builder.saved') });
      onSaved(saved);
    } catch (e) {
      const found = fieldIssues(e);
      setIssues(found);
      // Issues without a place of their own (no questions, a removed question that holds answers) go on top.
      const placeless = found.filter((x) => x.field === 'questions' || !/^(title|questions\.\d+)/.test(x.field));
      setOther(found.length ? (placeless.map((x) => issueText(x.code)).join(' ') || t('surveys.builder.seeBelow')) : failure(e));
    } finally {
      setBusy(false);
    }
  };

  const setQuestions = (questions: SurveyDraftState['questions']) => setDraft((d) => ({ ...d, questions }));
  const add = (kind: QuestionKind) => setQuestions([...draft.questions, newQuestion(kind)]);

  return (
    <Stack gap="md" maw={900} data-testid="survey-builder">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={3}>{draft.id ? t('surveys.builder.editTitle') : t('surveys.builder.newTitle')}</Title>
            <Stack gap={2}>
              <Text size="sm" fw={500} id="survey-writing-language">{t('surveys.builder.writingIn')}</Text>
              <SegmentedControl
                aria-labelledby="survey-writing-language"
                value={lang}
                onChange={(v) => setLang(v as Language)}
                data={LANGUAGES.map((l) => ({ value: l, label: t(`surveys.builder.languages.${l}`) }))}
              />
            </Stack>
          </Group>
          <TextInput
            label={`${t('surveys.builder.title')} (${t(`surveys.builder.languages.${lang}`)})`}
            value={draft.title[lang] ?? ''}
            onChange={(e) => setDraft({ ...draft, title: { ...draft.title, [lang]: e.currentTarget.value } })}
            error={at('title')}
            withAsterisk
            data-testid="survey-title"
          />
          <Textarea
            label={`${t('surveys.builder.intro')} (${t(`surveys.builder.languages.${lang}`)})`}
            description={t('surveys.builder.introHelp')}
            value={draft.intro[lang] ?? ''}
            onChange={(e) => setDraft({ ...draft, intro: { ...draft.intro, [lang]: e.currentTarget.value } })}
            autosize
            minRows={2}
          />
          <Select
            label={t('surveys.builder.audience')}
            description={t('surveys.builder.audienceHelp')}
            value={draft.audienceSegmentId === null ? '' : String(draft.audienceSegmentId)}
            onChange={(v) => setDraft({ ...draft, audienceSegmentId: v ? Number(v) : null })}
            allowDeselect={false}
            data={[{ value: '', label: t('surveys.everyoneActive') }, ...segments.map((s) => ({ value: String(s.id), label: s.name }))]}
            maw={420}
          />
        </Stack>
      </Paper>

      {draft.questions.map((q, i) => (
        <QuestionCard
          key={q.uid}
          q={q}
          index={i}
          count={draft.questions.length}
          lang={lang}
          issues={questionIssues(i)}
          onChange={(nq) => setQuestions(draft.questions.map((x) => (x.uid === q.uid ? nq : x)))}
          onMove={(to) => setQuestions(move(draft.questions, i, to))}
          onRemove={() => setQuestions(draft.questions.filter((x) => x.uid !== q.uid))}
        />
      ))}

      <Group>
        <Menu>
          <Menu.Target>
            <Button variant="light">{t('surveys.builder.addQuestion')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {QUESTION_KINDS.map((k) => (
              <Menu.Item key={k} onClick={() => add(k)}>
                {t(`surveys.kinds.${k}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>

      {other && (
        <Alert color="red" role="alert" data-testid="builder-error">
          {other}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()} loading={busy} data-testid="save-survey">
          {t('surveys.builder.save')}
        </Button>
      </Group>
    </Stack>
  );
}
