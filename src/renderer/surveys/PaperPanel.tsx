import { Alert, Button, Group, NumberInput, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type SegmentEntity, type SurveyEntity } from '../../shared/contract';
import { bridge, call } from '../api';
import { EntryForm } from './EntryForm';
import { SavedFile } from '../components/SavedFile';
import { useSurveyErrors } from './issues';
import { asLanguage, pickText } from './text';

/** Printable forms (one per member with name and number, or blank copies), and the entry screen for the answers. */
export function PaperPanel({ survey, onChanged }: { survey: SurveyEntity; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { failure } = useSurveyErrors();
  const [segments, setSegments] = useState<SegmentEntity[]>([]);
  const [who, setWho] = useState<'members' | 'blank'>('members');
  const [segmentId, setSegmentId] = useState('');
  const [copies, setCopies] = useState<number>(1);
  const [lang, setLang] = useState<Language>(asLanguage(i18n.language));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ path: string; forms: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
  }, []);

  const print = async () => {
    setProblem(null);
    setDone(null);
    const path = await bridge.host.pickSavePath({
      title: t('surveys.paper.pickTitle'),
      defaultName: `${pickText(survey.title, lang) || t('surveys.nav')}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!path) return;
    setBusy(true);
    try {
      const r = await call('surveys.formPdf', {
        surveyId: survey.id,
        path,
        language: lang,
        ...(who === 'blank' ? { blank: copies } : { segment: segmentId ? { id: Number(segmentId) } : undefined }),
      });
      setDone(r);
    } catch (e) {
      setProblem(failure(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={900}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <div>
            <Title order={3}>{t('surveys.paper.title')}</Title>
            <Text size="sm" c="dimmed">{t('surveys.paper.intro')}</Text>
          </div>
          <Radio.Group label={t('surveys.paper.who')} value={who} onChange={(v) => setWho(v as 'members' | 'blank')}>
            <Stack gap={6} mt={6}>
              <Radio value="members" label={t('surveys.paper.perMember')} />
              <Radio value="blank" label={t('surveys.paper.blank')} />
            </Stack>
          </Radio.Group>
          <Group align="flex-end">
            {who === 'members' ? (
              <Select
                label={t('surveys.paper.members')}
                value={segmentId}
                onChange={(v) => setSegmentId(v ?? '')}
                allowDeselect={false}
                data={[{ value: '', label: t('surveys.asked') }, ...segments.map((s) => ({ value: String(s.id), label: s.name }))]}
                w={320}
              />
            ) : (
              <NumberInput label={t('surveys.paper.copies')} value={copies} onChange={(v) => setCopies(Math.max(1, Math.min(500, Number(v) || 1)))} min={1} max={500} w={160} />
            )}
            <Select
              label={t('surveys.paper.language')}
              value={lang}
              onChange={(v) => v && setLang(v as Language)}
              allowDeselect={false}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`surveys.builder.languages.${l}`) }))}
              w={180}
            />
            <Button onClick={() => void print()} loading={busy}>
              {t('surveys.paper.print')}
            </Button>
          </Group>
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {done && <SavedFile text={t('surveys.paper.done', { count: done.forms, path: done.path })} path={done.path} testId="forms-done" />}
        </Stack>
      </Paper>
      <EntryForm survey={survey} onSaved={onChanged} />
    </Stack>
  );
}
