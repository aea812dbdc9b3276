import { ActionIcon, Badge, Button, Checkbox, Group, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PREFERRED_CHANNELS, PREFERRED_FREQUENCIES, QUESTION_KINDS, type Language, type LocalText, type QuestionKind } from '../../shared/contract';
import type { QuestionDraft } from './builder-model';
import { pickText } from './text';

/** The text in the language being written; the placeholder shows it in another language, so a missing translation stands out. */
function LocalInput(props: {
  label: string;
  value: LocalText;
  lang: Language;
  onChange: (v: LocalText) => void;
  error?: string;
  testId?: string;
  required?: boolean;
  /** An option: its number in front instead of a label above (the label is still its accessible name). */
  number?: number;
}) {
  const { t } = useTranslation();
  const other = pickText(props.value, props.lang === 'en' ? 'sv' : 'en');
  const label = `${props.label} (${t(`surveys.builder.languages.${props.lang}`)})`;
  return (
    <TextInput
      label={props.number === undefined ? label : undefined}
      aria-label={props.number === undefined ? undefined : label}
      leftSection={props.number === undefined ? undefined : <Text size="sm" c="dimmed">{props.number}</Text>}
      value={props.value[props.lang] ?? ''}
      placeholder={other ? t('surveys.builder.untranslated', { text: other }) : undefined}
      onChange={(e) => props.onChange({ ...props.value, [props.lang]: e.currentTarget.value })}
      error={props.error}
      withAsterisk={props.required}
      data-testid={props.testId}
    />
  );
}

/** One question of the builder: its kind, words, whether it must be answered, its options, and its place. */
export function QuestionCard(props: {
  q: QuestionDraft;
  index: number;
  count: number;
  lang: Language;
  onChange: (q: QuestionDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** Translated issues at this question, by the part they concern ("text", "options", "options.1", "kind", "interests"). */
  issues: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { q, index } = props;
  const n = index + 1;
  const set = (patch: Partial<QuestionDraft>) => props.onChange({ ...q, ...patch });
  const choice = q.kind === 'single' || q.kind === 'multiple';
  const fixed = q.kind === 'channels' ? PREFERRED_CHANNELS : q.kind === 'frequency' ? PREFERRED_FREQUENCIES : null;

  return (
    <Paper withBorder p="md" data-testid="question-card" aria-label={t('surveys.builder.questionN', { n })} component="section">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Group align="flex-end" gap="sm">
            <Badge size="lg" variant="light">{t('surveys.builder.questionN', { n })}</Badge>
            <Select
              label={t('surveys.builder.kind')}
              value={q.kind}
              allowDeselect={false}
              onChange={(v) => v && set({ kind: v as QuestionKind, options: (v === 'single' || v === 'multiple') && !q.options.length ? [{ text: {} }, { text: {} }] : q.options })}
              data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.kinds.${k}`) }))}
              error={props.issues.kind}
              w={260}
            />
            <Switch label={t('surveys.builder.required')} checked={q.required} onChange={(e) => set({ required: e.currentTarget.checked })} mb={8} />
          </Group>
          <Group gap={4}>
            <Button size="xs" variant="default" onClick={() => props.onMove(index - 1)} disabled={index === 0} aria-label={t('surveys.builder.moveUpN', { n })}>
              {t('surveys.builder.moveUp')}
            </Button>
            <Button size="xs" variant="default" onClick={() => props.onMove(index + 1)} disabled={index === props.count - 1} aria-label={t('surveys.builder.moveDownN', { n })}>
              {t('surveys.builder.moveDown')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={props.onRemove} aria-label={t('surveys.builder.removeN', { n })}>
              {t('surveys.builder.remove')}
            </Button>
          </Group>
        </Group>
        <LocalInput label={t('surveys.builder.questionText')} value={q.text} lang={props.lang} onChange={(text) => set({ text })} error={props.issues.text} testId="question-text" required />
        {choice && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>{`${t('surveys.builder.options')} (${t(`surveys.builder.languages.${props.lang}`)})`}</Text>
            {q.options.map((o, j) => (
              <Group key={j} gap="xs" align="flex-end" wrap="nowrap" maw={620}>
                <div style={{ flex: 1 }}>
                  <LocalInput
                    label={t('surveys.builder.optionN', { n: j + 1 })}
                    number={j + 1}
                    value={o.text}
                    lang={props.lang}
                    onChange={(text) => set({ options: q.options.map((x, k) => (k === j ? { ...x, text } : x)) })}
                    error={props.issues[`options.${j}`]}
                  />
                </div>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={props.issues[`options.${j}`] ? 22 : 0}
                  onClick={() => set({ options: q.options.filter((_, k) => k !== j) })}
                  aria-label={t('surveys.builder.removeOptionN', { n: j + 1 })}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            {props.issues.options && <Text c="red" size="sm" role="alert">{props.issues.options}</Text>}
            <Group>
              <Button size="xs" variant="light" onClick={() => set({ options: [...q.options, { text: {} }] })}>
                {t('surveys.builder.addOption')}
              </Button>
            </Group>
            <Checkbox
              label={t('surveys.builder.interests')}
              description={t('surveys.builder.interestsHelp')}
              checked={q.interests}
              onChange={(e) => set({ interests: e.currentTarget.checked })}
              error={props.issues.interests}
            />
          </Stack>
        )}
        {fixed && (
          <Text size="sm" c="dimmed">
            {t(`surveys.builder.fixedHelp.${q.kind}`, { options: fixed.map((k) => t(`surveys.${q.kind === 'channels' ? 'channels' : 'frequencies'}.${k}`)).join(', ') })}
          </Text>
        )}
        {q.kind === 'scale' && <Text size="sm" c="dimmed">{t('surveys.builder.scaleHelp')}</Text>}
        {(q.kind === 'short' || q.kind === 'long') && <Text size="sm" c="dimmed">{t(`surveys.builder.textHelp.${q.kind}`)}</Text>}
      </Stack>
    </Paper>
  );
}
