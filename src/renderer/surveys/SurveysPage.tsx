import { Alert, Badge, Button, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo, SurveyEntity, SurveySummary } from '../../shared/contract';
import { call } from '../api';
import { Builder } from './Builder';
import { emptySurvey, fromSurvey, type SurveyDraftState } from './builder-model';
import { ImportPanel } from './ImportPanel';
import { useSurveyErrors } from './issues';
import { PaperPanel } from './PaperPanel';
import { PhonePanel } from './PhonePanel';
import { PreferencesPanel } from './PreferencesPanel';
import { ResponsesPanel } from './ResponsesPanel';
import { ResultsPanel } from './ResultsPanel';
import { pickText } from './text';

/** In the order the work is done: write the questions, collect answers three ways, look at them, act on them. */
const TABS = ['questions', 'paper', 'phone', 'import', 'responses', 'results', 'preferences'] as const;
type Tab = (typeof TABS)[number];

/** The survey section: choose or start a survey, then its tabs. */
export function SurveysPage({ info }: { info: RegisterInfo }) {
  const { t, i18n } = useTranslation();
  const { failure } = useSurveyErrors();
  const [list, setList] = useState<SurveySummary[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [loaded, setSurvey] = useState<SurveyEntity | null>(null);
  const [draft, setDraft] = useState<SurveyDraftState | null>(null);
  const [draftKey, setDraftKey] = useState(0);
  const [tab, setTab] = useState<Tab>('questions');
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(() => {
    call('surveys.list', {}).then(setList, (e) => setProblem(failure(e)));
  }, [failure]);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    if (selected !== null) call('surveys.get', { id: selected }).then(setSurvey, (e) => setProblem(failure(e)));
  }, [selected, version, failure]);

  const changed = () => {
    setVersion((v) => v + 1);
    refresh();
  };

  const startNew = async (fromTemplate: boolean) => {
    setProblem(null);
    setSelected(null);
    setDraft(fromTemplate ? fromSurvey(await call('surveys.template', {})) : emptySurvey());
    setDraftKey((k) => k + 1);
  };

  const remove = () => {
    if (!survey) return;
    modals.openConfirmModal({
      title: t('surveys.deleteTitle'),
      children: <Text size="sm">{t('surveys.deleteText', { title: pickText(survey.title, i18n.language) })}</Text>,
      labels: { confirm: t('surveys.delete'), cancel: t('surveys.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('surveys.delete', { id: survey.id }).then(
          () => {
            setSelected(null);
            refresh();
          },
          (e) => setProblem(failure(e)),
        ),
    });
  };

  const summary = list.find((s) => s.id === selected);
  // The loaded survey only while it is the chosen one (another may still be on its way).
  const survey = loaded && loaded.id === selected ? loaded : null;
  const editing = useMemo(() => (survey ? fromSurvey(survey) : null), [survey]);

  return (
    <Stack gap="md" p="md" style={{ flex: 1, minHeight: 0 }}>
      <Stack gap={4}>
        <Title order={2}>{t('surveys.title')}</Title>
        <Text c="dimmed" maw={900}>{t('surveys.intro')}</Text>
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('surveys.choose')}
          placeholder={list.length ? t('surveys.choosePlaceholder') : t('surveys.noneYet')}
          value={selected === null ? null : String(selected)}
          onChange={(v) => {
            setDraft(null);
            setTab('questions');
            setSelected(v ? Number(v) : null);
          }}
          data={list.map((s) => ({ value: String(s.id), label: pickText(s.title, i18n.language) || `#${s.id}` }))}
          w={360}
          data-testid="survey-select"
        />
        <Button onClick={() => void startNew(true)}>{t('surveys.fromTemplate')}</Button>
        <Button variant="default" onClick={() => void startNew(false)}>
          {t('surveys.newEmpty')}
        </Button>
        {survey && survey.responses === 0 && summary?.unmatched === 0 && (
          <Button variant="subtle" color="red" onClick={remove}>
            {t('surveys.delete')}
          </Button>
        )}
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {draft && (
        <Builder
          key={draftKey}
          initial={draft}
          onSaved={(s) => {
            setDraft(null);
            refresh();
            setSelected(s.id);
            setVersion((v) => v + 1);
          }}
        />
      )}
      {!draft && survey && (
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
          <Tabs.List aria-label={t('surveys.tabsLabel')}>
            {TABS.map((id) => (
              <Tabs.Tab key={id} value={id}>
                {t(`surveys.tabs.${id}`)}
                {id === 'responses' && summary && summary.unmatched > 0 && (
                  <Badge ml={6} size="sm" color="yellow">
                    {summary.unmatched}
                  </Badge>
                )}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="questions" pt="md">
            {editing && <Builder key={`${survey.id}:${survey.updatedAt}`} initial={editing} onSaved={() => changed()} />}
          </Tabs.Panel>
          <Tabs.Panel value="paper" pt="md">
            <PaperPanel survey={survey} onChanged={changed} />
          </Tabs.Panel>
          <Tabs.Panel value="phone" pt="md">
            <PhonePanel survey={survey} info={info} onChanged={changed} />
          </Tabs.Panel>
          <Tabs.Panel value="import" pt="md">
            <ImportPanel survey={survey} onChanged={changed} />
          </Tabs.Panel>
          <Tabs.Panel value="responses" pt="md">
            <ResponsesPanel survey={survey} onChanged={changed} />
          </Tabs.Panel>
          <Tabs.Panel value="results" pt="md">
            <ResultsPanel survey={survey} version={version} />
          </Tabs.Panel>
          <Tabs.Panel value="preferences" pt="md">
            <PreferencesPanel survey={survey} onChanged={changed} />
          </Tabs.Panel>
        </Tabs>
      )}
      {!draft && !survey && !list.length && (
        <Alert color="blue" title={t('surveys.startTitle')}>
          {t('surveys.startText')}
        </Alert>
      )}
    </Stack>
  );
}
